import { taughtHosts } from './store';
import { siteForUrl } from '../sites/where';
import { grantedAtsMatches } from '../sites/granted-hosts';

/**
 * Content scripts for hosts granted at run time (the sandbox's demo ATS on this computer, a company's sign-in
 * subdomain of a built-in ATS). Built-in ATS hosts are in the manifest; these are registered when their
 * permission exists, and unregistered when it goes.
 */

const SCRIPT_ID = 'hirebridge-ats-granted-hosts';
const ATS_SCRIPT = 'content-scripts/ats.js';

/** Origins (`https://acme.greenhouse.io`) whose pages the worker answers because an admin granted them. */
let grantedOrigins = new Set<string>();
/** Origins of hosts no adapter knows that an admin taught ("Teach this page") and granted. */
let taughtOrigins = new Set<string>();
let queue: Promise<unknown> = Promise.resolve();

const originOf = (pattern: string) => new URL(pattern.replace(/\*$/, '')).origin;

/** Reads which ATS hosts are granted (cheap; part of the worker's ready state). */
export async function loadGrantedAtsOrigins(): Promise<string[]> {
  const origins = (await browser.permissions.getAll()).origins ?? [];
  const taught = (await taughtHosts().catch(() => [] as string[])).map((host) => `https://${host}/*`).filter((pattern) => origins.includes(pattern) || origins.includes('https://*/*'));
  const matches = [...new Set([...grantedAtsMatches(origins), ...taught])];
  grantedOrigins = new Set(matches.map(originOf));
  taughtOrigins = new Set(taught.map(originOf));
  return matches;
}

/** Registers the ATS content script on exactly the granted hosts. Calls are queued: grants can arrive together. */
export function syncGrantedHostScripts(): Promise<string[]> {
  const run = queue.then(async () => {
    const matches = await loadGrantedAtsOrigins();
    // Left alone when it is already right (every worker start lands here): unregistering and registering again
    // left a moment in which a page opened (the first after a browser start) got no content script at all.
    const found = await Promise.resolve()
      .then(() => browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }))
      .catch(() => null);
    const current = found?.[0];
    if (current && JSON.stringify([...(current.matches ?? [])].sort()) === JSON.stringify([...matches].sort())) return matches;
    // Unknown (the browser could not say) counts as registered: a second registration of the id would fail.
    if (current || !found) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined); // none registered after all
    if (matches.length) {
      await browser.scripting.registerContentScripts([{ id: SCRIPT_ID, matches, js: [ATS_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true }]);
      await injectIntoOpenTabs(matches);
    }
    return matches;
  });
  queue = run.catch(() => undefined); // the next run goes ahead; this run's caller gets its failure
  return run;
}

/**
 * A registration made now reaches only pages loaded from now on. Chromium drops it when it reloads the extension
 * (an unpacked one at every browser start; an update), so the pages opened before the worker registered it again
 * — the first candidate page after a browser start — get the script here. A page that has it already loses
 * nothing: WXT stops the older copy when a new one starts.
 */
async function injectIntoOpenTabs(matches: string[]): Promise<void> {
  const tabs = await Promise.resolve()
    .then(() => browser.tabs.query({ url: matches }))
    .catch(() => []); // a pattern the browser refuses matches no tab: nothing to inject into
  // A tab that cannot take the script (closed meanwhile, an error page) keeps working without its button.
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : browser.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: [ATS_SCRIPT] }).catch(() => undefined))),
  );
}

/**
 * Pages whose content scripts may ask for intents: an adapter's site that an admin has not switched off, on a
 * built-in host or on one that is granted right now.
 */
export function isAllowedAtsPage(url: URL, disabled: ReadonlySet<string>): boolean {
  if (url.protocol === 'https:' && taughtOrigins.has(url.origin)) return true;
  const site = siteForUrl(url);
  if (!site || disabled.has(site.id)) return false;
  return !site.needsGrant?.(url) || grantedOrigins.has(url.origin);
}
