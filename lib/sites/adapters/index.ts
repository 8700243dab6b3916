import { taughtHostOf } from '../recipe-key';
import type { SiteAdapter } from '../types';
import { ashby } from './ashby';
import { demoAts } from './demo-ats';
import { factorialAts } from './factorial';
import { greenhouse } from './greenhouse';
import { lever } from './lever';
import { recruitee } from './recruitee';
import { screenloop } from './screenloop';
import { smartrecruiters } from './smartrecruiters';
import { teamtailor } from './teamtailor';
import { workable } from './workable';

/**
 * The built-in site adapters, one file each (URL shapes with their public evidence, selectors, what is not known).
 * Ids come from the URL, the data from the ATS's API when it is the connected one, and the form lets people fix
 * the rest.
 */
export { ashby, demoAts, factorialAts, greenhouse, lever, recruitee, screenloop, smartrecruiters, teamtailor, workable };

export const ADAPTERS: readonly SiteAdapter[] = [demoAts, greenhouse, lever, ashby, workable, teamtailor, smartrecruiters, recruitee, factorialAts, screenloop];

export function adapterById(id: string): SiteAdapter | undefined {
  // A taught site's adapter as the worker knows it (its name; it reads pages only in the page, from its recipe).
  const host = taughtHostOf(id);
  if (host) return { id, name: host, hosts: [`https://${host}/*`], isSite: (url) => url.hostname === host, pageKind: () => null, candidateId: () => null, mounts: () => [] };
  return ADAPTERS.find((a) => a.id === id);
}

/** The adapter for a page URL (ignoring whether an admin switched it off). */
export function adapterForUrl(url: URL): SiteAdapter | undefined {
  return ADAPTERS.find((a) => a.isSite(url));
}

/** The match patterns the manifest declares for ATS pages: every built-in adapter's hosts (the demo ATS is granted at run time). */
export const BUILT_IN_ATS_HOSTS: readonly string[] = ADAPTERS.filter((a) => a !== demoAts).flatMap((a) => a.hosts);
