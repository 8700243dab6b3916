import type { Page } from '@playwright/test';
import { callIntent, median, misses, round, serverMs, type BenchSandbox, type Row } from '../lib/harness';
import type { NaivePull } from './jobs-full-pull-10k';

/**
 * jobs-no-change-pull: right after the 10k pull, with nothing changed in the sandbox, the same extension page
 * sends "Sync now" (the `syncJobsNow` intent, what the Jobs region's button sends) several times. Counted: the
 * Kombo job requests each pull makes (the sandbox's log), and its time (the pull's own start→finish, and the
 * round trip the page sees).
 * Baseline: a full re-pull, i.e. the naive pull's 100 page requests measured in the previous row.
 */

const RUNS = 5;
const JOBS_PATH = '/kombo/v1/ats/jobs';

interface SummaryView {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  counts: { added: number; updated: number; archived: number; requests: number };
}

export async function runNoChangePull(sandbox: BenchSandbox, page: Page, naive: NaivePull): Promise<Row> {
  const requests: number[] = [];
  const pullMs: number[] = [];
  const roundTripMs: number[] = [];
  const server: number[] = [];
  let written = 0;
  for (let i = 0; i < RUNS; i++) {
    await sandbox.clearRequests();
    const t0 = performance.now();
    const result = await callIntent<SummaryView>(page, 'syncJobsNow');
    roundTripMs.push(performance.now() - t0);
    if (!result.ok) throw new Error(`syncJobsNow failed: ${result.error.message}`);
    const summary = result.value;
    const log = (await sandbox.requests()).filter((r) => r.path === JOBS_PATH);
    requests.push(log.length);
    server.push(serverMs(log));
    pullMs.push(Date.parse(summary.finishedAt) - Date.parse(summary.startedAt));
    written += summary.counts.added + summary.counts.updated + summary.counts.archived;
  }
  const worst = Math.max(...requests);
  const ms = median(pullMs);
  const missed = misses([
    [worst <= 1, `${worst} requests > 1`],
    [ms <= 50, `${ms} ms > 50 ms`],
    [written === 0, `${written} jobs written`],
  ]);
  return {
    name: 'jobs-no-change-pull',
    value: worst,
    unit: 'requests',
    budget: '1 request (≤ 50 ms)',
    baseline: naive.requests,
    within_budget: missed.length === 0,
    missed,
    notes:
      `${RUNS} "Sync now" pulls with nothing changed: most requests in one pull ${worst}; pull time median ${ms} ms ` +
      `(server ${round(median(server), 1)} ms; page round trip median ${round(median(roundTripMs), 0)} ms); ${written} jobs written. ` +
      `Baseline: a full re-pull, ${naive.requests} requests, ${round(naive.fetchMs, 0)} ms of fetching alone.`,
    extra: { requestsPerPull: requests, pullMs, roundTripMs: roundTripMs.map((v) => round(v, 1)), serverMs: server.map((v) => round(v, 2)), written, baselineMs: round(naive.fetchMs, 0) },
  };
}
