import { liveQuery } from 'dexie';
import { db } from '../db';
import { iconPaths, TOOLBAR_SIZES, type IconVariant } from '../icons';
import { badgeText, waitingGroups } from './groups';
import type { CandidateRecord } from '../people/candidates';
import { t } from './messages';

/** Toolbar updates are cosmetic: one that fails, at once or later, must never stop the badge or the background. */
function toToolbar(update: (action: typeof browser.action) => Promise<unknown>): void {
  try {
    void update(browser.action).catch(() => undefined);
  } catch {
    // No toolbar API in this context: nothing to show.
  }
}

/** The badge text the toolbar shows now, or undefined when it cannot be read (no toolbar API here). */
async function shownBadgeText(): Promise<string | undefined> {
  try {
    return await browser.action.getBadgeText({});
  } catch {
    return undefined;
  }
}

/** What the toolbar shows for a list: the badge text, the icon and the title, always set together. */
export interface ToolbarState {
  text: string;
  icon: IconVariant;
  title: string;
}

/**
 * What the toolbar must be told for this list, given the badge text it shows now (undefined: not known), or null
 * when it shows it already. Text, icon and title are only ever set together, so the text says which icon is up.
 */
export function toolbarUpdate(shownText: string | undefined, records: readonly CandidateRecord[]): ToolbarState | null {
  const waiting = waitingGroups(records).length;
  const text = badgeText(waiting);
  if (text === shownText) return null;
  return {
    text,
    icon: waiting ? 'waiting' : 'default',
    title: waiting ? (waiting === 1 ? t('badgeOne') : t('badgeMany', { count: waiting })) : 'Hirebridge',
  };
}

/**
 * The toolbar badge and icon: how many hired candidates wait for export (the icon gets a dot), following every
 * change to the list.
 *
 * A worker start (every browser start, every wake-up) finds the toolbar as it was: the manifest's icon and no text
 * after a start, or what the last worker set. Only a change is sent: in a service worker `action.setIcon({ path })`
 * fetches, decodes and redraws each size on an OffscreenCanvas (Chromium's extensions/renderer/resources/set_icon.js,
 * loadImagePathForServiceWorker), which took 70–150 ms of the worker's time right after its first answers (the
 * options page's first open, bench options-first-open; ~200 ms of its CPU in a trace) to redraw the icon shown.
 */
export function followBadge(): () => void {
  toToolbar((action) => action.setBadgeBackgroundColor({ color: '#2f5bea' }));
  // Each update waits for the one before it; the first for the toolbar's current text (read once).
  let shown: string | undefined;
  let updates: Promise<unknown> = shownBadgeText().then((text) => (shown = text));
  const show = (records: readonly CandidateRecord[]) => {
    const update = toolbarUpdate(shown, records);
    if (!update) return;
    shown = update.text;
    toToolbar((action) => action.setBadgeText({ text: update.text }));
    toToolbar((action) => action.setIcon({ path: iconPaths(update.icon, TOOLBAR_SIZES, '/') }));
    toToolbar((action) => action.setTitle({ title: update.title }));
  };
  const subscription = liveQuery(() => db().candidates.toArray()).subscribe({
    next: (records) => {
      updates = updates.then(() => show(records)).catch(() => undefined);
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
