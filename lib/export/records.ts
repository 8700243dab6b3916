import { z } from 'zod';
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
  origin: z.enum(['page', 'ats']).optional(),
  adapterId: z.string().optional(),
  siteCandidateId: z.string().optional(),
  provider: Provider.optional(),
  atsCandidateId: z.string().optional(),
  remoteId: z.string().optional(),
  applicationId: z.string().optional(),
  jobId: z.string().optional(),
  stage: z.string().optional(),
  startDate: z.string().optional(),
  /** Why the ATS gave no start date, and which tool said so. */
  startDateGap: z.looseObject({ gap: z.string().optional(), tool: z.string().optional() }).optional(),
  employeeUrl: z.string().optional(),
  /** Someone with this email is an employee in Factorial HR already. */
  inFactorial: z.looseObject({ employeeUrl: z.string().optional(), name: z.string().optional() }).optional(),
  factorialCheckedAt: z.string().optional(),
  trackingImportedAt: z.string().optional(),
  /** The ATS's custom fields and accepted offer (text by key), for the admin's field mapping. */
  atsValues: z
    .object({
      candidate: z.record(z.string(), z.string()).optional(),
      application: z.record(z.string(), z.string()).optional(),
      offer: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
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
