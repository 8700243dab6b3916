import type { Page } from '@playwright/test';
import { SANDBOX_KEYS } from '../../sandbox/server';
import {
  allowSandboxHost,
  callIntent,
  misses,
  connectFactorialHr,
  connectKombo,
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
 * bulk-export-200: 200 hired candidates exported to Factorial HR while the sandbox limits Factorial to 600
 * requests per minute (sliding window, 429 + Retry-After beyond it).
 *
 * Product path: "Export all" (popup intents refreshHiredCandidates → planBulkExport → startBulkExport) when the
 * service worker serves them. Until then, what exists: the per-candidate export intents an extension page may
 * send (prepareExport → submitExport, i.e. the dialog's calls), all 200 sent at once so the service worker's
 * outbox and pacer decide the pace; the bench only re-asks a prepareExport the vendor bounced, as a recruiter
 * would reopen the form. The mode used is in `extra.mode` and the notes.
 *
 * Rate achieved = Factorial requests the sandbox accepted (not 429) per minute, from the export's first Factorial
 * request to its last response, as a % of the 600/min allowed — capped at 100 (above means the limit never bound;
 * the uncapped figure is in `extra`). Lost = a hired candidate with no Factorial employee at the end; duplicated =
 * an email with more than one employee.
 *
 * Baseline: naive sequential sends from the same extension page — look the email up, create, next — ignoring the
 * limit until a 429, then waiting its Retry-After; 200 other hired people, a fresh window.
 */

const COUNT = 200;
const LIMIT_PER_MIN = 600;
const START_DATE = '2027-01-15';
const FACTORIAL_BASE = (sandbox: BenchSandbox) => `${sandbox.url}/factorial/api/2026-07-01/resources`;

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

interface RateFigures {
  accepted: number;
  bounced: number;
  spanMs: number;
  perMinute: number;
  pctUncapped: number;
  pct: number;
}

function rateOf(log: Logged[]): RateFigures {
  const factorial = log.filter((r) => r.vendor === 'factorial');
  if (!factorial.length) return { accepted: 0, bounced: 0, spanMs: 0, perMinute: 0, pctUncapped: 0, pct: 0 };
  const first = Math.min(...factorial.map((r) => r.t - (r.ms ?? 0)));
  const last = Math.max(...factorial.map((r) => r.t));
  const accepted = factorial.filter((r) => r.status !== 429).length;
  const spanMs = Math.max(1, last - first);
  const perMinute = (accepted / spanMs) * 60_000;
  const pctUncapped = (100 * perMinute) / LIMIT_PER_MIN;
  return { accepted, bounced: factorial.length - accepted, spanMs, perMinute: round(perMinute, 0), pctUncapped: round(pctUncapped, 1), pct: round(Math.min(100, pctUncapped), 1) };
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

/** Is "Export all" served by this build's service worker? (An intent nobody serves gets no answer.) */
async function exportAllAvailable(page: Page): Promise<boolean> {
  try {
    const answer = await Promise.race([callIntent(page, 'planBulkExport', {}), sleep(5_000).then(() => undefined)]);
    return !!answer;
  } catch {
    return false;
  }
}

interface OperationRow {
  id: string;
  kind: string;
  subject: string;
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

/** What exists today: the dialog's two intents per candidate, all candidates at once. */
async function perCandidateExport(page: Page, wanted: Person[]): Promise<{ prepareRetries: number; submitFailures: string[] }> {
  let prepareRetries = 0;
  const submitFailures: string[] = [];
  await Promise.all(
    wanted.map(async (person) => {
      const candidate = { siteCandidateId: person.remoteId!, fullName: `${person.first} ${person.last}` };
      let draft: any;
      for (let attempt = 0; ; attempt++) {
        const prepared = await callIntent<any>(page, 'prepareExport', { adapterId: 'demo-ats', candidate });
        if (prepared.ok) {
          draft = prepared.value;
          break;
        }
        if (attempt >= 5) return void submitFailures.push(`prepare ${person.email}: ${prepared.error.message}`);
        prepareRetries += 1;
        await sleep(5_000 * (attempt + 1));
      }
      const fields = {
        firstName: draft.fields.firstName ?? person.first,
        lastName: draft.fields.lastName ?? person.last,
        email: draft.fields.email ?? person.email,
        phone: draft.fields.phone ?? '',
        startDate: draft.fields.startDate ?? START_DATE,
        jobTitle: draft.fields.jobTitle ?? '',
        legalEntityId: draft.fields.legalEntityId ?? draft.lookups.legalEntities[0].id,
        teamId: '',
        locationId: '',
      };
      const submitted = await callIntent(page, 'submitExport', { candidateKey: draft.candidateKey, fields });
      if (!submitted.ok) submitFailures.push(`submit ${person.email}: ${submitted.error.message}`);
    }),
  );
  return { prepareRetries, submitFailures };
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
async function exportAll(page: Page): Promise<{ ready: number; skipped: number; skippedReasons: string[]; operationIds: string[] }> {
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
  return { ready: keys.length, skipped: plan.value.skipped.length, skippedReasons, operationIds: started.value.operationIds };
}

/** Naive: one candidate after another, look up then create, until a 429 says wait. */
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

export async function runBulkExport(sandbox: BenchSandbox, launch: () => Promise<BenchBrowser>): Promise<Row> {
  await sandbox.reset();
  const browser = await launch();
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

    const available = await exportAllAvailable(options);
    const mode = available ? 'Export all (popup intents)' : 'per-candidate intents (prepareExport + submitExport): Export all not served by this build';
    const captured = available ? await captureFromPages(browser, sandbox, options, wanted) : 0;

    await sandbox.control('POST', 'rate-limit', { vendor: 'factorial', perMinute: LIMIT_PER_MIN });
    await sandbox.clearRequests();
    const t0 = Date.now();
    const driver: Record<string, unknown> = available ? { captured, ...(await exportAll(options)) } : await perCandidateExport(options, wanted);
    const operations = await waitForOperations(options, typeof driver.ready === 'number' ? driver.ready : COUNT, 150_000);
    const elapsedMs = Date.now() - t0;
    const log = await sandbox.requests();
    const rate = rateOf(log);
    const { lost, duplicated } = lostAndDuplicated(await employeesByEmail(sandbox), wanted);
    const states = operations.reduce<Record<string, number>>((acc, o) => ((acc[o.state] = (acc[o.state] ?? 0) + 1), acc), {});
    const byPath = log
      .filter((r) => r.vendor === 'factorial')
      .reduce<Record<string, number>>((acc, r) => {
        const key = `${r.method} ${r.path.replace(/^\/factorial\/api\/[^/]+\/resources/, '')}${r.status === 429 ? ' (429)' : ''}`;
        acc[key] = (acc[key] ?? 0) + 1;
        return acc;
      }, {});

    // Baseline: fresh window, 200 other people.
    const others = people('N');
    await sandbox.control('POST', 'rate-limit', { vendor: 'factorial', perMinute: LIMIT_PER_MIN });
    await sandbox.clearRequests();
    const n0 = Date.now();
    const naive = await naiveExport(sandbox, options, others);
    const naiveElapsed = Date.now() - n0;
    const naiveRate = rateOf(await sandbox.requests());
    const naiveLoss = lostAndDuplicated(await employeesByEmail(sandbox), others);
    await sandbox.control('POST', 'rate-limit', { vendor: 'factorial', perMinute: null });

    const factorialRequests = rate.accepted + rate.bounced;
    const missed = misses([
      [rate.pct >= 90, `${rate.pct} % < 90 % of the allowed rate`],
      [lost === 0, `${lost} lost`],
      [duplicated === 0, `${duplicated} duplicated`],
    ]);
    return {
      name: 'bulk-export-200',
      value: rate.pct,
      unit: '%',
      budget: '≥ 90 % (0 lost, 0 duplicated)',
      baseline: naiveRate.pct,
      within_budget: missed.length === 0,
      missed,
      notes:
        `Mode: ${mode}. ${COUNT - lost}/${COUNT} exported, ${lost} lost, ${duplicated} duplicated; operations ${JSON.stringify(states)}. ` +
        `${factorialRequests} Factorial requests (${rate.bounced} answered 429) over ${round(rate.spanMs / 1000, 1)} s = ${rate.perMinute}/min ` +
        `(${rate.pctUncapped} % of ${LIMIT_PER_MIN}/min uncapped${rate.pctUncapped > 100 ? ': the limit never bound' : ''}); ` +
        `${round(factorialRequests / COUNT, 2)} Factorial requests per export; ${round(elapsedMs / 1000, 1)} s until all settled. ` +
        `Baseline (naive sequential, wait only after a 429): ${naiveRate.accepted + naiveRate.bounced} requests (${naiveRate.bounced} 429s) in ${round(naiveElapsed / 1000, 1)} s = ${naiveRate.perMinute}/min (${naiveRate.pctUncapped} % uncapped), ` +
        `${naiveLoss.lost} lost, ${naiveLoss.duplicated} duplicated.`,
      extra: {
        mode,
        lost,
        duplicated,
        operations: states,
        rate,
        elapsedMs,
        factorialRequestsPerExport: round(factorialRequests / COUNT, 2),
        driver: { ...driver, operationIds: undefined },
        factorialRequests: byPath,
        baseline: { ...naiveRate, elapsedMs: naiveElapsed, ...naiveLoss, waits: naive.waits, failures: naive.failures.slice(0, 5) },
      },
    };
  } finally {
    await browser.close();
  }
}
