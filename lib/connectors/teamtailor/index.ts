import type { DirectAts } from '../direct';
import { teamtailorCard } from './card';
import { createTeamtailorAts } from './client';

/** Teamtailor, connected directly with an Admin-scope API key (see lib/connectors/direct.ts and ./client.ts). */
export const teamtailor: DirectAts = {
  ...teamtailorCard,
  create: (credentials, hooks) => createTeamtailorAts(credentials, hooks),
};
