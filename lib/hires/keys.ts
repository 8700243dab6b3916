import type { BulkRunView, HiredPullView } from '../messaging/intents/hires';

/** Where the popup's state lives in the `settings` table (read live by the popup, written by the service worker). */
export const HIRED_PULL_KEY = 'hired.lastPull';
/** The job pull a hired pull last followed (its finishedAt), so each job pull triggers one hired pull. */
export const AFTER_JOB_PULL_KEY = 'hired.afterJobPull';
export const BULK_RUN_KEY = 'hired.bulkRun';

export type HiredPullRecord = HiredPullView;
export interface BulkRunRecord extends BulkRunView {
  finishedAt?: string;
}
