import type { Page } from '@playwright/test';
import { FACTORIAL_POSTS_PER_MINUTE } from '../../lib/outbox/pacing';
import { FACTORIAL_API_VERSION } from '../../lib/connectors/factorial/environments';
import { SANDBOX_KEYS } from '../../sandbox/server';
import {
  allowSandboxHost,
  buildVariant,
  callIntent,
  connectFactorialHr,
  connectKombo,
  misses,
  nameShim,
  openOptionsPage,
  readStore,
  round,
  sleep,
  waitFor,
  type BenchBrowser,
  type BenchSandbox,
  type Logged,
  type Row,
} from '../lib/harness';

/**
 * bulk-export-bound: how much of Factorial's documented limit — 200 POST requests a minute — Export all uses, over
 * a run long enough for the limit to bind in 3 windows: 3 × 200 + 1 hired people, so 601 creates (and as many
 * look-ups, contract reads and job-title PUTs, which the documented limit does not count).
 *
 * Time-scaled minute: the sandbox enforces 200 POSTs per 60/SCALE s (sliding window, 429 + Retry-After beyond), and
 * the extension under test is a build made with WXT_BENCH_TIME_SCALE=SCALE, which divides the pacing window by the
 * same factor (lib/outbox/pacing.ts). The limit the pacing reads is the product's constant, FACTORIAL_POSTS_PER_MINUTE,
 * and the sandbox is given that same constant. Everything else is the shipped code.
 *
 * Product path: each hired person's demo-ATS page is visited once (Export all takes the start date from the page; the
 * ATS API has none), then the popup's intents run Export all (refreshHiredCandidates → planBulkExport →
 * startBulkExport) and the bench waits for every operation to settle.
 *
 * Value: the fastest the limit allows C accepted POSTs, ⌊(C−1)/200⌋ full windows, as a % of the time the run took
 * from the first POST's arrival at the sandbox to the last one's. With C = 3·200+1 that is 3 windows; 100 % = every
 * window full. Also: lost (a hired person with no employee), duplicated (an email with two), 429s answered, and the
 * windows in which the limit bound (disjoint windows in which 200 POSTs arrived).
 *
 * Baseline, same run, same scaled window: "send until 429" — one person after another from an extension page, look
 * up then create, and on a 429 wait its Retry-After and send again; 601 other people, a fresh window.
 */

const PER_WINDOW = FACTORIAL_POSTS_PER_MINUTE;
const BOUND_WINDOWS = 3;
const COUNT = BOUND_WINDOWS * PER_WINDOW + 1;
/**
 * A minute of the sandbox lasts 60/SCALE s. 2: 30 s windows, 6.7 POSTs/s allowed — below what the extension sends when
 * nothing holds it back (6–12 exports/s with the shared 2-core machine at load 14–20, more when it is quiet), so the pacing, not the
 * machine, sets the pace; the run takes a little over 90 s.
 */
const SCALE = Number(process.env.BENCH_TIME_SCALE ?? 2);
const WINDOW_MS = 60_000 / SCALE;
const START_DATE = '2027-01-15';
const CREATE_PATH = /\/employees\/employees\/create_with_contract$/;
const FACTORIAL_BASE = (sandbox: BenchSandbox) => `${sandbox.url}/factorial/api/${FACTORIAL_API_VERSION}/resources`;

interface Person {
  first: string;
  last: string;
  email: string;
  phone: string;
  remoteId?: string;
}

const people = (tag: string): Person[] =>
  Array.from({ length: COUNT }, (_, i) => ({
    first: `Bench${tag}`,
    last: `Hire${String(i + 1).padStart(3, '0')}`,
    email: `bench.${tag.toLowerCase()}.hire${i + 1}@example.com`,
    phone: `+34 600 ${String(100_000 + i).slice(0, 3)} ${String(100_000 + i).slice(3)}`,
  }));

export interface LimitUse {
  /** POSTs the sandbox accepted, and answered 429. */
  accepted: number;
  bounced: number;
  /** First accepted POST's arrival → last one's. */
  spanMs: number;
  /** ⌊(accepted−1)/perWindow⌋ windows: the fastest the limit allows. */
  allowedMs: number;
  pctUncapped: number;
  pct: number;
  /** Most accepted POSTs that arrived within one window (the sandbox's sliding window). */
  mostInWindow: number;
  /** Disjoint windows that held a whole window's worth of POSTs: the limit bound there. */
  boundWindows: number;
  perMinuteScaled: number;
}

export function limitUse(log: Logged[], perWindow = PER_WINDOW, windowMs = WINDOW_MS): LimitUse {
  const posts = log.filter((r) => r.vendor === 'factorial' && r.method === 'POST');
  const arrivals = posts.filter((r) => r.status !== 429).map((r) => r.t - (r.ms ?? 0)).sort((a, b) => a - b);
  const accepted = arrivals.length;
  const bounced = posts.length - accepted;
  if (accepted < 2) return { accepted, bounced, spanMs: 0, allowedMs: 0, pctUncapped: 0, pct: 0, mostInWindow: accepted, boundWindows: 0, perMinuteScaled: 0 };
  const spanMs = arrivals[accepted - 1] - arrivals[0];
  const allowedMs = Math.floor((accepted - 1) / perWindow) * windowMs;
  let mostInWindow = 0;
  for (let i = 0, j = 0; i < accepted; i++) {
    while (arrivals[i] - arrivals[j] >= windowMs) j++;
    mostInWindow = Math.max(mostInWindow, i - j + 1);
  }
  // Disjoint windows that were full (perWindow POSTs arrived within windowMs): where the limit bound.
  let boundWindows = 0;
  for (let i = 0; i + perWindow - 1 < accepted; ) {
    if (arrivals[i + perWindow - 1] - arrivals[i] < windowMs) {
      boundWindows += 1;
      i += perWindow;
    } else i += 1;
  }
  const pctUncapped = spanMs > 0 ? (100 * allowedMs) / spanMs : 0;
  return {
    accepted,
    bounced,
    spanMs,
    allowedMs,
    pctUncapped: round(pctUncapped, 2),
    pct: round(Math.min(100, pctUncapped), 1),
    mostInWindow,
    boundWindows,
    perMinuteScaled: round(((accepted - 1) / Math.max(1, spanMs)) * windowMs, 1),
  };
}

async function employeesByEmail(sandbox: BenchSandbox): Promise<Map<string, number>> {
  const state = await sandbox.control<{ factorial: { employees: { email: string }[] } }>('GET', 'state');
  const counts = new Map<string, number>();
  for (const e of state.factorial.employees) counts.set(e.email.toLowerCase(), (counts.get(e.email.toLowerCase()) ?? 0) + 1);
  return counts;
}

function lostAndDuplicated(counts: Map<string, number>, wanted: Person[]) {
  const lost = wanted.filter((p) => !counts.get(p.email.toLowerCase())).length;
  const duplicated = wanted.filter((p) => (counts.get(p.email.toLowerCase()) ?? 0) > 1).length;
  return { lost, duplicated };
}

interface OperationRow {
  id: string;
  kind: string;
  state: string;
  attempts: number;
}

async function waitForOperations(page: Page, expected: number, timeoutMs: number): Promise<OperationRow[]> {
  let last: OperationRow[] = [];
  try {
    await waitFor(
      `${expected} export operations to settle`,
      async () => {
        last = (await readStore<OperationRow[]>(page, 'operations')).filter((o) => o.kind === 'export-employee');
        return last.length >= expected && last.every((o) => o.state === 'done' || o.state === 'needs-attention');
      },
      timeoutMs,
      500,
    );
  } catch {
    /* reported as lost below */
  }
  return last;
}

/**
 * Export all needs a start date for everyone, and the ATS API has none: the product takes it from the candidate's
 * ATS page (as the E2E tests do). So each hired person's demo-ATS page is visited once, a few tabs at a time, and
 * the bench waits for the worker's follow-up look-ups in Factorial to finish — all before the measured window.
 */
async function captureFromPages(browser: BenchBrowser, sandbox: BenchSandbox, options: Page, wanted: Person[]): Promise<number> {
  const queue = [...wanted];
  const visit = async () => {
    const page = await browser.context.newPage();
    try {
      for (let person = queue.shift(); person; person = queue.shift()) {
        await page.goto(`${sandbox.url}/demo-ats/candidates/${person.remoteId}`);
        await page.getByRole('button', { name: /Export(ed)? to FactorialHR/ }).and(page.locator(':enabled')).waitFor({ timeout: 15_000 });
      }
    } finally {
      await page.close();
    }
  };
  await Promise.all(Array.from({ length: 6 }, visit));
  const ids = new Set(wanted.map((p) => `demo-ats:${p.remoteId}`));
  const captured = await waitFor(
    'the start dates to be captured',
    async () => {
      const records = (await readStore<{ key: string; data: Record<string, unknown> }[]>(options, 'candidates')).filter((r) => ids.has(r.key) && r.data.startDate);
      return records.length >= wanted.length && records.length;
    },
    30_000,
    250,
  );
  // Captures trigger email look-ups in Factorial (debounced): wait until Factorial has been quiet for 1.5 s.
  await waitFor(
    'Factorial look-ups after the captures to finish',
    async () => {
      const last = Math.max(0, ...(await sandbox.requests()).filter((r) => r.vendor === 'factorial').map((r) => r.t));
      return Date.now() - last > 1_500;
    },
    60_000,
    250,
  );
  return captured;
}

/** The product's Export all, through the popup's intents (what its button and confirmation send). */
async function exportAll(page: Page): Promise<{ ready: number; skipped: number; skippedReasons: string[] }> {
  const refreshed = await callIntent<any>(page, 'refreshHiredCandidates', { force: true });
  if (!refreshed.ok) throw new Error(`refreshHiredCandidates: ${refreshed.error.message}`);
  const first = await callIntent<any>(page, 'planBulkExport', {});
  if (!first.ok) throw new Error(`planBulkExport: ${first.error.message}`);
  // Several legal entities: the confirmation makes the recruiter choose one for everyone.
  const legalEntityId: string | undefined = first.value.legalEntityId ?? first.value.legalEntities?.[0]?.id;
  const plan = legalEntityId && !first.value.legalEntityId ? await callIntent<any>(page, 'planBulkExport', { legalEntityId }) : first;
  if (!plan.ok) throw new Error(`planBulkExport: ${plan.error.message}`);
  const keys = plan.value.ready.map((r: { candidateKey: string }) => r.candidateKey);
  const skippedReasons = [...new Set<string>(plan.value.skipped.map((s: { reason: string }) => s.reason))];
  if (!keys.length) throw new Error(`Export all has nobody ready (${plan.value.skipped.length} left out: ${skippedReasons.join(' / ') || '—'})`);
  const started = await callIntent<any>(page, 'startBulkExport', { keys, legalEntityId });
  if (!started.ok) throw new Error(`startBulkExport: ${started.error.message}`);
  return { ready: keys.length, skipped: plan.value.skipped.length, skippedReasons };
}

/** Naive: one candidate after another, look up then create, until a 429 says wait (its Retry-After), then again. */
async function naiveExport(sandbox: BenchSandbox, page: Page, wanted: Person[]) {
  await nameShim(page);
  return page.evaluate(
    async ({ base, key, wanted, startDate }) => {
      let waits = 0;
      const send = async (url: string, init: RequestInit = {}): Promise<Response> => {
        for (;;) {
          const response = await fetch(url, { ...init, headers: { 'x-api-key': key, accept: 'application/json', 'content-type': 'application/json' } });
          if (response.status !== 429) return response;
          waits += 1;
          await new Promise((r) => setTimeout(r, Number(response.headers.get('retry-after') ?? '1') * 1000));
        }
      };
      const failures: string[] = [];
      for (const p of wanted) {
        const found = await send(`${base}/employees/employees?emails[]=${encodeURIComponent(p.email)}&only_active=false&only_managers=false`);
        const body = await found.json();
        if ((body.data ?? []).length) continue;
        const created = await send(`${base}/employees/employees/create_with_contract`, {
          method: 'POST',
          body: JSON.stringify({ company_id: 1, first_name: p.first, last_name: p.last, email: p.email, legal_entity_id: 11, contract_starts_on: startDate }),
        });
        if (!created.ok) failures.push(`${p.email}: ${created.status}`);
      }
      return { waits, failures };
    },
    { base: FACTORIAL_BASE(sandbox), key: SANDBOX_KEYS.factorial, wanted, startDate: START_DATE },
  );
}

const limitBody = { vendor: 'factorial', perMinute: PER_WINDOW, windowMs: WINDOW_MS, methods: ['POST'] };

export async function runBulkExportBound(sandbox: BenchSandbox, launch: (extensionDir?: string) => Promise<BenchBrowser>): Promise<Row> {
  // The extension built with the time-scaled pacing window.
  const scaled = buildVariant({ WXT_BENCH_TIME_SCALE: String(SCALE) });
  await sandbox.reset();
  const browser = await launch(scaled.dir);
  try {
    await allowSandboxHost(browser);
    const options = await openOptionsPage(browser);
    await connectFactorialHr(options, sandbox);
    await connectKombo(options, sandbox);

    const wanted = people('P');
    for (const p of wanted) {
      const made = await sandbox.control<{ remote_id: string }>('POST', 'candidates', { first_name: p.first, last_name: p.last, email: p.email, phone: p.phone, hired: true });
      p.remoteId = made.remote_id;
    }
    // Let the connect-time job pull finish so its requests stay out of the window.
    await sleep(1_000);
    const c0 = Date.now();
    const captured = await captureFromPages(browser, sandbox, options, wanted);
    const captureMs = Date.now() - c0;

    await sandbox.control('POST', 'rate-limit', limitBody);
    await sandbox.clearRequests();
    const t0 = Date.now();
    const driver = await exportAll(options);
    const operations = await waitForOperations(options, driver.ready, 300_000);
    const elapsedMs = Date.now() - t0;
    const log = await sandbox.requests();
    const use = limitUse(log);
    const factorial = log.filter((r) => r.vendor === 'factorial');
    const answered429 = factorial.filter((r) => r.status === 429).length;
    const { lost, duplicated } = lostAndDuplicated(await employeesByEmail(sandbox), wanted);
    const states = operations.reduce<Record<string, number>>((acc, o) => ((acc[o.state] = (acc[o.state] ?? 0) + 1), acc), {});
    const byPath = factorial.reduce<Record<string, number>>((acc, r) => {
      const key = `${r.method} ${r.path.replace(/^\/factorial\/api\/[^/]+\/resources/, '').replace(/\/\d+$/, '/:id')}${r.status === 429 ? ' (429)' : ''}`;
      acc[key] = (acc[key] ?? 0) + 1;
      return acc;
    }, {});
    const creates = factorial.filter((r) => CREATE_PATH.test(r.path) && r.status !== 429).length;

    // Baseline: fresh window, other people, the same scaled limit.
    const others = people('N');
    await sandbox.control('POST', 'rate-limit', limitBody);
    await sandbox.clearRequests();
    const n0 = Date.now();
    const naive = await naiveExport(sandbox, options, others);
    const naiveElapsed = Date.now() - n0;
    const naiveUse = limitUse(await sandbox.requests());
    const naiveLoss = lostAndDuplicated(await employeesByEmail(sandbox), others);
    await sandbox.control('POST', 'rate-limit', { vendor: 'factorial', perMinute: null });

    const missed = misses([
      [use.pct >= 95, `${use.pct} % < 95 % of the limit`],
      [lost === 0, `${lost} lost`],
      [duplicated === 0, `${duplicated} duplicated`],
      [answered429 === 0, `${answered429} answered 429`],
    ]);
    // The row measures how much of a binding limit the pacing uses: if the limit bound in fewer windows than planned
    // (a machine too busy to send 200 in a window), it measured the machine, not the pacing.
    const invalid = use.boundWindows >= BOUND_WINDOWS ? [] : [`the limit bound in ${use.boundWindows} windows < ${BOUND_WINDOWS}: the machine, not the limit, set the pace`];
    const s = (ms: number) => round(ms / 1000, 2);
    return {
      name: 'bulk-export-bound',
      value: use.pct,
      unit: '%',
      budget: '≥ 95 % (0 lost, 0 duplicated, 0 answered 429)',
      baseline: naiveUse.pct,
      within_budget: missed.length === 0 && invalid.length === 0,
      ...(invalid.length ? { invalid } : {}),
      missed,
      notes:
        `Export all (popup intents), ${COUNT} hired people; Factorial limited to ${PER_WINDOW} POSTs per ${s(WINDOW_MS)} s (a minute scaled ${SCALE}×, sliding, POSTs only as documented; ` +
        `the extension built with WXT_BENCH_TIME_SCALE=${SCALE}, pacing limit = the product's FACTORIAL_POSTS_PER_MINUTE = ${PER_WINDOW}). ` +
        `${COUNT - lost}/${COUNT} exported, ${lost} lost, ${duplicated} duplicated, ${answered429} answered 429; Export all sent ${driver.ready} (the ${COUNT} and ${driver.ready - COUNT} hire(s) the sandbox's ATS seeds with a start date), operations ${JSON.stringify(states)}. ` +
        `${use.accepted} POSTs from first to last arrival in ${s(use.spanMs)} s; the limit allows it in ${s(use.allowedMs)} s (${BOUND_WINDOWS} full windows) = ${use.pctUncapped} %. ` +
        `Most POSTs in one window ${use.mostInWindow}; windows where the limit bound ${use.boundWindows}. ` +
        `${round(factorial.length / Math.max(1, creates), 2)} Factorial requests per create (look-up, create, contract read, job-title PUT); ${s(elapsedMs)} s until all settled; start dates captured from ${captured} page visits in ${s(captureMs)} s (not timed). ` +
        `Baseline (send until 429, then its Retry-After): ${naiveUse.accepted} POSTs in ${s(naiveUse.spanMs)} s = ${naiveUse.pctUncapped} %, ${naiveUse.bounced} answered 429 (${naive.waits} waits), ` +
        `${naiveLoss.lost} lost, ${naiveLoss.duplicated} duplicated, ${s(naiveElapsed)} s.`,
      extra: {
        timeScale: SCALE,
        windowMs: WINDOW_MS,
        perWindow: PER_WINDOW,
        people: COUNT,
        lost,
        duplicated,
        answered429,
        operations: states,
        use,
        elapsedMs,
        captureMs,
        driver,
        factorialRequests: byPath,
        baseline: { ...naiveUse, elapsedMs: naiveElapsed, ...naiveLoss, waits: naive.waits, failures: naive.failures.slice(0, 5) },
      },
    };
  } finally {
    await browser.close();
    scaled.remove();
  }
}
