import type { Page } from '@playwright/test';
import { SANDBOX_KEYS } from '../../sandbox/server';
import { pollHeap } from '../lib/cdp';
import {
  allowSandboxHost,
  callIntent,
  connectKombo,
  median,
  misses,
  openOptionsPage,
  ratioOf,
  nameShim,
  naiveHelpers,
  readStore,
  requestSandboxOrigin,
  round,
  serverMs,
  serviceWorkerCdp,
  waitFor,
  type BenchBrowser,
  type BenchSandbox,
  type NaiveHelpers,
  type Logged,
  type Row,
} from '../lib/harness';

/**
 * jobs-full-pull-10k: the first pull after connecting Kombo, with 10,000 jobs in the sandbox (pages of 100), run by
 * the service worker as shipped. Extension time = the pull's own start→finish (its summary record) minus the
 * server's time on each of its requests (the sandbox logs `ms` per request). The service worker's JS heap is
 * sampled over CDP the whole time.
 *
 * Headline scenario: the `connect` intent is sent from popup.html (an extension page that renders no jobs), so the
 * figure is the pull's own cost; median of RUNS fresh browsers (the machine may be shared with other test runs). A second fresh browser repeats it the way an admin does it — Connect clicked in
 * the options page, which stays open and live-renders the Jobs table while the pull writes — reported alongside.
 *
 * Baseline, same run: the naive way — fetch the same 100 pages and `put` each row in its own transaction
 * (no bulk, no shared transaction), from the same extension page into a scratch database; server time subtracted alike;
 * run in each headline pull's browser right after it, median of RUNS like the pull.
 */

export const JOB_COUNT = 10_000;
const PAGE_SIZE = 100;
const RUNS = 3;
const JOBS_PATH = '/kombo/v1/ats/jobs';

interface PullSummary {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  message?: string;
  counts: { added: number; updated: number; archived: number; unchanged: number; pages: number; requests: number };
}

export interface NaivePull {
  totalMs: number;
  fetchMs: number;
  writeMs: number;
  requests: number;
  rows: number;
  serverMs: number;
}

export interface Measured {
  summary: PullSummary;
  wallMs: number;
  serverMs: number;
  extensionMs: number;
  requests: number;
  stored: number;
  /** `afterGcBytes`: what the worker still holds once the pull is over and garbage is collected. */
  heap?: { peakBytes: number; startBytes: number; samples: number; afterGcBytes?: number };
}

const komboConnectInput = (sandbox: BenchSandbox) => ({
  provider: 'kombo',
  environment: 'custom',
  baseUrl: `${sandbox.url}/kombo/v1`,
  apiKey: SANDBOX_KEYS.kombo,
  integrationId: SANDBOX_KEYS.komboIntegrationId,
});

/** Wait for the pull's summary record, then account for it with the sandbox's log. */
async function measurePull(sandbox: BenchSandbox, page: Page, count = JOB_COUNT): Promise<Measured> {
  const summary = await waitFor(
    `the pull of ${count} jobs to finish`,
    async () => {
      const last = await readStore<{ value: PullSummary } | undefined>(page, 'settings', 'jobPull.last');
      return last && last.value.counts.pages > 0 && last.value;
    },
    // About 12 s per 10,000 jobs on a busy machine, with room to spare.
    Math.max(120_000, (count / 10_000) * 60_000),
    250,
  );
  if (!summary.ok) throw new Error(`The pull failed: ${summary.message}`);
  const started = Date.parse(summary.startedAt);
  // Only the pull's own requests (connecting checks the key with a one-row listing first).
  const log = (await sandbox.requests()).filter((r) => r.path === JOBS_PATH && r.t - (r.ms ?? 0) >= started - 1);
  const wallMs = Date.parse(summary.finishedAt) - started;
  const server = serverMs(log);
  return {
    summary,
    wallMs,
    serverMs: server,
    extensionMs: wallMs - server,
    requests: log.length,
    stored: summary.counts.added + summary.counts.updated + summary.counts.archived,
  };
}

export interface FullPullResult {
  row: Row;
  naive: NaivePull;
  /** The extension page the next row drives "Sync now" from (same browser, Kombo connected, 10k jobs stored). */
  page: Page;
}

/** One headline pull in a fresh browser; the browser stays open (its page is returned) for what follows. */
export async function headlinePull(sandbox: BenchSandbox, launch: () => Promise<BenchBrowser>, count = JOB_COUNT): Promise<{ measured: Measured; browser: BenchBrowser; page: Page }> {
  await sandbox.reset();
  await sandbox.control('POST', 'jobs', { vendor: 'kombo', count });
  const browser = await launch();
  await allowSandboxHost(browser);
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await requestSandboxOrigin(page);
  await sandbox.clearRequests();

  const cdp = await serviceWorkerCdp(browser);
  try {
    // Start from a collected heap, so the peak is the pull's and not leftovers from start-up.
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    // Every 100 ms: often enough to see the peak of a multi-second pull, rare enough not to slow it.
    const sampler = pollHeap(cdp, 100);
    const connected = await callIntent(page, 'connect', komboConnectInput(sandbox));
    if (!connected.ok) throw new Error(`connect failed: ${connected.error.message}`);
    // Connecting the ATS starts the first (full) pull at once, in the service worker.
    const measured = await measurePull(sandbox, page, count);
    measured.heap = await sampler.stop();
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    measured.heap.afterGcBytes = (await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage').catch(() => undefined))?.usedSize;
    return { measured, browser, page };
  } finally {
    cdp.close();
  }
}

export async function runFullPull(sandbox: BenchSandbox, launch: () => Promise<BenchBrowser>): Promise<FullPullResult> {
  // 1) Headline: the pull alone, RUNS fresh browsers (this machine is shared: the median resists a busy moment), each
  // followed by the naive pull in the same browser, so both sides of the ratio are medians of the same moments (one
  // naive run beside a median of three moved the ratio 0.22–0.31× on one unchanged build).
  const runs: Measured[] = [];
  const naives: NaivePull[] = [];
  let last: { browser: BenchBrowser; page: Page } | undefined;
  for (let i = 0; i < RUNS; i++) {
    if (last) await last.browser.close();
    const { measured, browser, page } = await headlinePull(sandbox, launch);
    runs.push(measured);
    naives.push(await naivePull(sandbox, page));
    last = { browser, page };
  }
  const page = last!.page;
  const naive = [...naives].sort((a, b) => a.totalMs - a.serverMs - (b.totalMs - b.serverMs))[RUNS >> 1];

  // 2) The same pull started from the options page's form, with the page left open.
  const withUi = await pullWithOptionsPageOpen(sandbox, launch);

  const extensionMs = median(runs.map((r) => r.extensionMs));
  const measured = [...runs].sort((a, b) => a.extensionMs - b.extensionMs)[RUNS >> 1];
  const peak = Math.max(...runs.map((r) => r.heap!.peakBytes));
  const start = Math.min(...runs.map((r) => r.heap!.startBytes));
  const naiveMs = round(naive.totalMs - naive.serverMs, 0);
  const ratio = ratioOf(extensionMs, naiveMs)!;
  // The budget was 2000 ms beside a naive ~8,000–15,000 ms: as a ratio to the naive pull of the same run, ≤ 0.25×.
  const missed = misses([[ratio <= 0.25, `${ratio}× the naive pull > 0.25×`]]);
  // A pull that did not store every job is not the full pull the row times.
  const invalid = runs.every((r) => r.stored === JOB_COUNT) ? [] : [`not every job stored (${runs.map((r) => r.stored).join(', ')} of ${JOB_COUNT})`];
  const row: Row = {
    name: 'jobs-full-pull-10k',
    value: round(extensionMs, 0),
    unit: 'ms',
    budget: '≤ 0.25× the naive pull',
    baseline: naiveMs,
    ratio,
    ratio_of: 'naive pull',
    within_budget: missed.length === 0 && invalid.length === 0,
    missed,
    ...(invalid.length ? { invalid } : {}),
    notes:
      `Service worker, as shipped, median of ${RUNS} fresh browsers (${runs.map((r) => round(r.extensionMs, 0)).join(', ')} ms): ` +
      `${measured.requests} requests, ${measured.stored} jobs stored; pull ${measured.wallMs} ms wall − ${round(measured.serverMs, 0)} ms server ` +
      `(${round(extensionMs / measured.requests, 1)} ms of extension time per page of 100). ` +
      `Peak SW JS heap ${mb(peak)} MB (from ${mb(start)} MB after GC). ` +
      `Same pull connected from the options page left open (Jobs table live-rendering): ${round(withUi.extensionMs, 0)} ms ` +
      `(${withUi.wallMs} ms wall − ${round(withUi.serverMs, 0)} ms server). ` +
      `Baseline (naive, same extension page, scratch DB), median of ${RUNS}, each in a headline run's browser (${naives.map((n) => round(n.totalMs - n.serverMs, 0)).join(', ')} ms): ${naive.requests} page fetches + ${naive.rows} single-row puts = ${round(naive.totalMs, 0)} ms wall − ${round(naive.serverMs, 0)} ms server (writes alone ${round(naive.writeMs, 0)} ms).`,
    extra: {
      runs: runs.map((r) => ({ extensionMs: round(r.extensionMs, 0), wallMs: r.wallMs, serverMs: round(r.serverMs, 1), requests: r.requests, stored: r.stored, peakHeapMB: mb(r.heap!.peakBytes), heapSamples: r.heap!.samples })),
      counts: measured.summary.counts,
      peakHeapMB: mb(peak),
      startHeapMB: mb(start),
      heapGrowthMB: mb(peak - start),
      optionsPageOpen: { extensionMs: round(withUi.extensionMs, 0), wallMs: withUi.wallMs, serverMs: round(withUi.serverMs, 1), requests: withUi.requests, stored: withUi.stored },
      naive: { ...naive, totalMs: round(naive.totalMs, 0), fetchMs: round(naive.fetchMs, 0), writeMs: round(naive.writeMs, 0), serverMs: round(naive.serverMs, 1) },
    },
  };
  return { row, naive, page };
}

/** The brief's UI path: Connect in the options page (Custom environment, sandbox base URL), page left open. */
async function pullWithOptionsPageOpen(sandbox: BenchSandbox, launch: () => Promise<BenchBrowser>): Promise<Measured> {
  await sandbox.reset();
  await sandbox.control('POST', 'jobs', { vendor: 'kombo', count: JOB_COUNT });
  const browser = await launch();
  try {
    await allowSandboxHost(browser);
    const options = await openOptionsPage(browser);
    await sandbox.clearRequests();
    await connectKombo(options, sandbox);
    return await measurePull(sandbox, options);
  } finally {
    await browser.close();
  }
}

export const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

/** The naive pull, in the options page (an extension page: same origin, same host permission as the worker). */
async function naivePull(sandbox: BenchSandbox, options: Page): Promise<NaivePull> {
  await sandbox.clearRequests();
  await nameShim(options);
  await naiveHelpers(options);
  const result = await options.evaluate(
    async ({ base, key, integrationId, pageSize }) => {
      const name = 'hirebridge-bench-scratch';
      const naive = (globalThis as unknown as { __hbNaive: NaiveHelpers }).__hbNaive;
      const database = await naive.scratchJobs(name);
      const putOne = (record: unknown) =>
        new Promise<void>((resolve, reject) => {
          // One put, one transaction, awaited before the next: what `await table.put(row)` in a loop does.
          const tx = database.transaction('jobs', 'readwrite');
          tx.objectStore('jobs').put(record);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      let fetchMs = 0;
      let writeMs = 0;
      let requests = 0;
      let rows = 0;
      let cursor: string | null = null;
      const started = performance.now();
      do {
        const t0 = performance.now();
        const body = await naive.komboPage(base, key, integrationId, pageSize, cursor);
        requests += 1;
        const t1 = performance.now();
        fetchMs += t1 - t0;
        const now = new Date().toISOString();
        for (const job of body.data.results) {
          await putOne(naive.komboRecord(job, now));
          rows += 1;
        }
        writeMs += performance.now() - t1;
        cursor = body.data.next;
      } while (cursor);
      const totalMs = performance.now() - started;
      database.close();
      indexedDB.deleteDatabase(name);
      return { totalMs, fetchMs, writeMs, requests, rows };
    },
    { base: `${sandbox.url}/kombo/v1`, key: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId, pageSize: PAGE_SIZE },
  );
  const log: Logged[] = (await sandbox.requests()).filter((r) => r.path === JOBS_PATH);
  return { ...result, serverMs: serverMs(log) };
}
