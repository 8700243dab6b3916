import type { BrowserContext, Page } from '@playwright/test';
import AdmZip from 'adm-zip';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { EXTENSION_DIR, connectCard, grantHostPermission, launchWithExtension, openOptions, scratchDir } from '../../scripts/browser';
import { dialogFrame, expect, resetSandbox, sandboxControl, test } from './fixtures';

/**
 * Upgrading in place loses nothing. The released 0.1.0 (tests/fixtures/upgrade, see its SOURCE.md) runs in a
 * profile and leaves there: a done export, one that needs attention, one queued for a retry, and the candidates the
 * dialogs captured (hired ones, and a sourced one). The browser stops; the extension's directory gets this build's
 * files (same path, so same id and same profile data), and the browser starts again: IndexedDB migrates to
 * version 2, the queued export goes out exactly once, the one needing attention still does and its Retry works,
 * the done one stays done, and every record reads in the popup and on the options page.
 */

const OLD_BUILD = resolve(import.meta.dirname, '../fixtures/upgrade/hirebridge-0.1.0-chrome-mv3.zip');
const CREATE = 'create_with_contract';
const LUCAS = { id: '40112234', email: 'lucas.moreau@example.com', name: 'Lucas Moreau' };
const AISHA = { id: '40112235', email: 'aisha.khan@example.com', name: 'Aisha Khan' };
const SOFIA = { id: '40112236', email: 'sofia.almeida@example.com', name: 'Sofia Almeida' };
// (Marta, the first hire of the demo ATS, is an employee in Factorial already: her page offers no export.)
const LEVER_ID = '8f1c2a7e-5d3b-4c1e-9a2f-6b7c8d9e0f1a';
const ZOE = { name: 'Zoë Ñúñez', email: 'zoe.nunez@example.com' };

type Logged = { vendor: string; method: string; path: string; status: number };
type Stored = { operations: { id: string; state: string; payload: Record<string, unknown>; delivery?: Record<string, unknown>; nextAttemptAt?: string }[]; candidates: { key: string; data: Record<string, unknown> }[]; version: number };

const employeesWith = async (sandbox: Sandbox, email: string) =>
  (await sandboxControl<{ factorial: { employees: { email: string }[] } }>(sandbox, 'GET', 'state')).factorial.employees.filter((e) => e.email === email).length;
/** Employees Factorial created (its create answered 2xx), whoever for. */
const creates = async (sandbox: Sandbox) => (await sandboxControl<Logged[]>(sandbox, 'GET', 'requests')).filter((r) => r.method === 'POST' && r.path.endsWith(CREATE) && r.status < 300).length;

/** The extension's IndexedDB as stored, read from one of its pages (no code of either build involved). */
const stored = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Stored>((done, failed) => {
        const open = indexedDB.open('hirebridge');
        open.onerror = () => failed(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['operations', 'candidates']);
          const operations = tx.objectStore('operations').getAll();
          const candidates = tx.objectStore('candidates').getAll();
          tx.oncomplete = () => {
            const version = open.result.version;
            open.result.close();
            done({ operations: operations.result, candidates: candidates.result, version });
          };
        };
      }),
  );

/** A Lever candidate page, enough for Sync to ATS to capture the person. */
async function serveLever(context: BrowserContext) {
  await context.route('https://hire.lever.co/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><meta charset="utf-8"><title>${ZOE.name} – Lever Hire</title></head><body>
<div class="profile-header"><h1 class="candidate-name">${ZOE.name}</h1><div class="profile-header-actions"><button>Archive</button></div></div>
<div class="posting-title">Senior Backend Engineer</div><div class="stage-name">Phone screen</div>
<a href="mailto:${ZOE.email}">${ZOE.email}</a></body></html>`,
    }),
  );
}

/** With the released 0.1.0, whose dialogs were in a shadow root of the page (this build's are in their own frame). */
async function openExport(context: BrowserContext, sandbox: Sandbox, candidateId: string) {
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo-ats/candidates/${candidateId}`);
  await page.getByRole('button', { name: 'Export to FactorialHR' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export to FactorialHR' });
  await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ index: 1 });
  const start = dialog.getByRole('textbox', { name: 'Start date' });
  if (!(await start.inputValue())) await start.fill('2027-01-04');
  return { page, dialog, exportButton: dialog.getByRole('button', { name: 'Export', exact: true }) };
}

async function openPopup(context: BrowserContext, extensionId: string) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup.getByRole('region', { name: 'Recent activity' }).or(popup.locator('section', { has: popup.getByRole('heading', { name: 'Recent activity' }) }));
}

test.use({ actionTimeout: 20_000 });

// This test makes its own browsers (two launches on one profile), not the per-test one of the fixtures.
test('updating 0.1.0 in place: queued work finishes once, needs-attention stays and retries, done stays, every record reads', async ({ sandbox }) => {
  test.setTimeout(180_000);
  await resetSandbox(sandbox);
  const profile = scratchDir('hirebridge-upgrade-profile-');
  const extensionDir = scratchDir('hirebridge-upgrade-ext-');
  new AdmZip(OLD_BUILD).extractAllTo(extensionDir, true);

  let before: Stored;
  // 1. The released build, used as a recruiter would.
  let launched = await launchWithExtension({ headless: true, userDataDir: profile, extensionDir });
  const extensionId = launched.extensionId;
  try {
    expect(await launched.worker.evaluate(() => chrome.runtime.getManifest().version)).toBe('0.1.0');
    const { context } = launched;
    await grantHostPermission(context, extensionId, 'http://127.0.0.1/*');
    const options = await openOptions(context, extensionId);
    await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
    await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
    await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
    await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();

    // Done: Lucas is exported.
    const lucas = await openExport(context, sandbox, LUCAS.id);
    await lucas.exportButton.click();
    await expect(lucas.dialog.getByRole('status')).toContainText('Exported to Factorial HR');

    // Needs attention: Sofia's create is refused (the key, this once).
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'unauthorized', method: 'POST', pathIncludes: CREATE });
    const sofia = await openExport(context, sandbox, SOFIA.id);
    await sofia.exportButton.click();
    await expect(sofia.dialog.getByRole('alert')).toContainText('The API key was rejected by Factorial');

    // Queued: Factorial asks Aisha's create to wait 20 s; the browser stops before that.
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'rate-limit', retryAfterSeconds: 20, method: 'POST', pathIncludes: CREATE });
    const aisha = await openExport(context, sandbox, AISHA.id);
    await aisha.exportButton.click();
    await expect(aisha.dialog.getByRole('status')).toContainText('will try again');

    // A sourced person, captured by opening Sync to ATS on their Lever page.
    await expect(options.getByRole('region', { name: 'Jobs' }).getByRole('rowheader', { name: 'Senior Backend Engineer', exact: true })).toBeVisible();
    await serveLever(context);
    const lever = await context.newPage();
    await lever.goto(`https://hire.lever.co/candidates/${LEVER_ID}`);
    await lever.getByRole('button', { name: 'Sync to ATS' }).click();
    await expect(lever.getByRole('dialog', { name: 'Sync to ATS' }).getByRole('textbox', { name: 'Email' })).toHaveValue(ZOE.email);

    before = await stored(options);
    expect(before.version).toBe(10); // Dexie's IndexedDB version for schema version 1
    expect(before.operations.map((op) => op.state).sort()).toEqual(['done', 'needs-attention', 'queued']);
    // 0.1.0 kept the outbox's bookkeeping inside the payload.
    expect(before.operations.find((op) => op.state === 'done')?.payload.outcome).toBe('created');
    expect(before.operations.every((op) => op.delivery === undefined)).toBe(true);
    // Captured from the pages, pulled from the ATS (its hired applications), and the sourced one.
    expect(before.candidates.map((c) => c.key)).toEqual(expect.arrayContaining([`demo-ats:${AISHA.id}`, `demo-ats:${LUCAS.id}`, `demo-ats:${SOFIA.id}`, `sourced:lever:${LEVER_ID}`]));
    expect(before.candidates.some((c) => c.key.startsWith('ats:kombo:'))).toBe(true);
    // Only Lucas's create went through; Sofia's was refused, Aisha's is waiting.
    expect(await creates(sandbox)).toBe(1);
    expect(await employeesWith(sandbox, AISHA.email)).toBe(0);
  } finally {
    await launched.context.close();
  }

  // 2. The update: this build's files replace the old ones in the same directory.
  for (const name of readdirSync(extensionDir)) rmSync(join(extensionDir, name), { recursive: true, force: true });
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });

  // 3. The same profile again.
  launched = await launchWithExtension({ headless: true, userDataDir: profile, extensionDir });
  try {
    const { context } = launched;
    expect(launched.extensionId).toBe(extensionId);
    // Chromium re-reads an unpacked build's manifest at launch but keeps running the service worker script it
    // registered before (its log shows the old worker's Dexie v1 connection closed by the pages' v2 upgrade): reload
    // the extension, as a store update does, so that this build's worker is the one that resumes the old profile.
    const updated = context.waitForEvent('serviceworker');
    await launched.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    launched = { ...launched, worker: await updated };
    // 0.1.0's worker was a classic script, this build's is an ES module: Chromium may register the new worker more
    // than once while it switches, and Playwright then reports the one it handed out as restarted. Take the next one.
    for (let attempt = 0; ; attempt++) {
      const version = await launched.worker.evaluate(() => chrome.runtime.getManifest().version).catch((error: Error) => error);
      if (!(version instanceof Error)) {
        expect(version).toBe('0.2.0');
        break;
      }
      if (attempt === 3 || !/restarted|closed/i.test(version.message)) throw version;
      const live = context.serviceWorkers().find((worker) => worker !== launched.worker);
      launched = { ...launched, worker: live ?? (await context.waitForEvent('serviceworker')) };
    }

    // The queued export goes out by itself once its wait is over: exactly one create, one employee.
    await expect.poll(() => employeesWith(sandbox, AISHA.email), { timeout: 60_000 }).toBe(1);
    expect(await creates(sandbox)).toBe(2);

    const recent = await openPopup(context, extensionId);
    const row = (name: string) => recent.getByRole('listitem').filter({ hasText: name });
    await expect(row(AISHA.name)).toContainText('Done');
    // Done stays done, and nothing more was sent for Lucas.
    await expect(row(LUCAS.name)).toContainText('Done');
    expect(await employeesWith(sandbox, LUCAS.email)).toBe(1);
    // Needs attention stays so, with its reason, until Retry.
    await expect(row(SOFIA.name)).toContainText('Needs attention');
    await expect(row(SOFIA.name)).toContainText('The API key was rejected by Factorial');
    expect(await employeesWith(sandbox, SOFIA.email)).toBe(0);
    await expect(recent.getByText('cannot read this stored record')).toHaveCount(0);

    // Every record migrated and reads in the new shape.
    const options = await openOptions(context, extensionId);
    const after = await stored(options);
    expect(after.version).toBe(20);
    expect(after.operations).toHaveLength(3);
    expect(after.operations.every((op) => typeof op.delivery?.sends === 'number' && !('sends' in op.payload) && !('outcome' in op.payload))).toBe(true);
    // Every candidate is still there, its data labelled with its kind, nothing of it lost (the export since may add to it).
    expect(after.candidates.map((c) => c.key).sort()).toEqual(before.candidates.map((c) => c.key).sort());
    for (const candidate of after.candidates) {
      const old = before.candidates.find((c) => c.key === candidate.key)!;
      expect(candidate.data).toMatchObject({ ...old.data, kind: candidate.key.startsWith('sourced:') ? 'sourced' : 'hire' });
    }
    // The options page's log has them all.
    const log = options.getByRole('region', { name: 'Activity' });
    await expect(log.getByRole('row').filter({ hasText: LUCAS.name })).not.toHaveCount(0);
    await expect(log.getByRole('row').filter({ hasText: SOFIA.name })).not.toHaveCount(0);

    // Retry works on the migrated record: one create, one employee.
    await row(SOFIA.name).getByRole('button', { name: 'Retry' }).click();
    await expect(row(SOFIA.name)).toContainText('Done', { timeout: 20_000 });
    expect(await creates(sandbox)).toBe(3);
    expect(await employeesWith(sandbox, SOFIA.email)).toBe(1);
    // Done stayed done: after the update, creates were Aisha's and Sofia's only.
    expect(await employeesWith(sandbox, LUCAS.email)).toBe(1);
    expect(await employeesWith(sandbox, AISHA.email)).toBe(1);

    // The captured people still read: the sourced one's Sync dialog opens with what was captured.
    await serveLever(context);
    const lever = await context.newPage();
    await lever.goto(`https://hire.lever.co/candidates/${LEVER_ID}`);
    await lever.getByRole('button', { name: 'Sync to ATS' }).click();
    await expect(dialogFrame(lever).getByRole('dialog', { name: 'Sync to ATS' }).getByRole('textbox', { name: 'Email' })).toHaveValue(ZOE.email);
    // And the queued export, finished after the update, shows on Aisha's page.
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/${AISHA.id}`);
    await expect(page.getByRole('button', { name: 'Exported to FactorialHR' })).toBeVisible();
  } finally {
    await launched.context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(extensionDir, { recursive: true, force: true });
  }
});
