import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../scripts/browser';
import { BenchSandbox, buildVariant, launchBenchBrowser, round, type BenchBrowser, type Row } from './lib/harness';
import { runBulkExportBound } from './rows/bulk-export-bound';
import { runFirstPageAfterRestart, runOptionsFirstOpen, runOptionsOpenAfterRestart } from './rows/cold-start';
import { runContentScriptLoad } from './rows/content-script-load';
import { runDialogOpen } from './rows/dialog-open';
import { runDirectNoChangePull } from './rows/direct-pull-no-change';
import { runFactorialNoChangePull } from './rows/factorial-pull-no-change';
import { runFullPull } from './rows/jobs-full-pull-10k';
import { runFullPull100k } from './rows/jobs-full-pull-100k';
import { runNoChangePull } from './rows/jobs-no-change-pull';
import { runPdfProfile } from './rows/pdf-profile';
import { runWorkerBundle } from './rows/worker-bundle';
import { STAND_INS } from '../sandbox/stand-ins';

/**
 * `npm run bench`: SPEC §9's budgets, measured in real Chromium with the built extension against the sandbox.
 * Prints a table and writes bench/results.json. Each row is isolated: one that throws is reported with a null value
 * and the error, and the others still run. Browsers and the sandbox are closed on every path (also Ctrl-C).
 *
 * `tsx bench/run.ts <row> …` (or `npm run bench -- <row> …`) runs only the rows named; their results replace those
 * rows in results.json and the others are kept as they were.
 */

const RESULTS = join(import.meta.dirname, 'results.json');

const browsers = new Set<BenchBrowser>();
async function launch(extensionDir?: string, profile?: { userDataDir: string }): Promise<BenchBrowser> {
  const browser = await launchBenchBrowser(extensionDir, profile);
  browsers.add(browser);
  const close = browser.close;
  browser.close = async () => {
    browsers.delete(browser);
    await close();
  };
  return browser;
}

let sandbox: BenchSandbox | undefined;
async function cleanup() {
  await Promise.all([...browsers].map((b) => b.close().catch(() => undefined)));
  await sandbox?.close().catch(() => undefined);
  sandbox = undefined;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

let crashed = false;
function failed(name: string, unit: string, budget: string, error: unknown): Row {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { name, value: null, unit, budget, baseline: null, within_budget: false, missed: ['not measured'], invalid: [`the run failed: ${message}`], notes: `Not measured: the run failed (${message}).` };
}

/**
 * The machine's load while a row runs: the 1-minute load average sampled every second (a row lasts from seconds to
 * minutes; one reading before and one after missed what happened between). A row whose highest sample is above the
 * core count was measured while something else wanted the CPUs too: its times are marked as such.
 */
function sampleLoad(): () => NonNullable<Row['load']> {
  const samples = [loadavg()[0]];
  const timer = setInterval(() => samples.push(loadavg()[0]), 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    samples.push(loadavg()[0]);
    const max = Math.max(...samples);
    return { cpus: cpus().length, max: round(max, 2), mean: round(samples.reduce((a, b) => a + b, 0) / samples.length, 2), samples: samples.length, over_cores: max > cpus().length };
  };
}

async function row(name: string, unit: string, budget: string, measure: () => Promise<Row>): Promise<Row> {
  const started = Date.now();
  const loadWhile = sampleLoad();
  process.stdout.write(`• ${name} … `);
  let result: Row;
  try {
    result = await measure();
  } catch (error) {
    console.log(`FAILED (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.error(error);
    result = failed(name, unit, budget, error);
  }
  result.load = loadWhile();
  if (result.load.over_cores) {
    result.notes = `${result.notes ?? ''} [Measured under load: 1-min load average up to ${result.load.max} (mean ${result.load.mean}) on ${result.load.cpus} cores; ${unit === 'ms' ? 'its times are inflated, read the ratio' : 'times in the notes are inflated'}.]`.trim();
  }
  // A row that could not measure what it claims is a failure of the bench, not a result: said loudly, exit 1.
  if (result.value === null && !result.invalid?.length) result.invalid = ['no value'];
  if (result.invalid?.length) {
    crashed = true;
    result.within_budget = false;
    console.log(`INVALID: ${result.invalid.join('; ')}`);
  } else {
    console.log(`${result.value} ${result.unit}${result.ratio != null ? ` (${result.ratio}× ${result.ratio_of})` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s, load ≤ ${result.load.max})`);
  }
  return result;
}

function printTable(rows: Row[]) {
  const cells = rows.map((r) => [
    r.name,
    r.value === null ? '—' : `${r.value} ${r.unit}`,
    r.ratio == null ? '—' : `${r.ratio}× ${r.ratio_of ?? ''}`.trim(),
    r.budget,
    r.baseline === null ? '—' : `${r.baseline} ${r.unit}`,
    r.load ? `${r.load.max}/${r.load.cpus}${r.load.over_cores ? ' BUSY' : ''}` : '—',
    r.invalid?.length ? `INVALID: ${r.invalid.join('; ')}` : r.within_budget ? 'yes' : r.missed?.length ? `NO: ${r.missed.join('; ')}` : 'NO',
  ]);
  const head = ['name', 'value', 'ratio (same run)', 'budget', 'baseline', 'load (max/cores)', 'within budget'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log(['', line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n'));
  for (const r of rows) if (r.notes) console.log(`\n${r.name}: ${r.notes}`);
}

interface RowDef {
  name: string;
  unit: string;
  budget: string;
  measure: (sb: BenchSandbox) => Promise<Row>;
}

async function main() {
  const started = Date.now();
  console.log(`Hirebridge bench — extension ${EXTENSION_DIR}`);
  sandbox = await BenchSandbox.start();
  const sb = sandbox;

  // The two job rows share a browser: the no-change pull follows the 10k pull.
  let pull: Awaited<ReturnType<typeof runFullPull>> | undefined;
  const defs: RowDef[] = [
    { name: 'worker-bundle', unit: 'KB', budget: '≤ 400 KB, no PDF stack', measure: () => runWorkerBundle() },
    {
      name: 'jobs-full-pull-10k',
      unit: 'ms',
      budget: '≤ 0.25× the naive pull',
      measure: async () => {
        pull = await runFullPull(sb, launch);
        return pull.row;
      },
    },
    {
      name: 'jobs-no-change-pull',
      unit: 'requests',
      budget: '1 request (≤ 50 ms)',
      measure: async () => {
        if (!pull) throw new Error('the 10k pull did not run, so there is nothing to re-pull');
        const result = await runNoChangePull(sb, pull.page, pull.naive);
        await Promise.all([...browsers].map((b) => b.close()));
        return result;
      },
    },
    {
      name: 'jobs-full-pull-100k',
      unit: 'ms',
      budget: '≤ 11× the 10k row, peak SW heap ≤ 2× the 10k row',
      measure: async () => {
        if (!pull) throw new Error('the 10k pull did not run, so there is nothing to compare with');
        await Promise.all([...browsers].map((b) => b.close()));
        return runFullPull100k(sb, launch, pull.row);
      },
    },
    { name: 'factorial-pull-no-change', unit: 'writes', budget: '0 writes; requests = pages needed', measure: () => runFactorialNoChangePull(sb, launch) },
    // Beside Kombo's and Factorial's: each direct ATS connector's no-change pulls (requests and writes per pull).
    ...STAND_INS.map((standIn) => ({
      name: `${standIn.vendor}-pull-no-change`,
      unit: 'requests',
      budget: '0 writes; 1 request if incremental, else a complete listing',
      measure: () => runDirectNoChangePull(sb, launch, standIn),
    })),
    { name: 'content-script-load', unit: 'KB gzip', budget: '≤ 15 KB (≤ 5 ms main thread)', measure: () => runContentScriptLoad(sb, launch) },
    {
      name: 'dialog-open',
      unit: 'ms',
      budget: '≤ 0.9× the on-click build (median of fresh pages)',
      measure: () => runDialogOpen(sb, launch, () => buildVariant({ WXT_BENCH_DIALOG_ON_CLICK: '1' })),
    },
    { name: 'pdf-profile', unit: 'ms', budget: '≤ 1.5× a warm call, ≤ 300 ms (≤ 1 MB)', measure: () => runPdfProfile(launch) },
    { name: 'bulk-export-bound', unit: '%', budget: '≥ 95 % (0 lost, 0 duplicated, 0 answered 429)', measure: () => runBulkExportBound(sb, launch) },
    { name: 'first-page-after-restart', unit: 'ms', budget: '≤ 1.5× the second page', measure: () => runFirstPageAfterRestart(sb, launch) },
    { name: 'options-first-open', unit: 'ms', budget: '≤ 1.5× the second open', measure: () => runOptionsFirstOpen(sb, (dir) => launch(dir)) },
    { name: 'options-open-after-restart', unit: 'ms', budget: '≤ 1.5× the second open', measure: () => runOptionsOpenAfterRestart(sb, launch) },
  ];

  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !defs.some((d) => d.name === w));
  if (unknown.length) throw new Error(`Unknown row(s): ${unknown.join(', ')}. Rows: ${defs.map((d) => d.name).join(', ')}`);
  // The no-change pull and the 100k pull need the 10k pull before them.
  if (wanted.some((w) => w === 'jobs-no-change-pull' || w === 'jobs-full-pull-100k') && !wanted.includes('jobs-full-pull-10k')) wanted.push('jobs-full-pull-10k');
  const selected = defs.filter((d) => !wanted.length || wanted.includes(d.name));

  const measured: Row[] = [];
  for (const def of selected) measured.push(await row(def.name, def.unit, def.budget, () => def.measure(sb)));
  await Promise.all([...browsers].map((b) => b.close()));

  // A partial run replaces only its rows; rows this bench no longer has are dropped.
  const previous: Row[] = wanted.length && existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : [];
  const rows = defs.flatMap((d) => measured.find((r) => r.name === d.name) ?? previous.find((r) => r.name === d.name) ?? []);
  writeFileSync(RESULTS, `${JSON.stringify(rows, null, 2)}\n`);
  printTable(measured);
  console.log(`\nWrote ${RESULTS} (${measured.length} of ${rows.length} rows measured now) in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  // Missed budgets are results, not errors; a row that could not run, or could not measure what it claims, fails the command.
  const invalid = measured.filter((r) => r.invalid?.length);
  if (invalid.length) console.error(`\n${invalid.length} row(s) did not measure what they claim: ${invalid.map((r) => `${r.name} (${r.invalid!.join('; ')})`).join(', ')}.`);
  process.exitCode = crashed ? 1 : 0;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanup);
