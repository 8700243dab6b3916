import type { SiteAdapter } from '../types';
import { SITES, type SiteId } from '../where';
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
 * How the built-in sites' pages are read, one file each (URL shapes with their public evidence, selectors, what is
 * not known), each built on its site's declaration (lib/sites/where). Ids come from the URL, the data from the
 * ATS's API when it is the connected one, and the form lets people fix the rest. The ATS content script's, the
 * page tools' and the tests': the service worker and the options page use lib/sites/where only.
 */
export { ashby, demoAts, factorialAts, greenhouse, lever, recruitee, screenloop, smartrecruiters, teamtailor, workable };

/** Every built-in site's adapter, by its id: the type makes it name each site once, and no other. */
const BY_ID: Readonly<Record<SiteId, SiteAdapter>> = {
  'demo-ats': demoAts,
  greenhouse,
  lever,
  ashby,
  workable,
  teamtailor,
  smartrecruiters,
  recruitee,
  factorial: factorialAts,
  screenloop,
};

/** The adapters, in the sites' order (lib/sites/where's SITES: the first that takes a page wins). */
export const ADAPTERS: readonly SiteAdapter[] = SITES.map((site) => BY_ID[site.id]);
