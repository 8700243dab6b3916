import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import type { JobRecord } from './records';
import type { Provider } from '../connections/records';
import { lastPullRow, pullStateRow, type PullState, type PullSummary } from './pull';

/**
 * What the UI may read of the jobs domain, as live queries: the stored jobs, the pull's progress (its settings are lib/settings items).
 * Jobs are not parsed row by row here: only the pull writes them, from vendor answers parsed at the connector, and a
 * pull can store 100,000 of them.
 */

export type { JobRecord, JobStatus } from './records';

export interface JobPullStatus {
  /** The pull in progress (or the last one's final state). */
  state?: PullState;
  /** How the last finished pull went. */
  last?: PullSummary;
}

export function useJobPullStatus(): JobPullStatus | undefined {
  return useLiveQuery(async () => ({ state: await pullStateRow.read(), last: await lastPullRow.read() }));
}

/**
 * The provider's stored jobs. `paused`: keep what was shown (undefined) instead of re-reading, e.g. while a pull
 * writes page after page.
 */
export function useJobs(provider: Provider | string | undefined, opts: { paused?: boolean } = {}): JobRecord[] | undefined {
  return useLiveQuery<JobRecord[] | undefined>(
    () => (opts.paused ? undefined : provider ? db().jobs.where('provider').equals(provider).toArray() : []),
    [provider, opts.paused],
  );
}
