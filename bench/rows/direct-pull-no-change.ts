import type { Page } from '@playwright/test';
import type { StandIn } from '../../sandbox/stand-in';
import {
  allowSandboxHost,
  callIntent,
  median,
  misses,
  readStore,
  requestSandboxOrigin,
  round,
  serverMs,
  waitFor,
  type BenchBrowser,
  type BenchSandbox,
  type Logged,
  type Row,
} from '../lib/harness';

/**
 * <vendor>-pull-no-change, for each direct ATS connector (Greenhouse, Teamtailor, Workable, Recruitee, Ashby), beside
 * Kombo's jobs-no-change-pull: the vendor's stand-in holds JOBS jobs (its seeded ones, then copies with their own ids);
 * the connector is connected as the ATS through the `connect` intent from popup.html (as the Factorial row does), and
 * its first pull stores them all. Then, with nothing changed:
 * - INCREMENTAL × "Sync now" (`syncJobsNow`): what the next pulls cost. Where the connector lists only changes
 *   (`incrementalJobs`), this is the incremental listing; where the vendor has no such filter, every pull re-lists
 *   everything, and the row says so.
 * - one complete re-listing (the stored watermark removed first, as when the weekly complete listing comes due):
 *   every job is compared again, and still none may be written.
 * Writes: the pull's own counts (added + updated + archived) and, independently, every stored job's `updatedAt`
 * compared before and after. Requests: the sandbox's log for the vendor that arrived between the pull's start and
 * finish, by path: the job listing's own (PULL_REQUESTS); others in the window are reported apart.
 * Baseline, same run: the first (full) pull — its requests and its writes (every job).
 *
 * INVALID when the first pull did not store every job, when a complete listing did not compare every job (a pull that
 * stopped early writes nothing too), or when a pull said to be incremental was not (the stored pull state says which).
 */

const JOBS = 250;
const INCREMENTAL = 3;

interface SummaryView {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  message?: string;
  counts: { added: number; updated: number; archived: number; unchanged: number; pages: number; requests: number };
}
interface PullStateView {
  provider: string;
  updatedAfter?: string;
  listing?: boolean;
}

interface Pull {
  kind: 'first' | 'incremental' | 'complete';
  /** The product's own record of the pull: a complete listing, or incremental from a mark. */
  listing: boolean;
  written: number;
  stampChanges: number;
  requests: Record<string, number>;
  total: number;
  pullMs: number;
  serverMs: number;
  counts: SummaryView['counts'];
}

async function jobStamps(page: Page, provider: string): Promise<Map<string, string>> {
  const rows = await readStore<{ key: string; updatedAt: string; provider: string }[]>(page, 'jobs');
  return new Map(rows.filter((r) => r.provider === provider).map((r) => [r.key, r.updatedAt]));
}

function changed(before: Map<string, string>, after: Map<string, string>): number {
  let n = Math.abs(after.size - before.size);
  for (const [key, stamp] of after) if (before.has(key) && before.get(key) !== stamp) n += 1;
  return n;
}

/**
 * The requests a job pull makes, per vendor (from each connector's listJobs): anything else in a pull's window is
 * another consumer's (the open page's hired list, paced by the vendor's limit) and is reported apart, not counted.
 * Greenhouse's hired list reads jobs by `ids=` too; the pull lists them by page (and reads its offices by id).
 */
const PULL_REQUESTS: Record<string, (r: Logged) => boolean> = {
  greenhouse: (r) => r.method === 'GET' && ((r.path === '/greenhouse/v3/jobs' && !/(^|&)ids=/.test(r.query)) || r.path === '/greenhouse/v3/offices'),
  teamtailor: (r) => r.method === 'GET' && r.path === '/teamtailor/v1/jobs',
  workable: (r) => r.method === 'GET' && /^\/workable\/spi\/v3\/jobs(\/[^/]+\/questions)?$/.test(r.path),
  recruitee: (r) => r.method === 'GET' && /^\/recruitee\/c\/[^/]+\/offers$/.test(r.path),
  ashby: (r) => r.method === 'POST' && r.path === '/ashby/job.list',
};

/** Remove one row of the extension's settings store (raw IndexedDB, no product code), from an extension page. */
async function deleteSetting(page: Page, key: string): Promise<void> {
  await page.evaluate(
    (key) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hirebridge');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const tx = database.transaction('settings', 'readwrite');
          tx.objectStore('settings').delete(key);
          tx.oncomplete = () => (database.close(), resolve());
          tx.onerror = () => (database.close(), reject(tx.error));
        };
      }),
    key,
  );
}

/**
 * How many of the stand-in's jobs the vendor's listing gives the connector. Ashby's job.list leaves Drafts out unless
 * asked (its `status` filter; the stand-in's default is Open, Closed, Archived) and the connector does not ask for
 * them; the others list every job (Teamtailor with `filter[status]=all`; Recruitee's talent pools are not jobs).
 */
async function listedJobs(sandbox: BenchSandbox, vendor: string): Promise<number> {
  const state = await sandbox.control<Record<string, { jobs?: { status?: string }[]; offers?: { kind: string }[] }>>('GET', 'state');
  const world = state[vendor];
  if (vendor === 'ashby') return world.jobs!.filter((j) => j.status !== 'Draft').length;
  if (vendor === 'recruitee') return world.offers!.filter((o) => o.kind === 'job').length;
  return world.jobs?.length ?? JOBS;
}

/** The connect intent's input for a stand-in: Custom environment, its sandbox base URL, its keys in the card's fields. */
function connectInput(standIn: StandIn, sandboxUrl: string) {
  const baseUrl = `${sandboxUrl}/${standIn.vendor}${standIn.basePath ?? ''}`;
  const k = standIn.keys;
  const fields: Record<string, { apiKey: string; accountId?: string }> = {
    greenhouse: { apiKey: k.clientSecret, accountId: k.clientId },
    recruitee: { apiKey: k.token, accountId: k.companyId },
    workable: { apiKey: k['API access token'], accountId: k.Subdomain },
    teamtailor: { apiKey: k.apiKey },
    ashby: { apiKey: k.apiKey },
  };
  const keys = fields[standIn.vendor];
  if (!keys) throw new Error(`No connect fields known for the ${standIn.vendor} stand-in`);
  return { provider: standIn.vendor, environment: 'custom', baseUrl, ...keys };
}

export async function runDirectNoChangePull(sandbox: BenchSandbox, launch: () => Promise<BenchBrowser>, standIn: StandIn): Promise<Row> {
  const provider = standIn.vendor;
  const name = `${provider}-pull-no-change`;
  await sandbox.reset();
  await sandbox.control('POST', 'jobs', { vendor: provider, count: JOBS });
  const browser = await launch();
  try {
    await allowSandboxHost(browser);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await requestSandboxOrigin(page);
    await sandbox.clearRequests();
    const connected = await callIntent(page, 'connect', connectInput(standIn, sandbox.url));
    if (!connected.ok) throw new Error(`connect failed: ${connected.error.message}`);
    const firstSummary = await waitFor(
      `the first ${provider} pull to finish`,
      async () => {
        const last = await readStore<{ value: SummaryView & { provider: string } } | undefined>(page, 'settings', 'jobPull.last');
        return last && last.value.provider === provider && last.value.counts.pages > 0 && last.value;
      },
      180_000,
      250,
    );
    if (!firstSummary.ok) throw new Error(`The first pull failed: ${firstSummary.message}`);
    // What a pull's follow-ups (the hired list) send must be over before the next pull is measured: paced by the
    // vendor's rate limit (Workable: 10 requests per 10 s), they would otherwise arrive inside its window.
    const quiet = (after: string) => waitFor(`${provider} to be quiet after ${after}`, async () => Date.now() - Math.max(0, ...(await sandbox.requests()).map((r) => r.t)) > 2_500, 90_000, 250);
    await quiet('the first pull');
    // By arrival (logged time − server time): the log is written after the answer, which a busy machine can deliver
    // and the pull finish on before the sandbox's clock is read. The hired list's follow-ups arrive after the finish.
    const arrival = (r: Logged) => r.t - (r.ms ?? 0);
    const windowOf = (log: Logged[], s: SummaryView) => log.filter((r) => r.vendor === provider && arrival(r) >= Date.parse(s.startedAt) - 1 && arrival(r) <= Date.parse(s.finishedAt) + 1);
    const ownRequest = PULL_REQUESTS[provider];
    if (!ownRequest) throw new Error(`No pull requests known for the ${provider} stand-in`);
    const inWindow = (log: Logged[], s: SummaryView) => windowOf(log, s).filter(ownRequest);
    const others: Record<string, number>[] = [];
    const otherRequests = (log: Logged[], s: SummaryView) => byPath(windowOf(log, s).filter((r) => !ownRequest(r)));
    // By path, and by status where it was not a success (a 429 retried is two requests).
    const label = (r: Logged) => `${r.method} ${r.path}${r.status >= 200 && r.status < 300 ? '' : ` → ${r.status}`}`;
    const byPath = (log: Logged[]) => log.reduce<Record<string, number>>((acc, r) => ((acc[label(r)] = (acc[label(r)] ?? 0) + 1), acc), {});
    const firstAll = await sandbox.requests();
    const firstLog = inWindow(firstAll, firstSummary);
    const firstOthers = otherRequests(firstAll, firstSummary);
    const stored = await jobStamps(page, provider);
    const first: Pull = {
      kind: 'first',
      listing: true,
      written: firstSummary.counts.added + firstSummary.counts.updated + firstSummary.counts.archived,
      stampChanges: stored.size,
      requests: byPath(firstLog),
      total: firstLog.length,
      pullMs: Date.parse(firstSummary.finishedAt) - Date.parse(firstSummary.startedAt),
      serverMs: serverMs(firstLog),
      counts: firstSummary.counts,
    };

    const pulls: Pull[] = [];
    for (let i = 0; i <= INCREMENTAL; i++) {
      const kind = i < INCREMENTAL ? 'incremental' : 'complete';
      // The complete listing: without a watermark the product lists everything (rules.ts needsCompleteListing).
      if (kind === 'complete') await deleteSetting(page, 'jobPull.watermark');
      if (i > 0) await quiet('the last pull');
      const before = await jobStamps(page, provider);
      await sandbox.clearRequests();
      const result = await callIntent<SummaryView>(page, 'syncJobsNow');
      if (!result.ok) throw new Error(`syncJobsNow failed: ${result.error.message}`);
      const summary = result.value;
      const state = await readStore<{ value: PullStateView } | undefined>(page, 'settings', 'jobPull.state');
      const all = await sandbox.requests();
      const log = inWindow(all, summary);
      others.push(otherRequests(all, summary));
      pulls.push({
        kind,
        listing: !!state?.value.listing || !state?.value.updatedAfter,
        written: summary.counts.added + summary.counts.updated + summary.counts.archived,
        stampChanges: changed(before, await jobStamps(page, provider)),
        requests: byPath(log),
        total: log.length,
        pullMs: Date.parse(summary.finishedAt) - Date.parse(summary.startedAt),
        serverMs: serverMs(log),
        counts: summary.counts,
      });
    }

    const next = pulls.filter((p) => p.kind === 'incremental');
    const complete = pulls.filter((p) => p.kind === 'complete');
    const incremental = next.every((p) => !p.listing);
    const worstWritten = Math.max(...pulls.map((p) => Math.max(p.written, p.stampChanges)));
    const worstRequests = Math.max(...next.map((p) => p.total));
    const listingRequests = Math.max(...complete.map((p) => p.total));

    const invalid: string[] = [];
    const listed = await listedJobs(sandbox, provider);
    if (stored.size !== listed) invalid.push(`the first pull stored ${stored.size} jobs of the ${listed} the vendor lists`);
    // Zero writes mean nothing unless every job was compared (a pull that stopped early writes nothing too).
    for (const p of pulls) if (p.listing && p.counts.unchanged !== stored.size) invalid.push(`a complete listing compared ${p.counts.unchanged} of ${stored.size} jobs`);
    if (!complete.every((p) => p.listing)) invalid.push('the pull after the watermark was removed was not a complete listing');
    if (next.some((p) => p.listing) && next.some((p) => !p.listing)) invalid.push('the next pulls were neither all incremental nor all complete');

    // Incremental: one page saying nothing changed, like Kombo's. Without an incremental API: the same listing again, nothing more.
    const requestBudget = incremental ? 1 : listingRequests;
    const missed = misses([
      [worstWritten === 0, `${worstWritten} jobs written with nothing changed`],
      [worstRequests <= requestBudget, incremental ? `${worstRequests} requests > 1 for an incremental pull` : `${worstRequests} requests > the ${listingRequests} of a complete listing`],
    ]);
    const list = (p: Pull[], f: (p: Pull) => number | string) => p.map(f).join(', ');
    return {
      name,
      value: worstRequests,
      unit: 'requests',
      budget: `0 writes; ${incremental ? '1 request (incremental)' : 'requests = a complete listing (no incremental API)'}`,
      baseline: first.total,
      ratio: first.total ? round(worstRequests / first.total, 3) : null,
      ratio_of: 'first pull',
      within_budget: missed.length === 0 && invalid.length === 0,
      ...(invalid.length ? { invalid } : {}),
      missed,
      notes:
        `${standIn.vendor} stand-in with ${JOBS} jobs (${listed} of them listed by the vendor), connected as the ATS; the first pull stored ${stored.size} (${first.written} writes, ${first.total} requests: ${JSON.stringify(first.requests)}). ` +
        (incremental
          ? `Next pulls are incremental (the connector's listing takes the last pull's mark): `
          : `The connector has no incremental listing (the vendor's API offers none it uses), so every pull re-lists all ${stored.size} jobs and compares them: `) +
        `${INCREMENTAL} "Sync now" pulls with nothing changed made ${list(next, (p) => p.total)} requests (${next.map((p) => JSON.stringify(p.requests)).join(', ')}), ` +
        `saw ${list(next, (p) => p.counts.unchanged + p.counts.added + p.counts.updated + p.counts.archived)} jobs, wrote ${list(next, (p) => p.written)} (by the pull's counts) and ${list(next, (p) => p.stampChanges)} (stored updatedAt compared); ` +
        `pull time median ${median(next.map((p) => p.pullMs))} ms (first pull ${first.pullMs} ms). ` +
        `A complete re-listing (watermark removed): ${list(complete, (p) => p.total)} requests, ${list(complete, (p) => p.counts.unchanged)} jobs compared unchanged, ${list(complete, (p) => Math.max(p.written, p.stampChanges))} written. ` +
        `Baseline (the first, full pull of the same run): ${first.total} requests, ${first.written} writes. ` +
        `Not counted, another consumer's requests inside the pulls' windows (the open page's hired list): first ${JSON.stringify(firstOthers)}, then ${others.map((o) => JSON.stringify(o)).join(', ')}.`,
      extra: {
        jobs: JOBS,
        incremental,
        first: { ...first, serverMs: round(first.serverMs, 1) },
        pulls: pulls.map((p) => ({ ...p, serverMs: round(p.serverMs, 1) })),
        writesPerPull: pulls.map((p) => Math.max(p.written, p.stampChanges)),
        notThePulls: { first: firstOthers, pulls: others },
        baselineWrites: first.written,
      },
    };
  } finally {
    await browser.close();
  }
}
