import { z } from 'zod/mini';
import { storedRow } from '../db';
import type { BulkRunView, HiredPullView } from './intents';

/** Where the popup's state lives in the `settings` table (read live by the popup, written by the service worker). */
export const HIRED_PULL_KEY = 'hired.lastPull';
/** The job pull a hired pull last followed (its finishedAt), so each job pull triggers one hired pull. */
export const AFTER_JOB_PULL_KEY = 'hired.afterJobPull';
export const BULK_RUN_KEY = 'hired.bulkRun';

export const HiredPullRecord = z.object({
  at: z.string(),
  ok: z.boolean(),
  message: z.optional(z.string()),
  pulled: z.number(),
  waiting: z.number(),
}) satisfies z.ZodMiniType<HiredPullView>;
export type HiredPullRecord = z.infer<typeof HiredPullRecord>;

export const BulkRunRecord = z.object({
  id: z.string(),
  startedAt: z.string(),
  operationIds: z.array(z.string()),
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  finishedAt: z.optional(z.string()),
}) satisfies z.ZodMiniType<BulkRunView>;
export type BulkRunRecord = z.infer<typeof BulkRunRecord>;

export const hiredPullRow = storedRow(HIRED_PULL_KEY, HiredPullRecord);
export const bulkRunRow = storedRow(BULK_RUN_KEY, BulkRunRecord);
export const afterJobPullRow = storedRow(AFTER_JOB_PULL_KEY, z.string());
