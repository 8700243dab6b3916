import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR } from '../../scripts/browser';
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
 * is the first open after installing: the worker's first start (Chromium compiles its start path with no code cache
 * yet, and creates the extension's database) happens inside it. Also measured, interleaved: the same first open with a
 * stand-in worker (`standInWorker`) that answers the page's two questions at once, so each run shows how much of the
 * first open is the page and how much the worker's first start.
 *
 * options-open-after-restart: the first open after a browser start as an admin meets it day to day: a profile set up
 * once (Factorial HR connected), the browser closed and started again RESTARTS times; ms from opening the options
 * page right after the start until the Factorial HR card says Connected. Baseline, same run: a second open.
 *
 * Every clock runs from the call that opens the page until the element is seen, so it includes the page's own load
 * (from the local sandbox, or the extension's files), as a person sees it. The element is watched in the page at every
 * animation frame by a few lines the bench adds to the page before its own scripts (`watchInPage`), which report the
 * moment they see it; then the role locator the tests use confirms it, off the clock. Two ways of watching were wrong:
 * - a locator's own `waitFor` retries after 0, 20, 50, 100, 100 and then every 500 ms, which rounded every time past
 *   ~270 ms up to the next of those polls (a 1,268 ms figure was a 1,270 ms poll, whatever the page did before it);
 * - Playwright's `waitForFunction` first evaluates Playwright's own injected script (330 KB) in the page. In a renderer
 *   that has not compiled it yet (the first page of a browser start) that took ~100 ms of the page's main thread in the
 *   middle of its load (a Chromium trace of options-first-open: one 100 ms EvaluateScript from the DevTools session,
 *   between the page's HTML and its first script); the second page found it compiled. A person's browser has no
 *   Playwright: it was the bench timing itself, on the first open only.
 */

/** Both rows' budget: the first after a start within this many times the second, same browser, same run. */
const BUDGET_RATIO = 1.5;
// Each sample is a browser start, noisy on a 2-core machine (one profile's first open ran 293–634 ms in one run): more
// starts than the other rows' 5 keep one odd start from moving the median.
const RESTARTS = 7;
const FRESH = 9;
const CANDIDATES = ['40112234', '40112235'];

/** What the in-page watch writes to the console when it sees the element: this marker, then the wall-clock ms. */
const SEEN_MARKER = 'hirebridge-bench-seen';

/**
 * The in-page watch (see above): the page's document runs it before its own scripts, through DevTools (no eval in the
 * page, so the extension pages' CSP allows it), and says on the console when `seen(arg)` first holds, at an animation
 * frame. Console messages reach Playwright without any script of its own in the page.
 */
function watchInPage<A>(seen: (arg: A) => boolean, arg: A): string {
  const watch = (check: (arg: unknown) => boolean, value: unknown, marker: string) => {
    const look = () => (check(value) ? console.debug(marker, performance.timeOrigin + performance.now()) : requestAnimationFrame(look));
    requestAnimationFrame(look);
  };
  // tsx (esbuild, keepNames) wraps inner functions in __name(fn, "name"): a no-op of the same name for the page.
  return `{ const __name = (fn) => fn; (${watch.toString()})(${seen.toString()}, ${JSON.stringify(arg)}, ${JSON.stringify(SEEN_MARKER)}); }`;
}

/** Ms from opening `url` in `page` until `seen(arg)` holds in it, watched in the page (see above); then `confirm`. */
async function untilSeen<A>(page: Page, url: string, seen: (arg: A) => boolean, arg: A, confirm: () => Promise<void>): Promise<number> {
  await page.addInitScript({ content: watchInPage(seen, arg) });
  const reported = page.waitForEvent('console', { predicate: (message) => message.text().startsWith(SEEN_MARKER), timeout: 30_000 });
  const started = performance.timeOrigin + performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  const seenAt = Number((await reported).text().slice(SEEN_MARKER.length));
  await confirm();
  if (!Number.isFinite(seenAt) || seenAt < started) throw new Error(`The in-page watch reported no usable time for ${url}.`);
  return seenAt - started;
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

/**
 * The built extension with its worker replaced by one that answers the options page's first two questions at once
 * (no connections, this browser set up here), in the messaging library's reply shape: the same page, the same first
 * paint, and no worker start to wait for. Bench only; `remove()` deletes it.
 */
export function standInWorker(): { dir: string; remove(): void } {
  const out = mkdtempSync(join(tmpdir(), 'hb-bench-stand-in-'));
  cpSync(EXTENSION_DIR, out, { recursive: true });
  const answers = { listConnections: [], teamSetupStatus: { role: 'admin', policyNotes: [], policySlots: [] } };
  writeFileSync(
    join(out, 'background.js'),
    `const answers = ${JSON.stringify(answers)};\n` +
      'chrome.runtime.onMessage.addListener((message, _sender, reply) => {\n' +
      '  if (!message || !(message.type in answers)) return false;\n' +
      '  reply({ res: { ok: true, value: answers[message.type] } });\n' +
      '  return true;\n' +
      '});\n',
  );
  return { dir: out, remove: () => rmSync(out, { recursive: true, force: true }) };
}

export async function runOptionsFirstOpen(sandbox: BenchSandbox, launch: (dir?: string) => Promise<BenchBrowser>): Promise<Row> {
  await sandbox.reset();
  const first: number[] = [];
  const second: number[] = [];
  const standInFirst: number[] = [];
  const standIn = standInWorker();
  const firstAndSecond = async (dir: string | undefined, firsts: number[], seconds?: number[]) => {
    const browser = await launch(dir);
    try {
      const url = `chrome-extension://${browser.extensionId}/options.html`;
      firsts.push(await untilInteractive(await browser.context.newPage(), url));
      if (seconds) seconds.push(await untilInteractive(await browser.context.newPage(), url));
    } finally {
      await browser.close();
    }
  };
  try {
    for (let i = 0; i < FRESH; i++) {
      await firstAndSecond(undefined, first, second);
      await firstAndSecond(standIn.dir, standInFirst);
    }
  } finally {
    standIn.remove();
  }
  const floor = round(median(standInFirst), 0);
  return firstVsSecond(
    'options-first-open',
    'second open',
    first,
    second,
    (value, baseline, firsts, seconds) =>
      `${FRESH} fresh profiles; the options page opened right after the browser started, until the Factorial HR card's API key box is shown and enabled: ` +
      `median ${value} ms (${firsts}). Baseline, a second open in the same browser: median ${baseline} ms (${seconds}). ` +
      `The same first open with a stand-in worker that answers at once: median ${floor} ms (${ratioOf(floor, baseline)}× the second open; ${standInFirst.map((v) => round(v, 0)).join(', ')}); ` +
      `the other ${round(value - floor, 0)} ms are the worker's first start after installing.`,
    { runs: FRESH, standInWorkerFirst: standInFirst.map((v) => round(v, 0)) },
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
