import type { Page } from '@playwright/test';
import { FACTORIAL_API_VERSION } from '../../lib/connectors/factorial/environments';
import { SANDBOX_KEYS } from '../../sandbox/server';
import {
  allowSandboxHost,
  callIntent,
  median,
  misses,
  nameShim,
  naiveHelpers,
  readStore,
  requestSandboxOrigin,
  round,
  serverMs,
  waitFor,
  type BenchBrowser,
  type BenchSandbox,
  type NaiveHelpers,
  type Logged,
  type Row,
} from '../lib/harness';

/**
 * factorial-pull-no-change: Factorial ATS as the connected ATS, 10,000 job postings. Factorial's postings carry no
 * `updated_at`, so every pull lists all of them; with nothing changed, the pull must write no job and ask only for
 * the pages it needs: ⌈postings/100⌉ pages of ats/job_postings, plus the one listing each of locations and legal
 * entities that give a posting its country (⌈n/100⌉ pages each).
 *
 * Connected through the `connect` intent from popup.html (its first pull stores the 10,000), then RUNS × "Sync now"
 * (`syncJobsNow`). Writes: the pull's own counts (added + updated + archived) and, independently, every stored
 * job's `updatedAt` compared before and after. Requests: the sandbox's log, by path, between the pull's start and
 * finish. The pull's bookkeeping (its cursor and the ids one page held, one small settings row each per page, for
 * resuming and archiving) is not a job write; its size per page does not grow with the listing.
 *
 * Baseline, same run: the naive pull — the same pages fetched from the same extension page and every posting
 * written back (one bulk put per page) into a scratch database, whether it changed or not.
 */

const POSTINGS = 10_000;
const PAGE_SIZE = 100;
const RUNS = 3;
const RESOURCES = (path: string) => path.replace(/^\/factorial\/api\/[^/]+\/resources\//, '');

interface SummaryView {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  message?: string;
  counts: { added: number; updated: number; archived: number; unchanged: number; pages: number; requests: number };
}

async function jobStamps(page: Page): Promise<Map<string, string>> {
  const rows = await readStore<{ key: string; updatedAt: string; provider: string }[]>(page, 'jobs');
  return new Map(rows.filter((r) => r.provider === 'factorial-ats').map((r) => [r.key, r.updatedAt]));
}

function changed(before: Map<string, string>, after: Map<string, string>): number {
  let n = Math.abs(after.size - before.size);
  for (const [key, stamp] of after) if (before.has(key) && before.get(key) !== stamp) n += 1;
  return n;
}

/** Naive: list the same pages and write every posting back, changed or not. */
async function naiveRewrite(sandbox: BenchSandbox, page: Page) {
  await sandbox.clearRequests();
  await nameShim(page);
  await naiveHelpers(page);
  const result = await page.evaluate(
    async ({ base, key, pageSize }) => {
      const name = 'hirebridge-bench-scratch-factorial';
      const database = await (globalThis as unknown as { __hbNaive: NaiveHelpers }).__hbNaive.scratchJobs(name);
      const headers = { 'x-api-key': key, accept: 'application/json' };
      let writes = 0;
      let requests = 0;
      let cursor: string | null = null;
      const started = performance.now();
      for (;;) {
        const query = new URLSearchParams({ limit: String(pageSize) });
        if (cursor) query.set('after_id', cursor);
        const body = await (await fetch(`${base}/ats/job_postings?${query}`, { headers })).json();
        requests += 1;
        const now = new Date().toISOString();
        await new Promise<void>((resolve, reject) => {
          const tx = database.transaction('jobs', 'readwrite');
          for (const posting of body.data) {
            tx.objectStore('jobs').put({ key: `factorial-ats:${posting.id}`, provider: 'factorial-ats', vendorId: String(posting.id), name: posting.title, status: 'disabled', atsStatus: posting.status, url: posting.url, firstSeenAt: now, updatedAt: now });
            writes += 1;
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        if (!body.meta?.has_next_page) break;
        cursor = body.meta.end_cursor;
      }
      const totalMs = performance.now() - started;
      database.close();
      indexedDB.deleteDatabase(name);
      return { totalMs, writes, requests };
    },
    { base: `${sandbox.url}/factorial/api/${FACTORIAL_API_VERSION}/resources`, key: SANDBOX_KEYS.factorial, pageSize: PAGE_SIZE },
  );
  const log = (await sandbox.requests()).filter((r) => r.vendor === 'factorial');
  return { ...result, serverMs: serverMs(log) };
}

export async function runFactorialNoChangePull(sandbox: BenchSandbox, launch: () => Promise<BenchBrowser>): Promise<Row> {
  await sandbox.reset();
  await sandbox.control('POST', 'jobs', { vendor: 'factorial', count: POSTINGS });
  const state = await sandbox.control<{ factorial: { jobPostings: unknown[] } }>('GET', 'state');
  const postings = state.factorial.jobPostings.length;
  const browser = await launch();
  try {
    await allowSandboxHost(browser);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await requestSandboxOrigin(page);
    const connected = await callIntent(page, 'connect', { provider: 'factorial-ats', environment: 'custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
    if (!connected.ok) throw new Error(`connect failed: ${connected.error.message}`);
    const first = await waitFor(
      'the first Factorial pull to finish',
      async () => {
        const last = await readStore<{ value: SummaryView } | undefined>(page, 'settings', 'jobPull.last');
        return last && last.value.counts.pages > 0 && last.value;
      },
      180_000,
      250,
    );
    if (!first.ok) throw new Error(`The first pull failed: ${first.message}`);
    // What the first pull's follow-ups (the hired list) send must be over before the measured pulls.
    await waitFor(
      'Factorial to be quiet after the first pull',
      async () => Date.now() - Math.max(0, ...(await sandbox.requests()).map((r) => r.t)) > 1_500,
      60_000,
      250,
    );

    const runs: { written: number; stampChanges: number; requests: Record<string, number>; jobPages: number; pullMs: number; serverMs: number; summary: SummaryView }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const before = await jobStamps(page);
      await sandbox.clearRequests();
      const result = await callIntent<SummaryView>(page, 'syncJobsNow');
      if (!result.ok) throw new Error(`syncJobsNow failed: ${result.error.message}`);
      const summary = result.value;
      const startedAt = Date.parse(summary.startedAt);
      const finishedAt = Date.parse(summary.finishedAt);
      // By arrival (logged time − server time): the log is written after the answer, which a busy machine can deliver
      // and the pull finish on before the sandbox's clock is read.
      const log: Logged[] = (await sandbox.requests()).filter((r) => r.vendor === 'factorial' && r.t - (r.ms ?? 0) >= startedAt - 1 && r.t - (r.ms ?? 0) <= finishedAt + 1);
      const requests = log.reduce<Record<string, number>>((acc, r) => ((acc[`${r.method} ${RESOURCES(r.path)}`] = (acc[`${r.method} ${RESOURCES(r.path)}`] ?? 0) + 1), acc), {});
      const after = await jobStamps(page);
      runs.push({
        written: summary.counts.added + summary.counts.updated + summary.counts.archived,
        stampChanges: changed(before, after),
        requests,
        jobPages: requests['GET ats/job_postings'] ?? 0,
        pullMs: finishedAt - startedAt,
        serverMs: serverMs(log),
        summary,
      });
    }
    const naive = await naiveRewrite(sandbox, page);

    const needed = Math.ceil(postings / PAGE_SIZE);
    const worstWritten = Math.max(...runs.map((r) => r.written), ...runs.map((r) => r.stampChanges));
    const jobPages = Math.max(...runs.map((r) => r.jobPages));
    const totals = runs.map((r) => Object.values(r.requests).reduce((a, b) => a + b, 0));
    const otherRequests = runs.map((r) => Object.entries(r.requests).filter(([k]) => k !== 'GET ats/job_postings'));
    // Country look-ups: one listing each of locations and legal entities (a page each here).
    const lookupPages = Math.max(...otherRequests.map((o) => o.reduce((sum, [, n]) => sum + n, 0)));
    const unexpected = [...new Set(otherRequests.flat().map(([k]) => k))].filter((k) => k !== 'GET locations/locations' && k !== 'GET companies/legal_entities');
    const missed = misses([
      [worstWritten === 0, `${worstWritten} jobs written`],
      [jobPages === needed, `${jobPages} job-posting requests ≠ ${needed} pages needed`],
      [lookupPages <= 2 && unexpected.length === 0, `requests beyond the pages needed: ${JSON.stringify(otherRequests[0])}`],
    ]);
    // Zero writes mean nothing unless every posting was compared (a pull that stopped early writes nothing too).
    const invalid = runs.length && runs.every((r) => r.summary.counts.unchanged === postings) ? [] : [`not every posting was compared (${runs.map((r) => r.summary.counts.unchanged).join(', ')} of ${postings})`];
    return {
      name: 'factorial-pull-no-change',
      value: worstWritten,
      unit: 'writes',
      budget: '0 writes; requests = pages needed',
      baseline: naive.writes,
      within_budget: missed.length === 0 && invalid.length === 0,
      ...(invalid.length ? { invalid } : {}),
      missed,
      notes:
        `Factorial ATS connected, ${postings} job postings stored by the first pull; ${RUNS} "Sync now" pulls with nothing changed: ` +
        `jobs written ${runs.map((r) => r.written).join(', ')} (by the pull's counts) and ${runs.map((r) => r.stampChanges).join(', ')} (stored updatedAt compared before/after); ` +
        `requests per pull ${totals.join(', ')} = ${jobPages} pages of ats/job_postings (${needed} needed for ${postings} at ${PAGE_SIZE} a page) + ${lookupPages} for the postings' countries (${JSON.stringify(Object.fromEntries(otherRequests[0]))}). ` +
        `Pull time median ${median(runs.map((r) => r.pullMs))} ms (server ${round(median(runs.map((r) => r.serverMs)), 0)} ms). ` +
        `Baseline (naive: the same pages, every posting written back): ${naive.requests} requests, ${naive.writes} writes, ${round(naive.totalMs, 0)} ms wall − ${round(naive.serverMs, 0)} ms server.`,
      extra: {
        postings,
        pagesNeeded: needed,
        runs: runs.map((r) => ({ written: r.written, stampChanges: r.stampChanges, requests: r.requests, pullMs: r.pullMs, serverMs: round(r.serverMs, 1), counts: r.summary.counts })),
        firstPull: first.counts,
        naive: { ...naive, totalMs: round(naive.totalMs, 0), serverMs: round(naive.serverMs, 1) },
      },
    };
  } finally {
    await browser.close();
  }
}
