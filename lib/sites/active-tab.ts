import { PublicError } from '../errors';
import { grantTab } from './granted-tabs';
import { t } from './messages';

/**
 * The in-page tools the popup and pages open (the Export and Sync dialogs, the "Teach this page" picker): each is a
 * content script file that, once injected, sets a global with `open(request)`.
 */
export interface InPageTool {
  /** The content script file, e.g. '/content-scripts/dialogs.js'. */
  script: string;
  /** The global the script sets (e.g. DIALOGS_GLOBAL). */
  global: string;
}

/**
 * The web page the popup was opened over: the active tab of the last focused window, or — when the popup itself
 * is showing in a tab (e.g. opened from the options page) — the web tab used most recently.
 */
export async function pageTabBehindPopup() {
  const isWeb = (url?: string) => !!url && /^https?:/.test(url);
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (isWeb(active?.url)) return active;
  const tabs = (await browser.tabs.query({ lastFocusedWindow: true })).filter((tab) => isWeb(tab.url));
  return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

/** A page's content script asks for a tool in its own tab (top frame): only a page can ask. */
export async function injectIntoAskingTab(tabId: number | undefined, script: string): Promise<null> {
  if (tabId === undefined) throw new PublicError(t('formOnlyOnPage'), 'no-tab');
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [script] });
  return null;
}

/**
 * The popup opens a tool on the page behind it. activeTab: the click on the toolbar icon granted this tab for now
 * (nothing is asked for ahead of time), so the tab is granted — its page may talk to the worker while it stays on
 * that site — and the tool is injected and opened there.
 */
export async function openOnPageBehindPopup(tool: InPageTool, request: unknown): Promise<{ tabTitle?: string }> {
  const tab = await pageTabBehindPopup();
  if (!tab?.id || !tab.url) throw new PublicError(t('openPageFirst'), 'no-tab');
  await grantTab(tab.id, tab.url);
  await browser.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: [tool.script] });
  await browser.scripting.executeScript({
    target: { tabId: tab.id, frameIds: [0] },
    func: (global: string, request: unknown) => (globalThis as unknown as Record<string, { open(r: unknown): void }>)[global]?.open(request),
    args: [tool.global, request],
  });
  return { tabTitle: tab.title };
}
