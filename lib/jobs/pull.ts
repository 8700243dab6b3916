import { PublicError } from '../errors';
import type { AtsPort } from '../connectors/types';
import { z } from 'zod/mini';
import { db, storedRow } from '../db';
import { Provider } from '../connections/records';
import type { JobRecord } from './records';
import { t } from './messages';
import { applyPulledJob, archiveMissing, jobKey, needsCompleteListing } from './rules';

/**
 * Pulling the ATS's jobs into IndexedDB, page by page. Each page is written in one transaction together with
 * the cursor that follows it, so a worker stopped mid-pull resumes from the stored cursor, never from memory,
 * and memory stays flat however many jobs there are.
 *
 * - Kombo: incremental with `updated_after` = start of the last successful pull; deleted jobs are included. Kombo
 *   forgets a deletion 14 days after marking it, so a complete listing (no `updated_after`) runs when the watermark
 *   is older than that (minus a margin: a browser closed for two weeks) and once a week anyway; jobs absent from it
 *   are archived, active ones too (rules: `needsCompleteListing`).
 * - Factorial ATS: job postings have no `updated_at`, so every pull lists everything; only real changes are
 *   written, and jobs missing from the complete listing are archived. The ids seen so far are kept page by page
 *   (one small row per page, written with that page's cursor), never as one list rewritten on every page: what each
 *   page writes stays the same size however many jobs there are.
 */

export const PULL_PAGE_SIZE = 100;
export const STATE_KEY = 'jobPull.state';
export const LAST_KEY = 'jobPull.last';
const WATERMARK_KEY = 'jobPull.watermark';
/** When the last complete listing of each provider started. */
const COMPLETE_KEY = 'jobPull.complete';
/** `jobPull.seen:<page>`: the vendor ids one page of a complete listing (Factorial) held. */
const SEEN_PREFIX = 'jobPull.seen:';
const seenKey = (page: number) => `${SEEN_PREFIX}${String(page).padStart(6, '0')}`;

export const PullCounts = z.object({
  added: z.number(),
  updated: z.number(),
  archived: z.number(),
  unchanged: z.number(),
  pages: z.number(),
  requests: z.number(),
});
export type PullCounts = z.infer<typeof PullCounts>;

export const PullState = z.object({
  running: z.boolean(),
  provider: Provider,
  startedAt: z.string(),
  cursor: z.nullable(z.string()),
  updatedAfter: z.optional(z.string()),
  /** The vendor's own mark for the next incremental listing, from this pull's last page (Ashby's `syncToken`). */
  vendorWatermark: z.optional(z.string()),
  /** A complete listing, compared at the end with what is stored (ids seen: `jobPull.seen:*` rows). */
  listing: z.optional(z.boolean()),
  /** Written by earlier versions (the whole list in the state); read once when such a pull resumes. */
  seen: z.optional(z.array(z.string())),
  counts: PullCounts,
});
export type PullState = z.infer<typeof PullState>;

export const PullSummary = z.object({
  provider: Provider,
  startedAt: z.string(),
  finishedAt: z.string(),
  ok: z.boolean(),
  message: z.optional(z.string()),
  counts: PullCounts,
});
export type PullSummary = z.infer<typeof PullSummary>;

/** The engine's own rows in `settings`; read them through `readPullState`/`readLastPull` or `lib/jobs/queries`. */
export const pullStateRow = storedRow(STATE_KEY, PullState);
export const lastPullRow = storedRow(LAST_KEY, PullSummary);
const watermarkRow = storedRow(WATERMARK_KEY, z.record(z.string(), z.string()));
const completeRow = storedRow(COMPLETE_KEY, z.record(z.string(), z.string()));
const SeenIds = z.array(z.string());

const emptyCounts = (): PullCounts => ({ added: 0, updated: 0, archived: 0, unchanged: 0, pages: 0, requests: 0 });

export const readPullState = (): Promise<PullState | undefined> => pullStateRow.read();
export const readLastPull = (): Promise<PullSummary | undefined> => lastPullRow.read();
const Finished = z.looseObject({ finishedAt: z.string() });
/** When the last pull finished: all its followers need (read on its own, so a summary an older version wrote still counts). */
export const readLastPullFinishedAt = async (): Promise<string | undefined> => Finished.safeParse((await db().settings.get(LAST_KEY))?.value).data?.finishedAt;
async function readWatermark(provider: Provider): Promise<string | undefined> {
  return (await watermarkRow.read())?.[provider];
}

/** Run (or resume) one pull to the end. Throws what the connector throws, after recording it. */
export async function pullJobs(ats: AtsPort, opts: { now?: () => Date } = {}): Promise<PullSummary> {
  const now = () => (opts.now?.() ?? new Date()).toISOString();
  const provider: Provider = ats.provider;
  const database = db();

  const previous = await readPullState();
  const resumed = previous?.running === true && previous.provider === provider;
  const state: PullState = resumed ? previous : await freshState(ats, now());
  await database.transaction('rw', database.settings, async () => {
    // A fresh listing starts from no ids seen (a pull cut off for another provider may have left some).
    if (!resumed) await clearSeen();
    if (state.seen) {
      // Resuming a pull started by an earlier version, which kept the whole list in the state: one row like the others.
      await database.settings.put({ key: `${SEEN_PREFIX}earlier`, value: state.seen });
      state.seen = undefined;
      state.listing = true;
    }
    await database.settings.put({ key: STATE_KEY, value: state });
  });

  try {
    const fetchPage = (cursor: string | null) => ats.listJobs({ cursor, updatedAfter: state.updatedAfter, pageSize: PULL_PAGE_SIZE });
    let nextPage = fetchPage(state.cursor);
    for (;;) {
      const page = await nextPage;
      state.counts.requests += 1;
      // Ask for the following page while this one is written: the network and IndexedDB overlap. Only the stored
      // cursor counts for resuming, so a page fetched ahead and lost with a stopped worker is simply asked again.
      if (page.next) {
        nextPage = fetchPage(page.next);
        nextPage.catch(() => undefined); // not unhandled: the loop awaits it next and its failure ends the pull there
      }
      const stamp = now();
      await database.transaction('rw', database.jobs, database.settings, async () => {
        const keys = page.jobs.map((job) => jobKey(provider, job.id));
        const existing = await database.jobs.bulkGet(keys);
        const writes: JobRecord[] = [];
        page.jobs.forEach((job, i) => {
          const applied = applyPulledJob(existing[i], job, provider, stamp);
          if (!applied) state.counts.unchanged += 1;
          else {
            writes.push(applied.record);
            state.counts[applied.change] += 1;
          }
        });
        if (writes.length) await database.jobs.bulkPut(writes);
        if (state.listing) await database.settings.put({ key: seenKey(state.counts.pages), value: page.jobs.map((job) => job.id) });
        state.cursor = page.next;
        if (page.watermark) state.vendorWatermark = page.watermark;
        state.counts.pages += 1;
        await database.settings.put({ key: STATE_KEY, value: state });
      });
      if (!page.next) break;
    }

    if (state.listing) await archiveMissingJobs(provider, now(), state.counts);

    const summary: PullSummary = { provider, startedAt: state.startedAt, finishedAt: now(), ok: true, counts: state.counts };
    await database.transaction('rw', database.settings, async () => {
      const marks = (await watermarkRow.read()) ?? {};
      if (state.listing) await database.settings.put({ key: COMPLETE_KEY, value: { ...((await completeRow.read()) ?? {}), [provider]: state.startedAt } });
      await database.settings.bulkPut([
        { key: WATERMARK_KEY, value: { ...marks, [provider]: state.vendorWatermark ?? state.startedAt } },
        { key: LAST_KEY, value: summary },
        { key: STATE_KEY, value: { ...state, running: false } },
      ]);
      await clearSeen();
    });
    return summary;
  } catch (error) {
    const summary: PullSummary = {
      provider,
      startedAt: state.startedAt,
      finishedAt: now(),
      ok: false,
      message: error instanceof Error ? error.message : t('pullFailed'),
      counts: state.counts,
    };
    // The watermark stays where it was, so the next pull asks again for everything this one missed.
    await database.transaction('rw', database.settings, async () => {
      await database.settings.bulkPut([
        { key: LAST_KEY, value: summary },
        { key: STATE_KEY, value: { ...state, running: false } },
      ]);
      await clearSeen();
    });
    throw error;
  }
}

/** A new pull: incremental from the watermark, or a complete listing (see `needsCompleteListing`). */
async function freshState(ats: AtsPort, startedAt: string): Promise<PullState> {
  const provider = ats.provider;
  const incremental = !!ats.incrementalJobs;
  const watermark = incremental ? await readWatermark(provider) : undefined;
  const lastCompleteAt = (await completeRow.read())?.[provider];
  const complete = needsCompleteListing({ incremental, forgetsDeletedAfterMs: ats.forgetsDeletedAfterMs, watermark, lastCompleteAt, now: Date.parse(startedAt) });
  return {
    running: true,
    provider,
    startedAt,
    cursor: null,
    updatedAfter: complete ? undefined : watermark,
    listing: complete || undefined,
    counts: emptyCounts(),
  };
}

/** The ids of a complete listing, from its page rows (`jobPull.seen:*`). */
const seenRows = () => db().settings.where('key').startsWith(SEEN_PREFIX);
const clearSeen = () => seenRows().delete();

async function archiveMissingJobs(provider: Provider, stamp: string, counts: PullCounts) {
  const database = db();
  await database.transaction('rw', database.jobs, database.settings, async () => {
    const seen = new Set<string>();
    await seenRows().each((row) => (SeenIds.safeParse(row.value).data ?? []).forEach((id) => seen.add(jobKey(provider, id))));
    // Keys only: the stored jobs themselves are read just for those that went missing.
    const missing = (await database.jobs.where('provider').equals(provider).primaryKeys()).filter((key) => !seen.has(key));
    const writes = (await database.jobs.bulkGet(missing)).flatMap((job) => (job ? [archiveMissing(job, stamp)] : [])).filter((job) => job !== null);
    if (writes.length) await database.jobs.bulkPut(writes);
    counts.archived += writes.length;
  });
}

/** Activate (freeze) or deactivate (unfreeze) a job. Archived jobs cannot be activated. */
export async function setJobActive(key: string, active: boolean): Promise<JobRecord> {
  const database = db();
  return database.transaction('rw', database.jobs, async () => {
    const job = await database.jobs.get(key);
    if (!job) throw new PublicError(t('jobGone'), 'not-found');
    if (active && job.status === 'archived') {
      throw new PublicError(t('jobClosed'), 'archived');
    }
    const updated: JobRecord = { ...job, status: active ? 'active' : job.status === 'archived' ? 'archived' : 'disabled', frozen: active, updatedAt: new Date().toISOString() };
    await database.jobs.put(updated);
    return updated;
  });
}
