import { z } from 'zod/mini';
import type { OperationOf } from '../outbox/records';
import { defineOperation } from '../outbox/define';
import { pacedVendorOf } from '../connections/pacing';
import { AnswerValue, ResumeUpload, SyncFields } from './intents';
import { readAtsConnection } from '../connections/records';

/**
 * Sync to ATS's durable operation: what it keeps in the outbox (stored as 0.2.0 stores it), sent to the connected
 * system-of-record ATS (its turns are that vendor's: Kombo, or Factorial for Factorial ATS).
 */
export const SyncPayload = z.object({
  name: z.string(),
  candidateKey: z.string(),
  jobKey: z.string(),
  jobVendorId: z.string(),
  jobName: z.string(),
  fields: SyncFields,
  /** Checked against the job's questions when queued. */
  answers: z.array(z.object({ questionId: z.string(), value: AnswerValue })),
  sourceName: z.string(),
  link: z.object({ label: z.string(), url: z.string() }),
  note: z.string(),
  pdfFileName: z.string(),
  pdfBase64: z.string(),
  resumeNote: z.optional(z.string()),
  /** The ATS takes no CV (its attachment rules): the PDF is not sent, and this says so. */
  cvWithheld: z.optional(z.string()),
});
export type SyncPayload = z.infer<typeof SyncPayload>;

declare module '../outbox/records' {
  interface OperationPayloads {
    'sync-candidate': SyncPayload;
  }
}

export const syncOperation = defineOperation({
  kind: 'sync-candidate',
  payload: SyncPayload,
  vendor: async () => {
    const ats = await readAtsConnection();
    if (!ats) return undefined;
    return pacedVendorOf(ats.provider);
  },
});
export type SyncOperation = OperationOf<'sync-candidate'>;

/** A sync the recruiter prepared to go out by itself when the page shows the admin's trigger stage (kept on the candidate). */
export const AutoSyncPlan = z.object({
  fields: SyncFields,
  answers: z.record(z.string(), z.unknown()),
  resume: z.optional(ResumeUpload),
  plannedAt: z.string(),
});
export type AutoSyncPlan = z.infer<typeof AutoSyncPlan>;
