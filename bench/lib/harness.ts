import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, EXTENSION_DIR, grantHostPermission, openOptions } from '../../scripts/browser';
import { connectFactorialHrToSandbox, connectKomboToSandbox } from '../../scripts/demo';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { CdpClient } from './cdp';

/** Shared plumbing for the rows: the sandbox, a browser with the built extension, intents, the request log. */

export interface Logged {
  t: number;
  ms?: number;
  vendor: string;
  method: string;
  path: string;
  query: string;
  status: number;
}

export interface Row {
  name: string;
  value: number | null;
  unit: string;
  budget: string;
  baseline: number | null;
  within_budget: boolean;
  notes?: string;
  /** Which part of the budget was missed, in words (empty when within budget). */
  missed?: string[];
  /**
   * value ÷ its same-run yardstick (`ratio_of` says which), where the budget is stated as a ratio: milliseconds move
   * with the machine, a ratio to work done in the same run on the same machine much less.
   */
  ratio?: number | null;
  ratio_of?: string;
  /**
   * Why the figure does not measure what the row claims (e.g. the rate limit never bound, a "cold" call that found
   * the builder warm). Not a missed budget: the run fails (exit 1) and the table says INVALID.
   */
  invalid?: string[];
  /** Set by run.ts: the machine's load while the row ran (1-min load average sampled every second). */
  load?: { cpus: number; max: number; mean: number; samples: number; over_cores: boolean };
  extra?: Record<string, unknown>;
}

/** value ÷ baseline, rounded; null when either is missing or the baseline is 0. */
export const ratioOf = (value: number | null, baseline: number | null, digits = 2) => (value === null || baseline === null || baseline === 0 ? null : round(value / baseline, digits));

/** The budget's checks that failed, as words for the table. */
export const misses = (checks: [ok: boolean, words: string][]) => checks.filter(([ok]) => !ok).map(([, words]) => words);

export class BenchSandbox {
  private constructor(readonly sandbox: Sandbox) {}
  static async start(): Promise<BenchSandbox> {
    return new BenchSandbox(await startSandbox({ port: 0 }));
  }
  get url() {
    return this.sandbox.url;
  }
  async control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const send = () =>
      fetch(`${this.url}/__sandbox/${path}`, {
        method,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // A kept-alive socket the sandbox closed while idle (its keep-alive timeout, after a long row) resets the next
    // request before the server reads it ("fetch failed", ECONNRESET): send it again once, on a new connection.
    const response = await send().catch((error: Error & { cause?: { code?: string } }) => {
      if (error.cause?.code !== 'ECONNRESET') throw error;
      return send();
    });
    if (!response.ok) throw new Error(`Sandbox ${method} ${path} failed: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  reset = () => this.control('POST', 'reset');
  requests = () => this.control<Logged[]>('GET', 'requests');
  clearRequests = () => this.control('DELETE', 'requests');
  close = () => this.sandbox.close();
}

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** DevTools port, for CDP on targets Playwright gives no session for (the service worker). */
  cdpPort: number;
  close(): Promise<void>;
}

/**
 * The same launch as scripts/browser.ts `launchWithExtension` (same flags, same built extension, fresh profile),
 * plus a DevTools port: Playwright offers CDP sessions on pages only, and the pull row needs the service worker's heap.
 * `extensionDir`: another build (the bulk-export row's time-scaled one); `profile`: a profile directory to use (and
 * keep) instead of a fresh one.
 */
export async function launchBenchBrowser(extensionDir = EXTENSION_DIR, profile?: { userDataDir: string }): Promise<BenchBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}. Build first.`);
  // A given profile (a browser restart: the same profile again) is the caller's to remove.
  const userDataDir = profile?.userDataDir ?? mkdtempSync(join(tmpdir(), 'hb-bench-profile-'));
  // The last session's port file would be read before this browser writes its own.
  rmSync(join(userDataDir, 'DevToolsActivePort'), { force: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--remote-debugging-port=0',
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const portFile = join(userDataDir, 'DevToolsActivePort');
    for (let i = 0; i < 100 && !existsSync(portFile); i++) await sleep(50);
    const cdpPort = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
    return {
      context,
      extensionId,
      worker,
      cdpPort,
      async close() {
        await context.close().catch(() => undefined);
        if (!profile) rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The extension built again with bench-only build flags (`env`, e.g. WXT_BENCH_TIME_SCALE), into a directory of its
 * own; `remove()` deletes it. Release builds never set these flags.
 */
export function buildVariant(env: Record<string, string>): { dir: string; remove(): void } {
  const out = mkdtempSync(join(tmpdir(), 'hb-bench-variant-'));
  const built = spawnSync('npx', ['wxt', 'build'], { cwd: resolve(import.meta.dirname, '..', '..'), env: { ...process.env, ...env, HIREBRIDGE_OUT_DIR: out }, encoding: 'utf8' });
  if (built.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`The bench build (${Object.keys(env).join(', ')}) failed: ${(built.stderr || built.stdout).slice(-500)}`);
  }
  return { dir: join(out, 'chrome-mv3'), remove: () => rmSync(out, { recursive: true, force: true }) };
}

/** A raw CDP connection to the extension's service worker. */
export async function serviceWorkerCdp(browser: BenchBrowser): Promise<CdpClient> {
  const targets = (await (await fetch(`http://127.0.0.1:${browser.cdpPort}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
  const sw = targets.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  if (!sw) throw new Error('The extension service worker has no DevTools target.');
  return CdpClient.connect(sw.webSocketDebuggerUrl);
}

/**
 * Ask the service worker for an intent the way the extension's own pages do (@webext-core/messaging's wire
 * format over runtime.sendMessage), from an extension page so the sender check sees an extension page.
 */
export async function callIntent<T = unknown>(page: Page, type: string, data?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  const reply = await page.evaluate(
    ([type, data]) =>
      (globalThis as any).chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() }) as Promise<{ res?: unknown; err?: unknown }>,
    [type, data] as const,
  );
  if (!reply || reply.err) throw new Error(`Intent ${type} failed: ${JSON.stringify(reply?.err ?? 'no response')}`);
  return reply.res as never;
}

export async function allowSandboxHost(browser: BenchBrowser): Promise<void> {
  await grantHostPermission(browser.context, browser.extensionId, 'http://127.0.0.1/*');
}

/**
 * The extension's own `permissions.request` for the sandbox host, from an extension page, with a real click (it
 * needs a user gesture). After `allowSandboxHost` the browser grants it without a prompt — this is what the options
 * page's Connect does before connecting; the bench does it when it connects through the intent instead of the form.
 */
export async function requestSandboxOrigin(page: Page): Promise<void> {
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'hb-bench-grant';
    button.textContent = 'grant';
    button.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647';
    button.onclick = () => {
      (globalThis as any).chrome.permissions.request({ origins: ['http://127.0.0.1/*'] }).then(
        (granted: boolean) => (button.dataset.granted = String(granted)),
        (error: Error) => (button.dataset.granted = `error: ${error.message}`),
      );
    };
    document.body.append(button);
  });
  await page.click('#hb-bench-grant');
  const granted = await page.locator('#hb-bench-grant[data-granted]').getAttribute('data-granted');
  await page.evaluate(() => document.getElementById('hb-bench-grant')?.remove());
  if (granted !== 'true') throw new Error(`permissions.request for the sandbox host answered ${granted}`);
}

export async function openOptionsPage(browser: BenchBrowser): Promise<Page> {
  return openOptions(browser.context, browser.extensionId);
}

/** Connect Kombo to the sandbox through the options page's form, as `npm start` does. */
export async function connectKombo(options: Page, sandbox: BenchSandbox): Promise<void> {
  await connectKomboToSandbox(options, sandbox.url);
}

export async function connectFactorialHr(options: Page, sandbox: BenchSandbox): Promise<void> {
  await connectFactorialHrToSandbox(options, sandbox.url);
}

/** Read one store of the extension's database from an extension page, with raw IndexedDB (no product code). */
export async function readStore<T = unknown>(page: Page, store: string, key?: string): Promise<T> {
  return page.evaluate(
    ([store, key]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('hirebridge');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const request = key === undefined ? database.transaction(store).objectStore(store).getAll() : database.transaction(store).objectStore(store).get(key);
          request.onsuccess = () => (database.close(), resolve(request.result));
          request.onerror = () => (database.close(), reject(request.error));
        };
      }),
    [store, key] as const,
  ) as Promise<T>;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * tsx (esbuild keepNames) wraps named inner functions in `__name(...)`, which does not exist in a page:
 * define it there before evaluating a function that has some. Passed as a string so it is not rewritten itself.
 */
export async function nameShim(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
}

/** What `naiveHelpers` defines in a page, as `globalThis.__hbNaive`, for the naive baselines run there. */
export interface NaiveHelpers {
  /** A fresh scratch database (deleted first) with the same store and indexes as the product's `jobs` table. */
  scratchJobs(name: string): Promise<IDBDatabase>;
  /** One page of the sandbox's Kombo jobs, with a plain fetch. */
  komboPage(base: string, key: string, integrationId: string, pageSize: number, cursor: string | null): Promise<{ data: { results: any[]; next: string | null } }>;
  /** The row the product would store for a Kombo job. */
  komboRecord(job: any, now: string): unknown;
}

/** Define `globalThis.__hbNaive` (see NaiveHelpers) in an extension page. Passed as a string, like nameShim. */
export async function naiveHelpers(page: Page): Promise<void> {
  await page.evaluate(`globalThis.__hbNaive = {
    async scratchJobs(name) {
      await new Promise((resolve) => {
        const del = indexedDB.deleteDatabase(name);
        del.onsuccess = del.onerror = del.onblocked = resolve;
      });
      return new Promise((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('jobs', { keyPath: 'key' });
          for (const index of ['provider', 'status', 'country', 'name']) store.createIndex(index, index);
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
    },
    async komboPage(base, key, integrationId, pageSize, cursor) {
      const query = new URLSearchParams({ page_size: String(pageSize), include_deleted: 'true' });
      if (cursor) query.set('cursor', cursor);
      const response = await fetch(base + '/ats/jobs?' + query, { headers: { authorization: 'Bearer ' + key, 'x-integration-id': integrationId, accept: 'application/json' } });
      return response.json();
    },
    komboRecord(job, now) {
      return {
        key: 'kombo:' + job.id,
        provider: 'kombo',
        vendorId: job.id,
        remoteId: job.remote_id,
        name: job.name,
        status: job.remote_deleted_at || job.status === 'CLOSED' ? 'archived' : 'disabled',
        frozen: false,
        atsStatus: job.status,
        country: job.location?.country,
        locationName: job.location?.city,
        url: job.remote_url,
        screeningQuestions: job.screening_questions ?? [],
        changedAt: job.changed_at,
        firstSeenAt: now,
        updatedAt: now,
      };
    },
  }`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export const serverMs = (log: Logged[]) => log.reduce((sum, r) => sum + (r.ms ?? 0), 0);
