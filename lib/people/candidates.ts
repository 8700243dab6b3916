import type { EntityTable } from 'dexie';
import { z } from 'zod/mini';

/*
 * The `candidates` table: people, each the own of one feature by the kind its `data` says — a hired person
 * (Export to Factorial HR: lib/hires/records.ts) or a sourced one (Sync to ATS: lib/sourcing/records.ts). What every
 * kind shares is here; objects are loose, so a field a later version adds survives an older reader's write.
 */

export const CandidateBase = {
  key: z.string(),
  /** The site or ATS the person was read from, by name. */
  source: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  jobTitle: z.optional(z.string()),
  hired: z.boolean(),
  exportedEmployeeId: z.optional(z.string()),
  capturedAt: z.string(),
  updatedAt: z.string(),
};

/**
 * Each feature's kind of candidate, by `data.kind`. Empty here: a feature adds its own where it defines its schema
 * (`declare module '../people/candidates' { interface CandidateKinds { hire: HireCandidate } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CandidateKinds {}
export type CandidateRecord = CandidateKinds[keyof CandidateKinds];

declare module '../db/tables' {
  interface Tables {
    candidates: EntityTable<CandidateRecord, 'key'>;
  }
}
