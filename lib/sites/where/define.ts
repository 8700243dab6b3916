import { parseMatchPattern } from '../match-pattern';
import type { AtsSite } from '../types';

/**
 * Where a built-in ATS's web app runs, declared once: the manifest's match patterns, the content script's
 * registration and the site's own host check all come from it. How its pages are read is elsewhere
 * (lib/sites/adapters/<id>.ts, built on this declaration), so the service worker loads only this.
 */
export interface SiteSpec<Id extends string = string> {
  id: Id;
  name: string;
  komboTool?: string;
  /**
   * Match patterns of the hosts in the manifest (https). The site's host check is derived from them, so the
   * browser's idea of where the content script runs and the site's idea of its pages are one rule.
   */
  hosts: readonly string[];
  /** Hosts under `hosts` that are not the recruiter's app (public career sites on the same wildcard). */
  publicHost?: RegExp;
  /**
   * Hosts an admin may grant at run time (a company's sign-in subdomain, another region's stack): never in the
   * manifest; the content script is registered for each one granted (lib/recipes/registration.ts).
   */
  grantableHost?: RegExp;
}

export function defineSite<const Id extends string>(spec: SiteSpec<Id>): AtsSite & { id: Id } {
  // Built when first needed: every ATS page loads every site, and most never ask.
  let builtIn: RegExp[] | undefined;
  const builtInHosts = () => (builtIn ??= spec.hosts.map((pattern) => parseMatchPattern(pattern).host));
  const isBuiltInHost = (url: URL) =>
    url.protocol === 'https:' && builtInHosts().some((host) => host.test(url.hostname)) && !spec.publicHost?.test(url.hostname);
  return {
    ...spec,
    // The built-in hosts are all https; an http page of the same name is not the ATS (and not a trusted sender).
    isSite: (url) => isBuiltInHost(url) || (url.protocol === 'https:' && !!spec.grantableHost?.test(url.hostname)),
    needsGrant: (url) => !isBuiltInHost(url),
  };
}
