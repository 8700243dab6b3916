import type { Page } from '@playwright/test';
import type { Sandbox } from '../../sandbox/server';
import { expect, openDemoAtsExport, sandboxControl, test } from './fixtures';

/**
 * Offline: the export waits as a queued operation ("will try again") and finishes by itself once the network is
 * back, creating exactly one employee.
 *
 * How "offline" is made: `context.setOffline(true)`. Checked by hand in Chromium headless with Playwright 1.65:
 * it DOES cut the extension service worker's own fetches (to the sandbox on 127.0.0.1, a custom base URL) with
 * "Failed to fetch" — but NOT requests that a `context.route` handler fulfils (the vendors' real hostnames served
 * from the sandbox by `routeVendorHosts` still answer while offline). So this test connects through the custom
 * base URL and registers no routes; the sandbox's request log proves nothing reached it while offline.
 */

const LUCAS = '40112234';
const LUCAS_EMAIL = 'lucas.moreau@example.com';
const CREATE = 'create_with_contract';

type Logged = { vendor: string; method: string; path: string; status: number };
const employeesWith = async (sandbox: Sandbox, email: string) =>
  (await sandboxControl<{ factorial: { employees: { email: string }[] } }>(sandbox, 'GET', 'state')).factorial.employees.filter((e) => e.email === email).length;
const factorialRequests = async (sandbox: Sandbox) => (await sandboxControl<Logged[]>(sandbox, 'GET', 'requests')).filter((r) => r.vendor === 'factorial');

/** The export operations, read from the extension's IndexedDB on an extension page. */
const exportOperations = (page: Page) =>
  page.evaluate(async () => {
    const open = indexedDB.open('hirebridge');
    const database: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))));
    const rows: { kind: string; state: string; attempts: number; lastError?: string; nextAttemptAt?: string }[] = await new Promise((ok, ko) => {
      const request = database.transaction('operations').objectStore('operations').getAll();
      request.onsuccess = () => ok(request.result);
      request.onerror = () => ko(request.error);
    });
    database.close();
    return rows.filter((r) => r.kind === 'export-employee');
  });

test('an export made offline waits, and is sent once the network is back: exactly one employee', async ({ context, extensionId, options, sandbox }) => {
  test.setTimeout(120_000);
  // The form is opened (and its lookups loaded) while online.
  const { page, dialog } = await openDemoAtsExport(context, extensionId, options, sandbox, LUCAS);
  await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ index: 1 });
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue(LUCAS_EMAIL);

  // Offline: Export is accepted, and waits.
  await context.setOffline(true);
  await sandboxControl(sandbox, 'DELETE', 'requests');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('will try again', { timeout: 20_000 });
  await expect(dialog.getByRole('status')).toContainText('Could not reach Factorial');
  // It keeps trying while offline (a second attempt has failed too), and stays queued, not given up.
  await expect
    .poll(async () => (await exportOperations(options)).map((op) => `${op.state}${op.attempts >= 2 && op.nextAttemptAt ? ', retried' : ''}`), { timeout: 20_000 })
    .toEqual(['queued, retried']);
  const [waiting] = await exportOperations(options);
  expect(waiting.lastError).toContain('Could not reach Factorial');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  // Nothing reached the vendor while offline, and nobody was created.
  expect(await factorialRequests(sandbox)).toEqual([]);
  expect(await employeesWith(sandbox, LUCAS_EMAIL)).toBe(0);

  // Back online: the queued export goes out on its own (no click), once.
  await context.setOffline(false);
  await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR', { timeout: 60_000 });
  expect(await employeesWith(sandbox, LUCAS_EMAIL)).toBe(1);
  const creates = (await factorialRequests(sandbox)).filter((r) => r.method === 'POST' && r.path.endsWith(CREATE));
  expect(creates.map((r) => r.status)).toEqual([200]); // create_with_contract answers 200 (both Factorial specs)
  const [done] = await exportOperations(options);
  expect(done).toMatchObject({ state: 'done' });

  // Reloaded, the page knows: exported, and cannot be sent again.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Exported to FactorialHR' })).toBeDisabled();
  expect(await employeesWith(sandbox, LUCAS_EMAIL)).toBe(1);
});
