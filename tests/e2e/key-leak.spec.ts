import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Request, Route } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard, EXTENSION_DIR } from '../../scripts/browser';
import { dialogFrame, allowSandboxHost, expect, test } from './fixtures';

/**
 * The API keys never leave the service worker: not into a bundle, a page (DOM, shadow roots, form values, storage),
 * a console line, the activity log or the operations table — not even when a vendor echoes the key back in its
 * error messages. The sandbox cannot echo keys, so the echoing answers are made here with `context.route` from the
 * key the extension really sent (x-api-key for Factorial, the Authorization header for Kombo).
 */

const KEYS = [SANDBOX_KEYS.factorial, SANDBOX_KEYS.kombo];
/** What must never be seen: the key, the key minus the last four (with the masked view, that is the whole key), its random tail. */
const FORBIDDEN = KEYS.flatMap((key) => [key, key.slice(0, -4), key.slice(-10)]);

const LUCAS = '40112234';
const AISHA = '40112235';
const CREATE = 'create_with_contract';

function leaksIn(where: string, text: string): string[] {
  return FORBIDDEN.filter((fragment) => text.includes(fragment)).map((fragment) => `${where} contains "${fragment}"`);
}

interface Echo {
  vendor: 'factorial' | 'kombo';
  method: string;
  pathIncludes: string;
  status: number;
  body(sentKey: string): unknown;
  times: number;
}

/** Vendor answers that echo the key the extension sent, in the body and a header, for the next matching requests. */
async function echoKeys(context: BrowserContext, sandbox: Sandbox) {
  const armed: Echo[] = [];
  const served: string[] = [];
  const sentKey = (request: Request, vendor: Echo['vendor']) => {
    const headers = request.headers();
    return vendor === 'factorial' ? (headers['x-api-key'] ?? '') : (headers.authorization ?? '');
  };
  for (const vendor of ['factorial', 'kombo'] as const) {
    await context.route(`${sandbox.url}/${vendor}/**`, async (route: Route) => {
      const request = route.request();
      const index = armed.findIndex((e) => e.vendor === vendor && e.method === request.method() && new URL(request.url()).pathname.includes(e.pathIncludes));
      if (index < 0) return route.fallback();
      const echo = armed[index];
      if (--echo.times <= 0) armed.splice(index, 1);
      const key = sentKey(request, vendor);
      served.push(`${echo.status} ${request.method()} ${new URL(request.url()).pathname}`);
      await route.fulfill({ status: echo.status, contentType: 'application/json', headers: { 'x-echo-key': key }, body: JSON.stringify(echo.body(key)) });
    });
  }
  return { arm: (echo: Echo) => armed.push(echo), served };
}

/** Everything a page shows or holds: every frame's DOM with its open shadow roots, form values, title, web storage. */
async function pageDump(page: Page): Promise<string> {
  const parts: string[] = [];
  for (const frame of page.frames()) {
    parts.push(
      await frame.evaluate(() => {
        const out: string[] = [location.href, document.title];
        const walk = (root: Document | ShadowRoot) => {
          out.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
          for (const el of Array.from(root.querySelectorAll('*'))) {
            if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) out.push(el.value);
            if (el.shadowRoot) {
              out.push(`<shadow-root of ${el.tagName}>`);
              walk(el.shadowRoot);
            }
          }
        };
        walk(document);
        let storages: Storage[] = [];
        try {
          storages = [localStorage, sessionStorage];
        } catch {
          // Opaque origins (about:blank, data:) have no web storage.
        }
        for (const storage of storages) {
          for (let i = 0; i < storage.length; i++) out.push(`${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
        }
        return out.join('\n');
      }),
    );
  }
  return parts.join('\n');
}

/** Every IndexedDB store of the extension, read from an extension page, with bytes decoded as text. */
async function databaseDump(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const open = indexedDB.open('hirebridge');
    const database: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))));
    const out: Record<string, string> = {};
    for (const name of Array.from(database.objectStoreNames)) {
      const rows: unknown[] = await new Promise((ok, ko) => {
        const request = database.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => ok(request.result);
        request.onerror = () => ko(request.error);
      });
      out[name] = JSON.stringify(rows, (_k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? new TextDecoder().decode(v as ArrayBuffer) : v));
    }
    database.close();
    const storage = await Promise.all([chrome.storage.local.get(null), chrome.storage.session.get(null)]);
    out['chrome.storage'] = JSON.stringify(storage);
    return out;
  });
}

test('API keys never reach a bundle, a page, a console, the activity log or the operations table', async ({ context, extensionId, options, sandbox, serviceWorker }) => {
  test.setTimeout(150_000);
  const consoleLines: string[] = [];
  const record = (source: string) => (message: { type(): string; text(): string }) => consoleLines.push(`${source} [${message.type()}] ${message.text()}`);
  context.on('console', record('context'));
  serviceWorker.on('console', record('service worker'));
  context.on('serviceworker', (worker) => worker.on('console', record('restarted service worker')));
  context.on('weberror', (error) => consoleLines.push(`uncaught: ${error.error().stack ?? error.error().message}`));
  const echo = await echoKeys(context, sandbox);

  // The capture itself works (so an empty list below means nothing was logged, not that nothing was listened to).
  await serviceWorker.evaluate(() => console.warn('hb-canary-worker'));
  await options.evaluate(() => console.error('hb-canary-page'));
  await expect.poll(() => consoleLines.join('\n')).toContain('hb-canary-worker');
  await expect.poll(() => consoleLines.join('\n')).toContain('hb-canary-page');

  // Connect both integrations with the sandbox keys.
  await allowSandboxHost(context, extensionId);
  await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
  await expect(options.getByRole('region', { name: 'Jobs' }).getByRole('rowheader', { name: 'Senior Backend Engineer', exact: true })).toBeVisible();

  // An export whose first create answers 500 with the key in the message: retried, then exported.
  const ats = await context.newPage();
  await ats.goto(`${sandbox.url}/demo-ats/candidates/${LUCAS}`);
  await ats.getByRole('button', { name: 'Export to FactorialHR' }).click();
  let dialog = dialogFrame(ats).getByRole('dialog', { name: 'Export to FactorialHR' });
  await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ index: 1 });
  echo.arm({ vendor: 'factorial', method: 'POST', pathIncludes: CREATE, status: 500, times: 1, body: (key) => ({ message: `Internal error while handling x-api-key ${key}` }) });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // An export refused with 422, the key at the edge of what is shown (a message cut short must not keep part of it).
  await ats.goto(`${sandbox.url}/demo-ats/candidates/${AISHA}`);
  await ats.getByRole('button', { name: 'Export to FactorialHR' }).click();
  dialog = dialogFrame(ats).getByRole('dialog', { name: 'Export to FactorialHR' });
  await dialog.getByRole('textbox', { name: 'Start date' }).fill('2027-01-15');
  await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ index: 1 });
  echo.arm({
    vendor: 'factorial',
    method: 'POST',
    pathIncludes: CREATE,
    status: 422,
    times: 1,
    body: (key) => ({ errors: [{ message: `${'x'.repeat(300 - key.length + 4)}${key} is not a valid api key for this company` }] }),
  });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Factorial said');

  // Checks that fail with the key echoed back: Factorial 401, Kombo 403 (whose message is shown).
  await options.bringToFront();
  echo.arm({ vendor: 'factorial', method: 'GET', pathIncludes: 'api_public/credentials', status: 401, times: 1, body: (key) => ({ message: `Invalid or expired API key ${key}` }) });
  const hr = options.getByRole('region', { name: 'Factorial HR' });
  await hr.getByRole('button', { name: 'View' }).click();
  await hr.getByRole('button', { name: 'Check again' }).click();
  await expect(hr.getByRole('alert')).toContainText('The API key was rejected by Factorial');

  echo.arm({
    vendor: 'kombo',
    method: 'GET',
    pathIncludes: 'check-api-key',
    status: 403,
    times: 1,
    body: (key) => ({ status: 'error', error: { code: 'INTEGRATION.PERMISSION_MISSING', title: `no access for ${key}`, message: `The key "${key}" lacks the ats scope (${key.replace('Bearer ', '')})`, log_url: null } }),
  });
  const atsCard = options.getByRole('region', { name: 'ATS' });
  await atsCard.getByRole('button', { name: 'View' }).click();
  await atsCard.getByRole('button', { name: 'Check again' }).click();
  await expect(atsCard.getByRole('alert')).toContainText('Kombo said');

  // A job pull refused with 400, the key in Kombo's message.
  echo.arm({
    vendor: 'kombo',
    method: 'GET',
    pathIncludes: 'ats/jobs',
    status: 400,
    times: 1,
    body: (key) => ({ status: 'error', error: { code: 'PLATFORM.INPUT_INVALID', title: 'input invalid', message: `Bad request from ${key}`, log_url: null } }),
  });
  const jobs = options.getByRole('region', { name: 'Jobs' });
  await jobs.getByRole('button', { name: 'Sync now' }).click();
  await expect(jobs).toContainText('Kombo said');
  expect(echo.served).toHaveLength(5);

  // The masked key view: only the last four characters, on both cards.
  for (const [card, key] of [
    [hr, SANDBOX_KEYS.factorial],
    [atsCard, SANDBOX_KEYS.kombo],
  ] as const) {
    await expect(card.getByRole('definition').filter({ hasText: /^••••/ })).toHaveText(`••••${key.slice(-4)}`);
  }

  // The popup, with its recent activity.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Hired candidates' })).toBeVisible();

  // ---- Search everywhere. ----
  const leaks: string[] = [];

  // Every built content-script bundle (and, while at it, every other script and page of the build).
  const scripts = readdirSync(join(EXTENSION_DIR, 'content-scripts')).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThanOrEqual(2);
  const built = readdirSync(EXTENSION_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|html|json|css)$/.test(f));
  for (const file of built) leaks.push(...leaksIn(file, readFileSync(join(EXTENSION_DIR, file), 'utf8')));

  // Every page: the options page (details open), the ATS page with the dialog and its error, the popup.
  const optionsText = await pageDump(options);
  const atsText = await pageDump(ats);
  const popupText = await pageDump(popup);
  // The dumps hold what they should (the dialog is inside a shadow root; the errors are shown).
  expect(atsText).toContain('<shadow-root of');
  expect(atsText).toContain('Factorial said');
  expect(optionsText).toContain(`••••${SANDBOX_KEYS.factorial.slice(-4)}`);
  expect(optionsText).toContain('Kombo said');
  for (const page of context.pages()) leaks.push(...leaksIn(`page ${page.url()}`, await pageDump(page)));
  leaks.push(...leaksIn('popup', popupText));

  // Every console line of every page and of the service worker, and every uncaught error.
  leaks.push(...leaksIn('console', consoleLines.join('\n')));

  // The activity log, the operations and every other store; extension storage.
  const stores = await databaseDump(options);
  expect(stores.activity).toContain('Factorial said');
  expect(stores.operations).toContain('Factorial said');
  for (const [name, text] of Object.entries(stores)) leaks.push(...leaksIn(`IndexedDB ${name}`, text));

  expect(leaks).toEqual([]);
});
