import { z } from 'zod/mini';

/**
 * Tabs a person opened Hirebridge on through the toolbar icon (activeTab): their page may talk to the service
 * worker like an ATS page does, for as long as the tab stays on that origin. Kept in session storage so a
 * restarted worker remembers; gone when the browser closes.
 */

const STORAGE_KEY = 'grantedTabs';
/** Tab id → the origin it was granted on. Anything else read back grants nothing. */
const GrantedTabs = z.record(z.string().check(z.regex(/^\d+$/)), z.string());
const granted = new Map<number, string>();

/** The read of the grants of this worker's last life (every worker start). */
let loading: Promise<void> = Promise.resolve();

export function loadGrantedTabs(): Promise<void> {
  loading = (async () => {
    const stored = GrantedTabs.safeParse((await browser.storage.session.get(STORAGE_KEY))[STORAGE_KEY]);
    for (const [tabId, origin] of Object.entries(stored.success ? stored.data : {})) granted.set(Number(tabId), origin);
  })();
  return loading;
}

async function persist() {
  await browser.storage.session.set({ [STORAGE_KEY]: Object.fromEntries(granted) });
}

export async function grantTab(tabId: number, pageUrl: string): Promise<void> {
  // The grants of the worker's last life are read first: the write below keeps them rather than overwriting them.
  // A failed read is the start-up's to log (it grants nothing back); this grant still goes ahead.
  await loading.catch(() => undefined);
  granted.set(tabId, new URL(pageUrl).origin);
  await persist();
}

export function isGrantedTab(tabId: number | undefined, url: URL): boolean {
  return tabId !== undefined && granted.get(tabId) === url.origin;
}

/** A tab that closed or left the origin loses its grant (activeTab's own rule). */
export async function forgetTab(tabId: number, newUrl?: string): Promise<void> {
  const origin = granted.get(tabId);
  if (!origin) return;
  if (newUrl !== undefined) {
    try {
      if (new URL(newUrl).origin === origin) return;
    } catch {
      // not a URL: forget
    }
  }
  granted.delete(tabId);
  await persist();
}

/** Start-up: grants follow their tabs (closed, or gone to another origin). */
export function followGrantedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => change.url && void forgetTab(tabId, change.url));
}
