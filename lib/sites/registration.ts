import { adapterForUrl } from './adapters';

/**
 * Content scripts for hosts granted at run time (the sandbox's demo ATS on this computer, an ATS on a custom
 * domain). Built-in ATS hosts are in the manifest; these are registered when their permission exists.
 */

const SCRIPT_ID = 'hirebridge-ats-granted-hosts';
const ATS_SCRIPT = 'content-scripts/ats.js';
/** Granted origins that host an ATS page an adapter knows, with the paths to run on. */
const LOCAL_DEMO_PATTERNS = ['http://127.0.0.1/demo-ats/*', 'http://localhost/demo-ats/*'];

export async function syncGrantedHostScripts(): Promise<string[]> {
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  const matches = LOCAL_DEMO_PATTERNS.filter((pattern) => granted.has(`${new URL(pattern.replace('/*', '/')).origin}/*`));
  await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
  if (matches.length) {
    await browser.scripting.registerContentScripts([{ id: SCRIPT_ID, matches, js: [ATS_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true }]);
  }
  return matches;
}

/** Pages whose content scripts may ask for intents: an adapter's site that an admin has not switched off. */
export function isAllowedAtsPage(url: URL, disabled: ReadonlySet<string>): boolean {
  const adapter = adapterForUrl(url);
  return !!adapter && !disabled.has(adapter.id);
}
