import { adapterForUrl } from './adapters';
import { grantedAtsMatches } from './granted-hosts';

/**
 * Content scripts for hosts granted at run time (the sandbox's demo ATS on this computer, a company's sign-in
 * subdomain of a built-in ATS). Built-in ATS hosts are in the manifest; these are registered when their
 * permission exists, and unregistered when it goes.
 */

const SCRIPT_ID = 'hirebridge-ats-granted-hosts';
const ATS_SCRIPT = 'content-scripts/ats.js';

/** Origins (`https://acme.greenhouse.io`) whose pages the worker answers because an admin granted them. */
let grantedOrigins = new Set<string>();
let queue: Promise<unknown> = Promise.resolve();

const originOf = (pattern: string) => new URL(pattern.replace(/\*$/, '')).origin;

/** Reads which ATS hosts are granted (cheap; part of the worker's ready state). */
export async function loadGrantedAtsOrigins(): Promise<string[]> {
  const matches = grantedAtsMatches((await browser.permissions.getAll()).origins ?? []);
  grantedOrigins = new Set(matches.map(originOf));
  return matches;
}

/** Registers the ATS content script on exactly the granted hosts. Calls are queued: grants can arrive together. */
export function syncGrantedHostScripts(): Promise<string[]> {
  const run = queue.then(async () => {
    const matches = await loadGrantedAtsOrigins();
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined); // none registered yet
    if (matches.length) {
      await browser.scripting.registerContentScripts([{ id: SCRIPT_ID, matches, js: [ATS_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true }]);
    }
    return matches;
  });
  queue = run.catch(() => undefined); // the next run goes ahead; this run's caller gets its failure
  return run;
}

/**
 * Pages whose content scripts may ask for intents: an adapter's site that an admin has not switched off, on a
 * built-in host or on one that is granted right now.
 */
export function isAllowedAtsPage(url: URL, disabled: ReadonlySet<string>): boolean {
  const adapter = adapterForUrl(url);
  if (!adapter || disabled.has(adapter.id)) return false;
  return !adapter.needsGrant?.(url) || grantedOrigins.has(url.origin);
}
