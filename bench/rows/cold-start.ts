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

export async function runFirstPageAfterRestart(sandbox: BenchSandbox, launch: (dir?: string, profile?: { userDataDir: string }) => Promise<BenchBrowser>): Promise<Row> {
  await sandbox.reset();
  const userDataDir = mkdtempSync(join(tmpdir(), 'hb-bench-restart-'));
  const url = (i: number) => `${sandbox.url}/demo-ats/candidates/${CANDIDATES[i % CANDIDATES.length]}`;
  const first: number[] = [];
  const second: number[] = [];
  try {
    const setup = await launch(undefined, { userDataDir });
    try {
      await allowSandboxHost(setup);
      const options = await openOptionsPage(setup);
      await connectFactorialHr(options, sandbox);
      await connectKombo(options, sandbox);
      await waitFor('the content script to be registered', () => setup.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0), 10_000);
      await untilEnabled(await setup.context.newPage(), url(0));
    } finally {
      await setup.close();
    }
    for (let i = 0; i < RESTARTS; i++) {
      const browser = await launch(undefined, { userDataDir });
      try {
        first.push(await untilEnabled(await browser.context.newPage(), url(i)));
        second.push(await untilEnabled(await browser.context.newPage(), url(i + 1)));
      } finally {
        await browser.close();
      }
    }
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
  const value = round(median(first), 0);
  const baseline = round(median(second), 0);
  const ratio = ratioOf(value, baseline)!;
  const missed = misses([[ratio <= BUDGET_RATIO, `${ratio}× the second page > ${BUDGET_RATIO}×`]]);
  return {
    name: 'first-page-after-restart',
    value,
    unit: 'ms',
    budget: `≤ ${BUDGET_RATIO}× the second page`,
    baseline,
    ratio,
    ratio_of: 'second page',
    within_budget: missed.length === 0,
    missed,
    notes:
      `Browser closed and started again with the same connected profile, ${RESTARTS} times; the first demo-ATS candidate page opened right after start, until Export is enabled: ` +
      `median ${value} ms (${first.map((v) => round(v, 0)).join(', ')}). Baseline, the second page in the same browser: median ${baseline} ms (${second.map((v) => round(v, 0)).join(', ')}).`,
    extra: { restarts: RESTARTS, firstPageMs: first.map((v) => round(v, 0)), secondPageMs: second.map((v) => round(v, 0)) },
  };
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
  const value = round(median(first), 0);
  const baseline = round(median(second), 0);
  const ratio = ratioOf(value, baseline)!;
  const missed = misses([[ratio <= BUDGET_RATIO, `${ratio}× the second open > ${BUDGET_RATIO}×`]]);
  return {
    name: 'options-first-open',
    value,
    unit: 'ms',
    budget: `≤ ${BUDGET_RATIO}× the second open`,
    baseline,
    ratio,
    ratio_of: 'second open',
    within_budget: missed.length === 0,
    missed,
    notes:
      `${FRESH} fresh profiles; the options page opened right after the browser started, until the Factorial HR card's API key box is shown and enabled: ` +
      `median ${value} ms (${first.map((v) => round(v, 0)).join(', ')}). Baseline, a second open in the same browser: median ${baseline} ms (${second.map((v) => round(v, 0)).join(', ')}).`,
    extra: { runs: FRESH, firstOpenMs: first.map((v) => round(v, 0)), secondOpenMs: second.map((v) => round(v, 0)) },
  };
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

export async function runOptionsOpenAfterRestart(sandbox: BenchSandbox, launch: (dir?: string, profile?: { userDataDir: string }) => Promise<BenchBrowser>): Promise<Row> {
  await sandbox.reset();
  const userDataDir = mkdtempSync(join(tmpdir(), 'hb-bench-options-'));
  const first: number[] = [];
  const second: number[] = [];
  try {
    const setup = await launch(undefined, { userDataDir });
    try {
      await allowSandboxHost(setup);
      await connectFactorialHr(await openOptionsPage(setup), sandbox);
    } finally {
      await setup.close();
    }
    for (let i = 0; i < RESTARTS; i++) {
      const browser = await launch(undefined, { userDataDir });
      try {
        const url = `chrome-extension://${browser.extensionId}/options.html`;
        first.push(await untilConnectedShown(await browser.context.newPage(), url));
        second.push(await untilConnectedShown(await browser.context.newPage(), url));
      } finally {
        await browser.close();
      }
    }
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
  const value = round(median(first), 0);
  const baseline = round(median(second), 0);
  const ratio = ratioOf(value, baseline)!;
  const missed = misses([[ratio <= BUDGET_RATIO, `${ratio}× the second open > ${BUDGET_RATIO}×`]]);
  return {
    name: 'options-open-after-restart',
    value,
    unit: 'ms',
    budget: `≤ ${BUDGET_RATIO}× the second open`,
    baseline,
    ratio,
    ratio_of: 'second open',
    within_budget: missed.length === 0,
    missed,
    notes:
      `Browser closed and started again with the same profile (Factorial HR connected), ${RESTARTS} times; the options page opened right after start, until the Factorial HR card says Connected: ` +
      `median ${value} ms (${first.map((v) => round(v, 0)).join(', ')}). Baseline, a second open in the same browser: median ${baseline} ms (${second.map((v) => round(v, 0)).join(', ')}).`,
    extra: { restarts: RESTARTS, firstOpenMs: first.map((v) => round(v, 0)), secondOpenMs: second.map((v) => round(v, 0)) },
  };
}
