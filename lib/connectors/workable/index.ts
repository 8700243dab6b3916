import type { DirectAts } from '../direct';
import { workableCard } from './card';
import { createWorkableAts } from './client';

/** Workable, connected directly with an Admin's API access token (see lib/connectors/direct.ts and ./client.ts). */
export const workable: DirectAts = {
  ...workableCard,
  create: (credentials, hooks) => createWorkableAts(credentials, hooks),
};
