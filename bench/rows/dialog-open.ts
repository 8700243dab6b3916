import type { Page } from '@playwright/test';
import { allowSandboxHost, connectFactorialHr, connectKombo, median, misses, nameShim, openOptionsPage, ratioOf, round, sleep, waitFor, type BenchBrowser, type BenchSandbox, type Row } from '../lib/harness';

/**
 * dialog-open: ms from the click on "Export to FactorialHR" to a pre-filled, interactive form, on a freshly loaded
 * demo-ATS candidate page (Kombo and Factorial HR connected, as in the E2E tests). Each run opens a new tab on one
 * of the three hired candidates not yet in Factorial HR, waits for the button's status, then clicks the way a person does: the pointer
 * glides onto the button (10 moves) and the button is pressed for 100 ms (the Keystroke-Level Model's "B" operator:
 * 0.1 s to press or release a mouse button) before it is released — the click.
 *
 * Clock: from the click event's timeStamp in the page (when the browser received the release, so a busy main thread
 * counts) to the moment, in the dialog's own frame (dialog.html), the First name field holds the candidate's name
 * from the ATS and has the focus (the form is rendered, filled and ready for typing). Both on one clock:
 * performance.timeOrigin + each document's own time.
 *
 * Also measured, same browser: an instant click (Playwright's default: no approach, no press time), so what the
 * preparation before the click buys is visible. Baseline, same run: a build made with WXT_BENCH_DIALOG_ON_CLICK=1,
 * which does what the product did before — nothing until the click, then the dialog bundle injected, then the
 * form's data asked for when it mounts — measured the same way.
 */

const RUNS = 9;
const HIRED = [
  { id: '40112234', first: 'Lucas' },
  { id: '40112235', first: 'Aisha' },
  { id: '40112236', first: 'Sofia' },
];
const PRESS_MS = 100;

interface Open {
  ms: number;
  /** Click → the dialog's host element in the page. */
  hostMs: number | null;
}

/**
 * In the dialog's frame (dialog.html, an extension page inside the candidate page, which the page cannot read): the
 * moment the First name field holds a value, is enabled and has the focus, on the same clock as the page's
 * (performance.timeOrigin + now): checked when focus moves and when the form changes. Installed in every frame
 * before its scripts run (only the dialog's does anything); a string, like nameShim, so no build helper leaks in.
 */
const FRAME_CLOCK = `(() => {
  if (location.pathname !== '/dialog.html') return;
  const check = () => {
    const input = document.getElementById('hb-firstName');
    if (!globalThis.__hbReady && input && !input.disabled && input.value && document.activeElement === input) {
      globalThis.__hbReady = { at: performance.timeOrigin + performance.now(), value: input.value };
    }
  };
  document.addEventListener('focusin', check, true);
  document.addEventListener('DOMContentLoaded', () => new MutationObserver(check).observe(document.body, { childList: true, subtree: true, attributes: true }));
})();`;

/** One fresh page, one click, until the form is filled and focused. */
async function openOnce(browser: BenchBrowser, url: string, first: string, how: 'person' | 'instant'): Promise<Open> {
  const page: Page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const button = page.getByRole('button', { name: 'Export to FactorialHR' });
    await button.and(page.locator(':enabled')).waitFor({ timeout: 15_000 });
    await sleep(300);
    await nameShim(page);
    await page.evaluate(() => {
      const w = window as unknown as { __hb: { click?: number; host?: number } };
      w.__hb = {};
      document.addEventListener(
        'click',
        (event) => {
          if (w.__hb.click !== undefined) return;
          w.__hb.click = performance.timeOrigin + event.timeStamp;
          const frame = () => {
            if (document.querySelector('hirebridge-dialog')) w.__hb.host = performance.timeOrigin + performance.now();
            else requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        },
        true,
      );
    });
    if (how === 'instant') await button.click();
    else {
      const box = (await button.boundingBox())!;
      await page.mouse.move(box.x - 120, box.y + box.height + 80);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 10 });
      await page.mouse.down();
      await sleep(PRESS_MS);
      await page.mouse.up();
    }
    const ready = await waitFor(
      'the form to be filled and focused',
      async () => {
        const frame = page.frames().find((f) => f.url().includes('/dialog.html'));
        const got = (await frame?.evaluate('globalThis.__hbReady').catch(() => undefined)) as { at: number; value: string } | undefined;
        return got?.value === first ? got : false;
      },
      20_000,
      50,
    );
    const t = await page.evaluate(() => (window as unknown as { __hb: { click?: number; host?: number } }).__hb);
    return { ms: ready.at - t.click!, hostMs: t.host === undefined ? null : t.host - t.click! };
  } finally {
    await page.close();
  }
}

async function series(browser: BenchBrowser, sandbox: BenchSandbox, how: 'person' | 'instant', runs: number): Promise<Open[]> {
  const out: Open[] = [];
  for (let i = 0; i < runs; i++) {
    const who = HIRED[i % HIRED.length];
    out.push(await openOnce(browser, `${sandbox.url}/demo-ats/candidates/${who.id}`, who.first, how));
  }
  return out;
}

async function prepared(sandbox: BenchSandbox, launch: (dir?: string) => Promise<BenchBrowser>, extensionDir?: string): Promise<BenchBrowser> {
  await sandbox.reset();
  const browser = await launch(extensionDir);
  await browser.context.addInitScript({ content: FRAME_CLOCK });
  await allowSandboxHost(browser);
  const options = await openOptionsPage(browser);
  await connectFactorialHr(options, sandbox);
  await connectKombo(options, sandbox);
  await waitFor('the content script to be registered', () => browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0), 10_000);
  await options.close();
  return browser;
}

const ms = (values: Open[]) => values.map((v) => round(v.ms, 0));

export async function runDialogOpen(sandbox: BenchSandbox, launch: (dir?: string) => Promise<BenchBrowser>, naiveBuild?: () => { dir: string; remove(): void }): Promise<Row> {
  let browser = await prepared(sandbox, launch);
  let person: Open[];
  let instant: Open[];
  let warmup: Open;
  try {
    // The first page after the browser starts also wakes the worker up: reported apart.
    warmup = await openOnce(browser, `${sandbox.url}/demo-ats/candidates/${HIRED[0].id}`, HIRED[0].first, 'person');
    person = await series(browser, sandbox, 'person', RUNS);
    instant = await series(browser, sandbox, 'instant', RUNS);
  } finally {
    await browser.close();
  }

  let naive: Open[] | undefined;
  let naiveWarmup: Open | undefined;
  const build = naiveBuild?.();
  if (build) {
    try {
      browser = await prepared(sandbox, launch, build.dir);
      try {
        naiveWarmup = await openOnce(browser, `${sandbox.url}/demo-ats/candidates/${HIRED[0].id}`, HIRED[0].first, 'person');
        naive = await series(browser, sandbox, 'person', RUNS);
      } finally {
        await browser.close();
      }
    } finally {
      build.remove();
    }
  }

  const value = round(median(person.map((p) => p.ms)), 0);
  // Was ≤ 100 ms; as a ratio to the same clicks on the build that prepares nothing ahead (same run): ≤ 0.9×.
  const naiveMedian = naive ? round(median(naive.map((p) => p.ms)), 0) : null;
  const ratio = ratioOf(value, naiveMedian);
  const missed = misses([[ratio !== null && ratio <= 0.9, ratio === null ? 'no on-click baseline to compare with' : `${ratio}× the on-click build > 0.9×`]]);
  return {
    name: 'dialog-open',
    value,
    unit: 'ms',
    budget: '≤ 0.9× the on-click build (median of fresh pages)',
    baseline: naiveMedian,
    ratio,
    ratio_of: 'on-click build',
    within_budget: missed.length === 0,
    missed,
    notes:
      `Click (pointer onto the button, ${PRESS_MS} ms press) → form filled and focused, median of ${RUNS} fresh candidate pages: ${value} ms (${ms(person).join(', ')}); ` +
      `the dialog's host appeared after ${round(median(person.map((p) => p.hostMs ?? NaN)), 0)} ms (median). ` +
      `Instant click (no approach, no press): median ${round(median(instant.map((p) => p.ms)), 0)} ms (${ms(instant).join(', ')}). ` +
      `First page after the browser started: ${round(warmup.ms, 0)} ms (not in the median). ` +
      (naive
        ? `Baseline (build with WXT_BENCH_DIALOG_ON_CLICK=1: the dialog bundle injected on click, its data asked for when it mounts), same clicks: median ${naiveMedian} ms (${ms(naive).join(', ')}); first page ${round(naiveWarmup!.ms, 0)} ms.`
        : 'Baseline not measured (no naive build).'),
    extra: {
      runs: RUNS,
      pressMs: PRESS_MS,
      person: ms(person),
      personHostMs: person.map((p) => (p.hostMs === null ? null : round(p.hostMs, 0))),
      instant: ms(instant),
      instantMedian: round(median(instant.map((p) => p.ms)), 0),
      firstPageMs: round(warmup.ms, 0),
      baseline: naive ? { runs: ms(naive), median: naiveMedian, firstPageMs: round(naiveWarmup!.ms, 0) } : null,
    },
  };
}
