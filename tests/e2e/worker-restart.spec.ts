import type { BrowserContext, Page } from '@playwright/test';
import type { Sandbox } from '../../sandbox/server';
import { dialogFrame, connectBoth, expect, sandboxControl, stopServiceWorker, test } from './fixtures';

/**
 * The service worker stopped (CDP Target.closeTarget, as Chrome stops an idle or crashed worker) at different
 * points of an export, many times in a row in one browser: before the create request is sent, while it is in
 * flight at the server, and right after its answer came back. Every time, exactly one employee exists and the
 * pages say so: the dialog (exported, or that contact was lost and it finishes on its own), the candidate's page
 * after the dialog closes, and a page opened afterwards.
 */

const CREATE = 'create_with_contract';
const RUNS = 20;
const POINTS = ['before-request', 'in-flight', 'after-answer'] as const;
type Logged = { vendor: string; method: string; path: string; status: number };

const employeesWith = async (sandbox: Sandbox, email: string) =>
  (await sandboxControl<{ factorial: { employees: { email: string }[] } }>(sandbox, 'GET', 'state')).factorial.employees.filter((e) => e.email === email).length;
const createsAnswered = async (sandbox: Sandbox) =>
  (await sandboxControl<Logged[]>(sandbox, 'GET', 'requests')).filter((r) => r.method === 'POST' && r.path.endsWith(CREATE) && r.status >= 200 && r.status < 300).length;
const createInFlight = async (sandbox: Sandbox) => (await sandboxControl<Logged[]>(sandbox, 'GET', 'in-flight')).some((r) => r.method === 'POST' && r.path.endsWith(CREATE));

async function hiredCandidate(sandbox: Sandbox, run: number) {
  const email = `restart.${run}.${Date.now()}@example.com`;
  const created = await sandboxControl<{ remote_id: string }>(sandbox, 'POST', 'candidates', { first_name: 'Rita', last_name: `Restart ${run}`, email, hired: true });
  return { email, id: created.remote_id };
}

async function exportStoppingWorker(context: BrowserContext, extensionId: string, options: Page, sandbox: Sandbox, run: number, point: (typeof POINTS)[number]) {
  const { email, id } = await hiredCandidate(sandbox, run);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo-ats/candidates/${id}`);
  await page.getByRole('button', { name: 'Export to FactorialHR' }).click();
  const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
  await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Rita');
  await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ index: 1 });
  await sandboxControl(sandbox, 'DELETE', 'requests');

  if (point === 'before-request') {
    await stopServiceWorker(context, options, extensionId);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  } else if (point === 'in-flight') {
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'latency', ms: 1500, method: 'POST', pathIncludes: CREATE, times: 1 });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect.poll(() => createInFlight(sandbox), { intervals: [20] }).toBe(true);
    await stopServiceWorker(context, options, extensionId);
  } else {
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect.poll(() => createsAnswered(sandbox), { intervals: [10] }).toBe(1);
    await stopServiceWorker(context, options, extensionId);
  }

  // The dialog says where it stands: exported, or that contact was lost and the export finishes on its own.
  await expect(dialog.getByText(/Exported to Factorial HR|lost contact with its background service/)).toBeVisible({ timeout: 30_000 });
  // Close once exported, Cancel while it finishes on its own.
  await dialog.getByRole('button', { name: /^(Close|Cancel)$/ }).click();
  // The page the export ran on, and one opened afterwards, show the candidate as exported once it is.
  await expect(page.getByRole('button', { name: 'Exported to FactorialHR' })).toBeVisible({ timeout: 30_000 });
  const later = await context.newPage();
  await later.goto(`${sandbox.url}/demo-ats/candidates/${id}`);
  await expect(later.getByRole('button', { name: 'Exported to FactorialHR' })).toBeVisible({ timeout: 30_000 });
  expect(await employeesWith(sandbox, email)).toBe(1);
  await sandboxControl(sandbox, 'DELETE', 'faults');
  await later.close();
  await page.close();
}

test.describe('The service worker stopped during exports', () => {
  test(`${RUNS} exports in a row, the worker stopped before, during and right after the create: one employee each, and the pages say so`, async ({ context, extensionId, options, sandbox }) => {
    test.setTimeout(RUNS * 60_000);
    await connectBoth(context, extensionId, options, sandbox);
    for (let run = 0; run < RUNS; run++) {
      const point = POINTS[run % POINTS.length];
      await test.step(`run ${run + 1}: stopped ${point}`, () => exportStoppingWorker(context, extensionId, options, sandbox, run, point));
    }
  });
});
