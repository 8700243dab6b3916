import type { DirectAts } from '../direct';
import { ashbyCard } from './card';
import { createAshbyAts } from './client';

/** Ashby, connected directly (see lib/connectors/direct.ts and ./client.ts). */
export const ashby: DirectAts = {
  ...ashbyCard,
  create: (credentials, hooks) => createAshbyAts(credentials, hooks),
};
