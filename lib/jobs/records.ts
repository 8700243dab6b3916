import type { EntityTable } from 'dexie';
import { z } from 'zod/mini';
import { Provider } from '../connections/records';
import { db } from '../db';

/** The `jobs` table's rows, owned here: the connected ATS's jobs as pulled, and what the admin made of them. */

export const JobStatus = z.enum(['disabled', 'active', 'archived']);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobRecord = z.object({
  /** `${provider}:${vendor job id}` so two providers never collide. */
  key: z.string(),
  provider: Provider,
  vendorId: z.string(),
  remoteId: z.optional(z.string()),
  name: z.string(),
  status: JobStatus,
  /** Active jobs keep their fields: pulls do not overwrite them. */
  frozen: z.boolean(),
  atsStatus: z.string(),
  country: z.optional(z.string()),
  locationName: z.optional(z.string()),
  url: z.optional(z.string()),
  /** The vendor's questions as its connector parsed them (see `ScreeningQuestion`). */
  screeningQuestions: z.array(z.unknown()),
  changedAt: z.optional(z.string()),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
});
export type JobRecord = z.infer<typeof JobRecord>;

declare module '../db/tables' {
  interface Tables {
    jobs: EntityTable<JobRecord, 'key'>;
  }
}

// Reads for the other rooms: they ask here rather than reaching into the table (the pull and the admin write it).

/** One job by key (`${provider}:${vendor job id}`); undefined when it is not stored. Works inside a transaction on `jobs`. */
export const readJob = (key: string): Promise<JobRecord | undefined> => db().jobs.get(key);

/** Jobs by key, in the keys' order; undefined where none is stored. */
export const readJobs = (keys: readonly string[]): Promise<(JobRecord | undefined)[]> => db().jobs.bulkGet([...keys]);

/** Every stored job of this provider. */
export const jobsOf = (provider: string): Promise<JobRecord[]> => db().jobs.where('provider').equals(provider).toArray();

/** The active jobs of this provider. */
export const activeJobsOf = (provider: string): Promise<JobRecord[]> =>
  db()
    .jobs.where('status')
    .equals('active')
    .filter((job) => job.provider === provider)
    .toArray();
