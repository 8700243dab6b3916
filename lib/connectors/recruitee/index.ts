import type { DirectAts } from '../direct';
import { recruiteeCard } from './card';
import { createRecruiteeAts } from './client';

/** Recruitee, connected directly with a personal API token and the company ID (see lib/connectors/direct.ts). */
export const recruitee: DirectAts = {
  ...recruiteeCard,
  create: (credentials, hooks) => createRecruiteeAts(credentials, hooks),
};
