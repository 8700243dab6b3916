import type { DirectAts } from '../direct';
import { createGreenhouseAts } from './ats';
import { greenhouseCard } from './card';

/** Greenhouse, connected directly with a Harvest v3 OAuth credential (see lib/connectors/direct.ts and ./ats.ts). */
export const greenhouse: DirectAts = {
  ...greenhouseCard,
  create: (credentials, hooks) => createGreenhouseAts(credentials, hooks),
};
