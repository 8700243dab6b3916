import type { AtsSite } from './types';
import { SITES } from './where';

/**
 * ATS hosts an admin grants at run time (a company's own sign-in subdomain such as `acme.greenhouse.io`, a numbered
 * or regional host the manifest does not list): which adapter takes an address, and which granted origins get the
 * content script. Pure: the options page and the service worker share it.
 */

/** The local demo ATS, once 127.0.0.1 / localhost are granted (the sandbox). */
const LOCAL_DEMO: Record<string, string> = { 'http://127.0.0.1/*': 'http://127.0.0.1/demo-ats/*', 'http://localhost/*': 'http://localhost/demo-ats/*' };

export type GrantableAddress =
  | { ok: true; adapter: AtsSite; origin: string; host: string }
  | { ok: false; reason: 'not-an-address' | 'not-https' | 'built-in' | 'unknown-ats'; adapter?: AtsSite };

/** What an admin typed ("acme.greenhouse.io", "https://acme.greenhouse.io/users/sign_in"), read as an ATS host. */
export function grantableAddress(input: string): GrantableAddress {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'not-an-address' };
  }
  if (!url.hostname || url.username || url.password) return { ok: false, reason: 'not-an-address' };
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https' };
  const root = new URL(`https://${url.hostname}/`);
  const adapter = SITES.find((a) => a.grantableHost && a.isSite(root));
  if (!adapter) return { ok: false, reason: 'unknown-ats' };
  if (!adapter.needsGrant?.(root)) return { ok: false, reason: 'built-in', adapter };
  return { ok: true, adapter, origin: `https://${url.hostname}/*`, host: url.hostname };
}

/** Granted origin patterns (permissions.getAll().origins) → the match patterns the ATS content script runs on. */
export function grantedAtsMatches(origins: readonly string[]): string[] {
  const matches = new Set<string>();
  for (const origin of origins) {
    if (LOCAL_DEMO[origin]) matches.add(LOCAL_DEMO[origin]);
    const host = /^https:\/\/([a-z0-9.-]+)\/\*$/.exec(origin)?.[1];
    if (host) {
      const address = grantableAddress(host);
      if (address.ok) matches.add(address.origin);
    }
  }
  return [...matches];
}

/** The granted ATS hosts an admin added (not the demo), for the options page's list. */
export function grantedAtsHosts(origins: readonly string[]): { host: string; origin: string; adapterName: string }[] {
  return origins.flatMap((origin) => {
    const host = /^https:\/\/([a-z0-9.-]+)\/\*$/.exec(origin)?.[1];
    const address = host ? grantableAddress(host) : undefined;
    return address?.ok ? [{ host: address.host, origin: address.origin, adapterName: address.adapter.name }] : [];
  });
}
