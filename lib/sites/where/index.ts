import { taughtHostOf } from '../recipe-key';
import type { AtsSite } from '../types';
import { ashbySite } from './ashby';
import { demoAtsSite } from './demo-ats';
import { factorialAtsSite } from './factorial';
import { greenhouseSite } from './greenhouse';
import { leverSite } from './lever';
import { recruiteeSite } from './recruitee';
import { screenloopSite } from './screenloop';
import { smartrecruitersSite } from './smartrecruiters';
import { taughtSite } from './taught';
import { teamtailorSite } from './teamtailor';
import { workableSite } from './workable';

/**
 * Where the built-in ATS web apps run (ids, names, hosts), one declaration each, and nothing about how their
 * pages are read: what the service worker, the options page and the manifest use. The content script reads the
 * pages with the site adapters (lib/sites/adapters), each built on its site's declaration here; the import rules
 * (.dependency-cruiser.cjs, `worker-knows-where-not-how`) keep those out of the worker. As refined-github's
 * features declare where they run apart from what they do.
 */
export const SITES = [
  demoAtsSite,
  greenhouseSite,
  leverSite,
  ashbySite,
  workableSite,
  teamtailorSite,
  smartrecruitersSite,
  recruiteeSite,
  factorialAtsSite,
  screenloopSite,
] as const;

/** A built-in site's id. */
export type SiteId = (typeof SITES)[number]['id'];

/** The site an adapter id names: a built-in one, or a taught site's (`taught:<host>`). */
export function siteById(id: string): AtsSite | undefined {
  const host = taughtHostOf(id);
  if (host) return taughtSite(host);
  return SITES.find((s) => s.id === id);
}

/** The built-in site a page URL belongs to (ignoring whether an admin switched it off). */
export function siteForUrl(url: URL): AtsSite | undefined {
  return SITES.find((s) => s.isSite(url));
}

/** The match patterns the manifest declares for ATS pages: every built-in site's hosts (the demo ATS is granted at run time). */
export const BUILT_IN_ATS_HOSTS: readonly string[] = SITES.filter((s) => s !== demoAtsSite).flatMap((s) => s.hosts);
