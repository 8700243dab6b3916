import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { allowSandboxHost, connectFactorialHr, connectKombo, median, misses, openOptionsPage, ratioOf, round, waitFor, type BenchBrowser, type BenchSandbox, type Row } from '../lib/harness';

/**
 * Cold starts (issue 19), in real Chromium with the built extension against the sandbox.
 *
 * first-page-after-restart: a profile is set up once (Factorial HR and Kombo connected, the demo ATS allowed, one
 * candidate page seen), then the browser is closed and started again with the same profile, RESTARTS times. Each
 * time: ms from opening the first demo-ATS candidate page (page.goto, right after the browser is up) until its
 * "Export to FactorialHR" button is enabled — the worker's answer to the page has come. Baseline, same run: the
 * second such page in the same browser (worker warm).
 *
 * options-first-open: a fresh profile each time (FRESH runs): ms from opening the options page right after the
 * browser is up until it is interactive — the Factorial HR card's API key box is shown and enabled (what the
 * listConnections answer renders). Baseline, same run: a second open of the options page in the same browser. This
 * is the first open after installing: the browser creates the extension's database inside it.
 *
 * options-open-after-restart: the first open after a browser start as an admin meets it day to day: a profile set up
 * once (Factorial HR connected), the browser closed and started again RESTARTS times; ms from opening the options
 * page right after the start until the Factorial HR card says Connected. Baseline, same run: a second open.
 *
 * Both clocks are Node-side, from the call that opens the page until the element is seen, so they include the page's
 * own load (from the local sandbox, or the extension's files), as a person sees it. The element is watched in the page
 * at every animation frame (`waitForFunction`, polling 'raf'), then confirmed by the role locator the tests use: a
 * locator's own `waitFor` retries after 0, 20, 50, 100, 100 and then every 500 ms, which rounded every time past
 * ~270 ms up to the next of those polls (a 1,268 ms figure was a 1,270 ms poll, whatever the page did before it).
 */

/** Both rows' budget: the first after a start within this many times the second, same browser, same run. */
const BUDGET_RATIO = 1.5;
const RESTARTS = 5;
const FRESH = 5;
const CANDIDATES = ['40112234', '40112235'];

/** Watches the page at every frame for what `confirm` then checks with Playwright's own locator (see above). */
async function untilSeen<A>(page: Page, url: string, seen: (arg: A) => boolean, arg: A, confirm: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(seen as (arg: unknown) => boolean, arg, { polling: 'raf', timeout: 30_000 });
  await confirm();
  return performance.now() - started;
}

/** An enabled button with this text, in the document or an open shadow root (the Export button's host has one). */
function enabledButtonShown(label: string): boolean {
  const roots: (Document | ShadowRoot)[] = [document];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  return roots.some((root) => [...root.querySelectorAll('button')].some((b) => b.matches(':enabled') && b.textContent?.trim() === label));
}

async function untilEnabled(page: Page, url: string): Promise<number> {
  const button = page.getByRole('button', { name: 'Export to FactorialHR' }).and(page.locator(':enabled'));
  return untilSeen(page, url, enabledButtonShown, 'Export to FactorialHR', () => button.waitFor({ timeout: 5_000 }));
}

type Launch = (dir?: string, profile?: { userDataDir: string }) => Promise<BenchBrowser>;

/**
 * One profile set up once, then the browser closed and started again on it RESTARTS times: each start's first and
 * second measure (`which` 0 and 1), in the same browser.
 */
async function acrossRestarts(launch: Launch, setUp: (browser: BenchBrowser) => Promise<void>, measure: (browser: BenchBrowser, start: number, which: 0 | 1) => Promise<number>) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'hb-bench-restart-'));
  const first: number[] = [];
  const second: number[] = [];
  try {
    const setup = await launch(undefined, { userDataDir });
    try {
      await setUp(setup);
    } finally {
      await setup.close();
    }
    for (let i = 0; i < RESTARTS; i++) {
      const browser = await launch(undefined, { userDataDir });
      try {
        first.push(await measure(browser, i, 0));
        second.push(await measure(browser, i, 1));
      } finally {
        await browser.close();
      }
    }
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return { first, second };
}

/** A first-vs-second row: medians, their ratio against BUDGET_RATIO, and every sample. */
function firstVsSecond(name: string, what: string, first: number[], second: number[], notes: (value: number, baseline: number, firsts: string, seconds: string) => string, extra: Record<string, unknown>): Row {
  const value = round(median(first), 0);
  const baseline = round(median(second), 0);
  const ratio = ratioOf(value, baseline)!;
  const missed = misses([[ratio <= BUDGET_RATIO, `${ratio}× the ${what} > ${BUDGET_RATIO}×`]]);
  const list = (values: number[]) => values.map((v) => round(v, 0)).join(', ');
  return {
    name,
    value,
    unit: 'ms',
    budget: `≤ ${BUDGET_RATIO}× the ${what}`,
    baseline,
    ratio,
    ratio_of: what,
    within_budget: missed.length === 0,
    missed,
    notes: notes(value, baseline, list(first), list(second)),
    extra: { ...extra, first: first.map((v) => round(v, 0)), second: second.map((v) => round(v, 0)) },
  };
}

export async function runFirstPageAfterRestart(sandbox: BenchSandbox, launch: Launch): Promise<Row> {
  await sandbox.reset();
  const url = (i: number) => `${sandbox.url}/demo-ats/candidates/${CANDIDATES[i % CANDIDATES.length]}`;
  const { first, second } = await acrossRestarts(
    launch,
    async (setup) => {
      await allowSandboxHost(setup);
      const options = await openOptionsPage(setup);
      await connectFactorialHr(options, sandbox);
      await connectKombo(options, sandbox);
      await waitFor('the content script to be registered', () => setup.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0), 10_000);
      await untilEnabled(await setup.context.newPage(), url(0));
    },
    async (browser, i, which) => untilEnabled(await browser.context.newPage(), url(i + which)),
  );
  return firstVsSecond(
    'first-page-after-restart',
    'second page',
    first,
    second,
    (value, baseline, firsts, seconds) =>
      `Browser closed and started again with the same connected profile, ${RESTARTS} times; the first demo-ATS candidate page opened right after start, until Export is enabled: ` +
      `median ${value} ms (${firsts}). Baseline, the second page in the same browser: median ${baseline} ms (${seconds}).`,
    { restarts: RESTARTS },
  );
}

/** An enabled input labelled `label` in the region (a section named by its heading) called `region`. */
function enabledInputShown({ region, label }: { region: string; label: string }): boolean {
  return [...document.querySelectorAll('section[aria-labelledby]')].some(
    (section) =>
      document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent?.trim() === region &&
      [...section.querySelectorAll('input')].some((input) => input.matches(':enabled') && [...(input.labels ?? [])].some((l) => l.textContent?.trim() === label)),
  );
}

async function untilInteractive(page: Page, url: string): Promise<number> {
  const key = page.getByRole('region', { name: 'Factorial HR' }).getByRole('textbox', { name: 'API key' }).and(page.locator(':enabled'));
  return untilSeen(page, url, enabledInputShown, { region: 'Factorial HR', label: 'API key' }, () => key.waitFor({ timeout: 5_000 }));
}

export async function runOptionsFirstOpen(sandbox: BenchSandbox, launch: () => Promise<BenchBrowser>): Promise<Row> {
  await sandbox.reset();
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < FRESH; i++) {
    const browser = await launch();
    try {
      const url = `chrome-extension://${browser.extensionId}/options.html`;
      first.push(await untilInteractive(await browser.context.newPage(), url));
      second.push(await untilInteractive(await browser.context.newPage(), url));
    } finally {
      await browser.close();
    }
  }
  return firstVsSecond(
    'options-first-open',
    'second open',
    first,
    second,
    (value, baseline, firsts, seconds) =>
      `${FRESH} fresh profiles; the options page opened right after the browser started, until the Factorial HR card's API key box is shown and enabled: ` +
      `median ${value} ms (${firsts}). Baseline, a second open in the same browser: median ${baseline} ms (${seconds}).`,
    { runs: FRESH },
  );
}

/** The region (a section named by its heading) called `region` shows an element whose whole text is `text`. */
function textShownIn({ region, text }: { region: string; text: string }): boolean {
  return [...document.querySelectorAll('section[aria-labelledby]')].some(
    (section) =>
      document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent?.trim() === region &&
      [...section.querySelectorAll('*')].some((el) => el.childElementCount === 0 && el.textContent?.trim() === text),
  );
}

async function untilConnectedShown(page: Page, url: string): Promise<number> {
  const connected = page.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true });
  return untilSeen(page, url, textShownIn, { region: 'Factorial HR', text: 'Connected' }, () => connected.waitFor({ timeout: 5_000 }));
}

export async function runOptionsOpenAfterRestart(sandbox: BenchSandbox, launch: Launch): Promise<Row> {
  await sandbox.reset();
  const { first, second } = await acrossRestarts(
    launch,
    async (setup) => {
      await allowSandboxHost(setup);
      await connectFactorialHr(await openOptionsPage(setup), sandbox);
    },
    async (browser) => untilConnectedShown(await browser.context.newPage(), `chrome-extension://${browser.extensionId}/options.html`),
  );
  return firstVsSecond(
    'options-open-after-restart',
    'second open',
    first,
    second,
    (value, baseline, firsts, seconds) =>
      `Browser closed and started again with the same profile (Factorial HR connected), ${RESTARTS} times; the options page opened right after start, until the Factorial HR card says Connected: ` +
      `median ${value} ms (${firsts}). Baseline, a second open in the same browser: median ${baseline} ms (${seconds}).`,
    { restarts: RESTARTS },
  );
}
