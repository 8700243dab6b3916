import { taughtHosts } from '../recipes/store';
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
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
    if (matches.length) {
      await browser.scripting.registerContentScripts([{ id: SCRIPT_ID, matches, js: [ATS_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true }]);
    }
    return matches;
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Pages whose content scripts may ask for intents: an adapter's site that an admin has not switched off, on a
 * built-in host or on one that is granted right now.
 */
export function isAllowedAtsPage(url: URL, disabled: ReadonlySet<string>): boolean {
  if (url.protocol === 'https:' && taughtOrigins.has(url.origin)) return true;
  const adapter = adapterForUrl(url);
  if (!adapter || disabled.has(adapter.id)) return false;
  return !adapter.needsGrant?.(url) || grantedOrigins.has(url.origin);
}
