/**
 * Chrome/Firefox match patterns (`https://*.example.com/*`), read the way the browser reads them, so the host
 * patterns a content script is registered for and the host checks an adapter makes are one rule, not two.
 * Only what the manifest uses: an `http`/`https`/`*` scheme, an exact host or a `*.` wildcard, any path.
 */

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[a-z0-9.-]+)\/(.*)$/;

export interface ParsedPattern {
  scheme: '*' | 'http' | 'https';
  /** Hostname regular expression (a `*.` wildcard also matches the bare domain, as browsers do). */
  host: RegExp;
  /** Path (with query) regular expression; `*` is any run of characters. */
  path: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function parseMatchPattern(pattern: string): ParsedPattern {
  const m = PATTERN.exec(pattern);
  if (!m) throw new Error(`Not a match pattern: ${pattern}`);
  const [, scheme, host, path] = m;
  const hostRe = host === '*' ? /^.+$/ : host.startsWith('*.') ? new RegExp(`^(?:[a-z0-9-]+\\.)*${escape(host.slice(2))}$`) : new RegExp(`^${escape(host)}$`);
  const pathRe = new RegExp(`^/${path.split('*').map(escape).join('.*')}$`);
  return { scheme: scheme as ParsedPattern['scheme'], host: hostRe, path: pathRe };
}

/** Does the browser run a script registered for `pattern` on this URL? (Ports are ignored, as browsers do.) */
export function matchesPattern(pattern: string, url: URL): boolean {
  const { scheme, host, path } = parseMatchPattern(pattern);
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  return host.test(url.hostname) && path.test(url.pathname + url.search);
}
