import { z } from 'zod/mini';
import { Provider } from '../connections/records';
import { db } from '../db';
import { CandidateBase } from '../people/candidates';

/**
 * A hired person's row in the `candidates` table, owned here (Export to Factorial HR): captured from an ATS page or
 * pulled by the hired list (lib/hires), which builds it with `hireRecord` and sits above this room.
 */

export const HireData = z.looseObject({
  kind: z.literal('hire'),
  /** Captured from a page, or listed by the connected ATS's hired pull. */
  origin: z.optional(z.enum(['page', 'ats'])),
  adapterId: z.optional(z.string()),
  siteCandidateId: z.optional(z.string()),
  provider: z.optional(Provider),
  atsCandidateId: z.optional(z.string()),
  remoteId: z.optional(z.string()),
  applicationId: z.optional(z.string()),
  jobId: z.optional(z.string()),
  stage: z.optional(z.string()),
  startDate: z.optional(z.string()),
  /** Why the ATS gave no start date, and which tool said so. */
  startDateGap: z.optional(z.looseObject({ gap: z.optional(z.string()), tool: z.optional(z.string()) })),
  employeeUrl: z.optional(z.string()),
  /** Someone with this email is an employee in Factorial HR already. */
  inFactorial: z.optional(z.looseObject({ employeeUrl: z.optional(z.string()), name: z.optional(z.string()) })),
  factorialCheckedAt: z.optional(z.string()),
  trackingImportedAt: z.optional(z.string()),
  /** The ATS's custom fields and accepted offer (text by key), for the admin's field mapping. */
  atsValues: z.optional(
    z.object({
      candidate: z.optional(z.record(z.string(), z.string())),
      application: z.optional(z.record(z.string(), z.string())),
      offer: z.optional(z.record(z.string(), z.string())),
    }),
  ),
});
export type HireData = z.infer<typeof HireData>;

export const HireCandidate = z.object({ ...CandidateBase, data: HireData });
export type HireCandidate = z.infer<typeof HireCandidate>;

declare module '../people/candidates' {
  interface CandidateKinds {
    hire: HireCandidate;
  }
}

/** A stored candidate as the hires domain's (Export to Factorial HR); anything else or unreadable: undefined. */
export const asHire = (raw: unknown): HireCandidate | undefined => HireCandidate.safeParse(raw).data;

export async function readHire(key: string): Promise<HireCandidate | undefined> {
  return asHire(await db().candidates.get(key));
}
