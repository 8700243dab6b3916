import type { BrowserContext, Page } from '@playwright/test';
import type { Sandbox } from '../../sandbox/server';
import { expect, openDemoAtsExport, sandboxControl, stopServiceWorker, test } from './fixtures';

const LUCAS = '40112234';
const LUCAS_EMAIL = 'lucas.moreau@example.com';
const CREATE = 'create_with_contract';

type Logged = { vendor: string; method: string; path: string; status: number };
const employeesWith = async (sandbox: Sandbox, email: string) =>
  (await sandboxControl<{ factorial: { employees: { email: string }[] } }>(sandbox, 'GET', 'state')).factorial.employees.filter((e) => e.email === email).length;
const creates = async (sandbox: Sandbox) => (await sandboxControl<Logged[]>(sandbox, 'GET', 'requests')).filter((r) => r.method === 'POST' && r.path.endsWith(CREATE));

async function openLucasExport(context: BrowserContext, extensionId: string, options: Page, sandbox: Sandbox) {
  const opened = await openDemoAtsExport(context, extensionId, options, sandbox, LUCAS);
  await opened.dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ index: 1 });
  await sandboxControl(sandbox, 'DELETE', 'requests');
  return opened;
}

test.describe('Export reliability against the sandbox faults', () => {
  test('429 with Retry-After and two 500s are retried, and exactly one employee is created', async ({ context, extensionId, options, sandbox }) => {
    const { dialog, exportButton } = await openLucasExport(context, extensionId, options, sandbox);
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'rate-limit', retryAfterSeconds: 2, method: 'POST', pathIncludes: CREATE });
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'server-error', times: 2, method: 'POST', pathIncludes: CREATE });
    await exportButton.click();
    await expect(dialog.getByRole('status')).toContainText('will try again');
    await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR', { timeout: 30_000 });
    const posts = await creates(sandbox);
    // create_with_contract answers 200, as both Factorial specs say.
    expect(posts.map((r) => r.status)).toEqual([429, 500, 500, 200]);
    // The 429 asked for 2 s: the next attempt waited at least that long.
    const times = (await sandboxControl<(Logged & { t: number })[]>(sandbox, 'GET', 'requests')).filter((r) => r.method === 'POST').map((r) => r.t);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(1900);
    expect(await employeesWith(sandbox, LUCAS_EMAIL)).toBe(1);
  });

  test('a rejected key stops at needs-attention with the key message and no retry storm', async ({ context, extensionId, options, sandbox }) => {
    const { dialog, exportButton } = await openLucasExport(context, extensionId, options, sandbox);
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'unauthorized', method: 'POST', pathIncludes: CREATE });
    await exportButton.click();
    await expect(dialog.getByRole('alert')).toContainText('The API key was rejected by Factorial');
    await dialog.page().waitForTimeout(1500);
    expect(await creates(sandbox)).toHaveLength(1);
    expect(await employeesWith(sandbox, LUCAS_EMAIL)).toBe(0);

    // Fixed (the fault was a one-off): Export again works, once.
    await exportButton.click();
    await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR');
    expect(await employeesWith(sandbox, LUCAS_EMAIL)).toBe(1);
  });

  test('a malformed answer gives a clear error, and the extension keeps working', async ({ context, extensionId, options, sandbox }) => {
    const { dialog, exportButton } = await openLucasExport(context, extensionId, options, sandbox);
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'malformed', method: 'GET', pathIncludes: 'employees/employees' });
    await exportButton.click();
    await expect(dialog.getByRole('alert')).toContainText('Factorial answered with data Hirebridge does not understand');
    expect(await creates(sandbox)).toHaveLength(0);
    await exportButton.click();
    await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR');
    expect(await employeesWith(sandbox, LUCAS_EMAIL)).toBe(1);
  });

  test('a double click sends one request', async ({ context, extensionId, options, sandbox }) => {
    const { dialog, exportButton } = await openLucasExport(context, extensionId, options, sandbox);
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'latency', ms: 800, method: 'POST', pathIncludes: CREATE });
    await exportButton.dblclick();
    await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR');
    expect(await creates(sandbox)).toHaveLength(1);
    expect(await employeesWith(sandbox, LUCAS_EMAIL)).toBe(1);
  });

  test('the service worker stopped mid-export: on restart it finds the employee instead of creating a second', async ({ context, extensionId, options, sandbox }) => {
    const { page, exportButton } = await openLucasExport(context, extensionId, options, sandbox);
    // The create request is slow: the worker is stopped while it is in flight (the server still creates).
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'latency', ms: 2500, method: 'POST', pathIncludes: CREATE });
    await exportButton.click();
    // Stop the worker only once the create has reached the server and is being held there.
    await expect.poll(async () => (await sandboxControl<Logged[]>(sandbox, 'GET', 'in-flight')).some((r) => r.method === 'POST' && r.path.endsWith(CREATE))).toBe(true);

    await stopServiceWorker(context, options, extensionId);

    // The server finishes the create after the worker is gone.
    await expect.poll(() => employeesWith(sandbox, LUCAS_EMAIL), { timeout: 10_000 }).toBe(1);

    // Anything that wakes the worker resumes the operation; it looks Lucas up and settles without a second create.
    await options.reload();
    await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Exported to FactorialHR' })).toBeVisible({ timeout: 15_000 });
    expect(await creates(sandbox)).toHaveLength(1);
    expect(await employeesWith(sandbox, LUCAS_EMAIL)).toBe(1);
  });
});
