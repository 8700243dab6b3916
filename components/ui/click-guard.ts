import { createContext, useContext } from 'react';

/**
 * Asked before a dialog sends anything on a person's click: null to go on, or why not (shown to the person). The
 * framed dialogs (dialog.html inside a web page) refuse a click that landed while the page hid, covered, moved or
 * faded the frame (clickjacking); the popup's dialogs have nothing to fear from a page and go on.
 */
export type ClickGuard = (event: MouseEvent) => Promise<string | null>;

export const ClickGuardContext = createContext<ClickGuard>(async () => null);

export const useClickGuard = (): ClickGuard => useContext(ClickGuardContext);
