import { z } from 'zod';
import { db } from '../db';
import { CandidateBase } from '../people/candidates';

/** A sourced person's row in the `candidates` table (Sync to ATS), owned here. */

const Transcript = z.array(z.object({ speaker: z.string(), text: z.string() }));

export const SourcedData = z.looseObject({
  kind: z.literal('sourced'),
  sourceUrl: z.string(),
  sourceSite: z.string(),
  headline: z.string().optional(),
  stage: z.string().optional(),
  rating: z.number().optional(),
  summary: z.string().optional(),
  transcript: Transcript,
  resumeUrl: z.string().optional(),
  /** Job key → when it was synced, and the application. */
  syncs: z.record(z.string(), z.object({ at: z.string(), applicationId: z.string().optional(), outcome: z.string().optional() })).optional(),
  // `autoSyncPlan`, a sync the recruiter prepared to go out by itself, is kept as stored (the object is loose) and
  // read through its own schema (`AutoSyncPlan`, service.ts).
});
export type SourcedData = z.infer<typeof SourcedData>;

export const SourcedCandidate = z.object({ ...CandidateBase, data: SourcedData });
export type SourcedCandidate = z.infer<typeof SourcedCandidate>;

declare module '../people/candidates' {
  interface CandidateKinds {
    sourced: SourcedCandidate;
  }
}

/** A stored candidate as Sync to ATS's; anything else or unreadable: undefined. */
export const asSourced = (raw: unknown): SourcedCandidate | undefined => SourcedCandidate.safeParse(raw).data;

export async function readSourced(key: string): Promise<SourcedCandidate | undefined> {
  return asSourced(await db().candidates.get(key));
}
