import { z } from 'zod/mini';
import { db } from '../db';
import { CandidateBase } from '../people/candidates';

/** A sourced person's row in the `candidates` table (Sync to ATS), owned here. */

const Transcript = z.array(z.object({ speaker: z.string(), text: z.string() }));

export const SourcedData = z.looseObject({
  kind: z.literal('sourced'),
  sourceUrl: z.string(),
  sourceSite: z.string(),
  headline: z.optional(z.string()),
  stage: z.optional(z.string()),
  rating: z.optional(z.number()),
  summary: z.optional(z.string()),
  transcript: Transcript,
  resumeUrl: z.optional(z.string()),
  /** Job key → when it was synced, and the application. */
  syncs: z.optional(z.record(z.string(), z.object({ at: z.string(), applicationId: z.optional(z.string()), outcome: z.optional(z.string()) }))),
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
