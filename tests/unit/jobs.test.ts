import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AtsJob, AtsJobQuery, AtsPort } from '@/lib/connectors/types';
import { db, resetDbForTests } from '@/lib/db';
import { applyPulledJob, FULL_LISTING_EVERY_MS, jobKey, needsCompleteListing } from '@/lib/jobs/rules';
import { KOMBO_FORGETS_DELETED_AFTER_MS } from '@/lib/connectors/kombo/limits';
import { pullJobs, readLastPull, readPullState, setJobActive } from '@/lib/jobs/pull';
import { ensureJobPullAlarm, firstPullDelayMinutes, isPullOverdue, JOB_PULL_ALARM, writePullInterval } from '@/lib/jobs/schedule';

const job = (id: string, over: Partial<AtsJob> = {}): AtsJob => ({
  id,
  name: `Job ${id}`,
  status: 'open',
  deleted: false,
  country: 'ES',
  screeningQuestions: [],
  ...over,
});

/** An in-memory ATS that pages like the real ones and records every query it was asked. */
function fakeAts(provider: AtsPort['provider'], jobs: AtsJob[], opts: { failOnPage?: number; hangOnPage?: number } = {}) {
  const queries: AtsJobQuery[] = [];
  let calls = 0;
  const port: AtsPort = {
    provider,
    acceptsFiles: provider === 'kombo',
    incrementalJobs: provider === 'kombo',
    writeSettlesWithinMs: 0,
    createApplication: async () => {
      throw new Error('not used by job pulls');
    },
    verify: async () => ({}),
    listJobs: async (query) => {
      queries.push({ ...query });
      calls += 1;
      if (opts.failOnPage === calls) throw new Error('network down');
      // A worker stopped while it waited for this page: the answer never comes.
      if (opts.hangOnPage === calls) return new Promise(() => undefined);
      const visible = query.updatedAfter ? jobs.filter((j) => (j.changedAt ?? '') > query.updatedAfter!) : jobs;
      const start = query.cursor ? Number(query.cursor) : 0;
      const size = query.pageSize ?? 100;
      const slice = visible.slice(start, start + size);
      return { jobs: slice, next: start + size < visible.length ? String(start + size) : null };
    },
    findCandidateById: async () => null,
    findCandidateByRemoteId: async () => null,
    findCandidateByEmail: async () => null,
    findCandidatesByRemoteIds: async () => [],
    listHiredApplications: async () => ({ items: [], next: null }),
    ...(provider === 'kombo' ? { forgetsDeletedAfterMs: KOMBO_FORGETS_DELETED_AFTER_MS } : {}),
  };
  return { port, queries, jobs };
}

beforeEach(async () => {
  await resetDbForTests();
  fakeBrowser.reset();
});

describe('job rules', () => {
  const now = '2026-11-22T10:00:00.000Z';
  it('a new job arrives Disabled, or Archived when the ATS already closed it', () => {
    expect(applyPulledJob(undefined, job('1'), 'kombo', now)?.record.status).toBe('disabled');
    expect(applyPulledJob(undefined, job('2', { status: 'closed' }), 'kombo', now)?.record.status).toBe('archived');
    expect(applyPulledJob(undefined, job('3', { deleted: true }), 'kombo', now)?.record.status).toBe('archived');
  });

  it('an active job is frozen: a pull does not overwrite it', () => {
    const stored = { ...applyPulledJob(undefined, job('1'), 'kombo', now)!.record, status: 'active' as const, frozen: true };
    expect(applyPulledJob(stored, job('1', { name: 'Renamed' }), 'kombo', now)).toBeNull();
  });

  it('a closed or deleted job is archived, active or not', () => {
    const stored = { ...applyPulledJob(undefined, job('1'), 'kombo', now)!.record, status: 'active' as const, frozen: true };
    const archived = applyPulledJob(stored, job('1', { status: 'archived' }), 'kombo', now);
    expect(archived?.change).toBe('archived');
    expect(archived?.record).toMatchObject({ status: 'archived', frozen: false });
  });

  it('an unchanged job is not written again; a changed one is', () => {
    const stored = applyPulledJob(undefined, job('1'), 'kombo', now)!.record;
    expect(applyPulledJob(stored, job('1'), 'kombo', now)).toBeNull();
    expect(applyPulledJob(stored, job('1', { name: 'New title' }), 'kombo', now)).toMatchObject({ change: 'updated', record: { name: 'New title', status: 'disabled' } });
  });
});

describe('pulling jobs', () => {
  it('stores every page, then asks Kombo only for what changed since the last pull', async () => {
    const jobs = Array.from({ length: 250 }, (_, i) => job(`k${i}`, { changedAt: '2026-11-20T00:00:00.000Z' }));
    const ats = fakeAts('kombo', jobs);
    const first = await pullJobs(ats.port, { now: () => new Date('2026-11-22T10:00:00.000Z') });
    expect(first.counts).toMatchObject({ added: 250, pages: 3 });
    expect(await db().jobs.count()).toBe(250);
    expect(ats.queries[0].updatedAfter).toBeUndefined();

    ats.queries.length = 0;
    const second = await pullJobs(ats.port, { now: () => new Date('2026-11-22T13:00:00.000Z') });
    expect(ats.queries).toHaveLength(1);
    expect(ats.queries[0].updatedAfter).toBe('2026-11-22T10:00:00.000Z');
    expect(second.counts).toMatchObject({ added: 0, updated: 0, requests: 1 });
  });

  it('freezes an activated job, archives a closed one, and lets a deactivated one follow the ATS again', async () => {
    const jobs = [job('a', { changedAt: '1' }), job('b', { changedAt: '1' })];
    const ats = fakeAts('kombo', jobs);
    await pullJobs(ats.port);
    await setJobActive(jobKey('kombo', 'a'), true);
    jobs[0] = job('a', { name: 'Renamed in ATS', changedAt: '9' });
    jobs[1] = job('b', { status: 'closed', changedAt: '9' });
    // Watermarks compare against changedAt: force a full listing for this fake by clearing it.
    await db().settings.delete('jobPull.watermark');
    await pullJobs(ats.port);
    expect(await db().jobs.get(jobKey('kombo', 'a'))).toMatchObject({ name: 'Job a', status: 'active', frozen: true });
    expect(await db().jobs.get(jobKey('kombo', 'b'))).toMatchObject({ status: 'archived' });

    await setJobActive(jobKey('kombo', 'a'), false);
    await db().settings.delete('jobPull.watermark');
    await pullJobs(ats.port);
    expect(await db().jobs.get(jobKey('kombo', 'a'))).toMatchObject({ name: 'Renamed in ATS', status: 'disabled', frozen: false });
    await expect(setJobActive(jobKey('kombo', 'b'), true)).rejects.toMatchObject({ publicMessage: expect.stringContaining('cannot be activated') });
  });

  it('Factorial: a full listing with no change writes nothing, and a job that disappeared is archived', async () => {
    const jobs = Array.from({ length: 120 }, (_, i) => job(`f${i}`));
    const ats = fakeAts('factorial-ats', jobs);
    await pullJobs(ats.port);
    const hook = vi.fn();
    db().jobs.hook('creating', hook);
    db().jobs.hook('updating', hook);
    const unchanged = await pullJobs(ats.port);
    expect(unchanged.counts).toMatchObject({ added: 0, updated: 0, archived: 0, unchanged: 120 });
    expect(hook).not.toHaveBeenCalled();

    jobs.splice(5, 1);
    const after = await pullJobs(ats.port);
    expect(after.counts.archived).toBe(1);
    expect(await db().jobs.get(jobKey('factorial-ats', 'f5'))).toMatchObject({ status: 'archived' });
  });

  it('Factorial: a listing cut off by a stopped worker resumes, and archives exactly what the whole listing lacks', async () => {
    const jobs = Array.from({ length: 250 }, (_, i) => job(`f${i}`));
    await pullJobs(fakeAts('factorial-ats', jobs).port);
    // Gone from the ATS since: one on the first page of the next listing, one on its last.
    jobs.splice(10, 1);
    jobs.splice(200, 1);
    const stopped = fakeAts('factorial-ats', jobs, { hangOnPage: 2 });
    void pullJobs(stopped.port);
    await vi.waitFor(async () => expect((await readPullState())?.counts.pages).toBe(1));
    // What each page stores is the cursor and counts (the ids seen go to one small row per page), not a growing list.
    expect(JSON.stringify(await readPullState())).not.toContain('"f0"');

    const resumed = fakeAts('factorial-ats', jobs);
    const summary = await pullJobs(resumed.port);
    expect(resumed.queries[0].cursor).toBe('100');
    expect(summary.counts).toMatchObject({ archived: 2, added: 0, updated: 0 });
    expect(await db().jobs.get(jobKey('factorial-ats', 'f10'))).toMatchObject({ status: 'archived' });
    expect(await db().jobs.get(jobKey('factorial-ats', 'f201'))).toMatchObject({ status: 'archived' });
    // Seen only before the stop (page 1) or only after it (page 3): kept.
    expect(await db().jobs.get(jobKey('factorial-ats', 'f0'))).toMatchObject({ status: 'disabled' });
    expect(await db().jobs.get(jobKey('factorial-ats', 'f249'))).toMatchObject({ status: 'disabled' });
    expect(await db().settings.where('key').startsWith('jobPull.seen:').count()).toBe(0);
  });

  it('Factorial: a pull that resumes one an earlier version started (its ids kept in the state) still archives right', async () => {
    const jobs = Array.from({ length: 150 }, (_, i) => job(`e${i}`));
    await pullJobs(fakeAts('factorial-ats', jobs).port);
    jobs.splice(120, 1);
    const base = (await readPullState())!;
    const earlier = { ...base, listing: undefined, running: true, cursor: '100', seen: jobs.slice(0, 100).map((j) => j.id), counts: { ...base.counts, pages: 1 } };
    await db().settings.put({ key: 'jobPull.state', value: earlier });
    const summary = await pullJobs(fakeAts('factorial-ats', jobs).port);
    expect(summary.counts.archived).toBe(1);
    expect(await db().jobs.get(jobKey('factorial-ats', 'e120'))).toMatchObject({ status: 'archived' });
    expect(await db().jobs.get(jobKey('factorial-ats', 'e5'))).toMatchObject({ status: 'disabled' });
  });

  it('a pull interrupted mid-way resumes from its stored cursor, not from the start', async () => {
    const jobs = Array.from({ length: 300 }, (_, i) => job(`r${i}`, { changedAt: '2' }));
    const failing = fakeAts('kombo', jobs, { failOnPage: 2 });
    await expect(pullJobs(failing.port)).rejects.toThrow('network down');
    expect(await readLastPull()).toMatchObject({ ok: false, message: 'network down' });
    expect(await db().jobs.count()).toBe(100);

    // Simulate a worker stopped mid-pull: the state says running, with the cursor after page 1.
    const state = (await readPullState())!;
    await db().settings.put({ key: 'jobPull.state', value: { ...state, running: true, cursor: '100' } });
    const resumed = fakeAts('kombo', jobs);
    await pullJobs(resumed.port);
    expect(resumed.queries[0].cursor).toBe('100');
    expect(await db().jobs.count()).toBe(300);
  });
});

describe('Kombo forgets deletions after 14 days: complete listings', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const at = (iso: string) => Date.parse(iso);
  it('lists everything with no watermark, when the watermark is older than Kombo’s window minus a margin, and weekly', () => {
    const now = at('2026-12-20T00:00:00.000Z');
    const ago = (days: number) => new Date(now - days * DAY).toISOString();
    const kombo = { incremental: true, forgetsDeletedAfterMs: KOMBO_FORGETS_DELETED_AFTER_MS, now };
    expect(needsCompleteListing({ ...kombo, watermark: undefined, lastCompleteAt: ago(1) })).toBe(true);
    expect(needsCompleteListing({ ...kombo, watermark: ago(0.1), lastCompleteAt: ago(1) })).toBe(false);
    expect(needsCompleteListing({ ...kombo, watermark: ago(11.9), lastCompleteAt: ago(11.9) })).toBe(true); // weekly
    expect(needsCompleteListing({ ...kombo, watermark: ago(12), lastCompleteAt: ago(1) })).toBe(true); // the margin
    expect(needsCompleteListing({ ...kombo, watermark: ago(15), lastCompleteAt: ago(1) })).toBe(true);
    expect(needsCompleteListing({ ...kombo, watermark: ago(1), lastCompleteAt: ago(6.9) })).toBe(false);
    expect(needsCompleteListing({ ...kombo, watermark: ago(1), lastCompleteAt: new Date(now - FULL_LISTING_EVERY_MS).toISOString() })).toBe(true);
    expect(needsCompleteListing({ ...kombo, watermark: ago(1), lastCompleteAt: undefined })).toBe(true);
    // An API without an incremental filter always lists everything.
    expect(needsCompleteListing({ incremental: false, now })).toBe(true);
  });

  it('after two weeks away, one complete listing archives every job gone meanwhile, active ones too', async () => {
    const jobs = ['a', 'b', 'c', 'd'].map((id) => job(id, { changedAt: '2026-11-01T00:00:00.000Z' }));
    const ats = fakeAts('kombo', jobs);
    await pullJobs(ats.port, { now: () => new Date('2026-11-02T00:00:00.000Z') });
    await setJobActive(jobKey('kombo', 'a'), true);
    // Deleted in the ATS and purged by Kombo since (absent from every listing); c is still marked deleted.
    jobs.splice(0, 2);
    jobs[0] = job('c', { deleted: true, changedAt: '2026-11-03T00:00:00.000Z' });

    ats.queries.length = 0;
    const summary = await pullJobs(ats.port, { now: () => new Date('2026-11-18T00:00:00.000Z') });
    expect(ats.queries.map((q) => q.updatedAfter)).toEqual([undefined]);
    expect(summary.counts.archived).toBe(3);
    expect(await db().jobs.get(jobKey('kombo', 'a'))).toMatchObject({ status: 'archived', atsStatus: 'deleted', frozen: false });
    expect(await db().jobs.get(jobKey('kombo', 'b'))).toMatchObject({ status: 'archived', atsStatus: 'deleted' });
    expect(await db().jobs.get(jobKey('kombo', 'c'))).toMatchObject({ status: 'archived' });
    expect(await db().jobs.get(jobKey('kombo', 'd'))).toMatchObject({ status: 'disabled' });

    // The next pull, three hours later, is incremental again: one request.
    ats.queries.length = 0;
    await pullJobs(ats.port, { now: () => new Date('2026-11-18T03:00:00.000Z') });
    expect(ats.queries.map((q) => q.updatedAfter)).toEqual(['2026-11-18T00:00:00.000Z']);
  });

  it('an incremental pull alone would miss the purge; the weekly complete listing catches it without a long gap', async () => {
    const jobs = ['a', 'b'].map((id) => job(id, { changedAt: '2026-11-01T00:00:00.000Z' }));
    const ats = fakeAts('kombo', jobs);
    await pullJobs(ats.port, { now: () => new Date('2026-11-02T00:00:00.000Z') });
    jobs.splice(0, 1); // purged without this browser ever seeing the mark
    for (const day of ['03', '04', '05', '06', '07', '08']) await pullJobs(ats.port, { now: () => new Date(`2026-11-${day}T00:00:00.000Z`) });
    expect(await db().jobs.get(jobKey('kombo', 'a'))).toMatchObject({ status: 'disabled' });
    ats.queries.length = 0;
    await pullJobs(ats.port, { now: () => new Date('2026-11-09T00:00:00.000Z') });
    expect(ats.queries.map((q) => q.updatedAfter)).toEqual([undefined]);
    expect(await db().jobs.get(jobKey('kombo', 'a'))).toMatchObject({ status: 'archived' });
  });
});

describe('the pull alarm', () => {
  it('is created with a 3-hour period by default and re-created when the admin changes it', async () => {
    await ensureJobPullAlarm();
    expect((await fakeBrowser.alarms.get(JOB_PULL_ALARM))?.periodInMinutes).toBe(180);
    await writePullInterval(5);
    expect((await fakeBrowser.alarms.get(JOB_PULL_ALARM))?.periodInMinutes).toBe(15);
    await writePullInterval(60);
    expect((await fakeBrowser.alarms.get(JOB_PULL_ALARM))?.periodInMinutes).toBe(60);
  });

  it('starts a new schedule at a random point within one period, so a team’s browsers do not pull together', async () => {
    expect(firstPullDelayMinutes(180, () => 0)).toBe(0.5);
    expect(firstPullDelayMinutes(180, () => 0.25)).toBe(45);
    expect(firstPullDelayMinutes(180, () => 0.999999)).toBeLessThanOrEqual(180);
    // 200 browsers re-creating the alarm after one policy push: their first pulls spread over the whole period.
    const delays = Array.from({ length: 200 }, () => firstPullDelayMinutes(180));
    const perHour = [0, 1, 2].map((h) => delays.filter((d) => d >= h * 60 && d < (h + 1) * 60).length);
    expect(Math.min(...perHour)).toBeGreaterThan(30);
    const before = Date.now();
    await ensureJobPullAlarm({ replace: true });
    const alarm = await fakeBrowser.alarms.get(JOB_PULL_ALARM);
    expect(alarm?.periodInMinutes).toBe(180);
    expect(alarm!.scheduledTime - before).toBeLessThanOrEqual(180 * 60_000 + 1000);
  });

  it('knows when a pull was missed', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(isPullOverdue(undefined, 180, now)).toBe(true);
    expect(isPullOverdue('2026-11-22T08:00:00Z', 180, now)).toBe(true);
    expect(isPullOverdue('2026-11-22T10:00:00Z', 180, now)).toBe(false);
  });
});
