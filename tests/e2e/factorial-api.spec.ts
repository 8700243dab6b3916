import type { BrowserContext, Page } from '@playwright/test';
import type { Sandbox } from '../../sandbox/server';
import { expect, openDemoAtsExport, sandboxControl, stopServiceWorker, test } from './fixtures';

/**
 * Factorial as it really behaves (issue 12): lists paged by opaque cursors, and the job title written on the new
 * employee's contract version as a step of the same durable export.
 */

const LUCAS = '40112234'; // Hired (Product Manager) in the demo ATS
const LUCAS_EMAIL = 'lucas.moreau@example.com';
const CONTRACT = 'contracts/contract_versions';

type Logged = { vendor: string; method: string; path: string; query: string; status: number };
type State = { factorial: { employees: { id: number; email: string }[]; contractVersions: { id: number; employee_id: number; job_title: string | null }[] } };

const requests = (sandbox: Sandbox) => sandboxControl<Logged[]>(sandbox, 'GET', 'requests');
const contractPuts = async (sandbox: Sandbox) => (await requests(sandbox)).filter((r) => r.method === 'PUT' && r.path.includes(CONTRACT));
/** Lucas in the sandbox's Factorial: his employee records and their contract versions. */
async function lucasInFactorial(sandbox: Sandbox) {
  const { factorial } = await sandboxControl<State>(sandbox, 'GET', 'state');
  const employees = factorial.employees.filter((e) => e.email === LUCAS_EMAIL);
  return { employees, contracts: factorial.contractVersions.filter((v) => employees.some((e) => e.id === v.employee_id)) };
}

async function openLucasExport(context: BrowserContext, extensionId: string, options: Page, sandbox: Sandbox) {
  const opened = await openDemoAtsExport(context, extensionId, options, sandbox, LUCAS);
  await expect(opened.dialog.getByRole('textbox', { name: 'Job title' })).toHaveValue('Product Manager');
  await opened.dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
  return opened;
}

test.describe('Factorial as it really behaves', () => {
  test('a company with hundreds of teams and locations opens the export form with every one of them', async ({ context, extensionId, options, sandbox }) => {
    await sandboxControl(sandbox, 'POST', 'factorial/org', { teams: 250, locations: 180 });
    await sandboxControl(sandbox, 'DELETE', 'requests');
    const { dialog } = await openLucasExport(context, extensionId, options, sandbox);

    const team = dialog.getByRole('combobox', { name: 'Team' });
    const location = dialog.getByRole('combobox', { name: 'Location' });
    // 3 seeded + 250 teams, 4 seeded + 180 locations, each after "None".
    await expect(team.getByRole('option')).toHaveCount(254);
    await expect(location.getByRole('option')).toHaveCount(185);
    await team.selectOption({ label: 'Team 0250' });
    await expect(team.locator('option:checked')).toHaveText('Team 0250');
    await location.selectOption({ label: 'Office 0180 (ES)' });
    await expect(location.locator('option:checked')).toHaveText('Office 0180 (ES)');

    // Every page after the first was asked for with the previous page's end_cursor, and none was refused.
    const teamPages = (await requests(sandbox)).filter((r) => r.path.endsWith('teams/teams'));
    expect(teamPages.map((r) => r.status)).toEqual([200, 200, 200]);
    const afterIds = teamPages.map((r) => new URLSearchParams(r.query).get('after_id'));
    expect(afterIds[0]).toBeNull();
    expect(afterIds.slice(1).every((cursor) => !!cursor && !/^\d+$/.test(cursor))).toBe(true);
    expect((await requests(sandbox)).filter((r) => r.status === 400)).toEqual([]);
  });

  test('the job title typed in the form reaches Factorial on the new employee’s contract version', async ({ context, extensionId, options, sandbox }) => {
    const { dialog, exportButton } = await openLucasExport(context, extensionId, options, sandbox);
    await dialog.getByRole('textbox', { name: 'Job title' }).fill('Senior Product Manager');
    await exportButton.click();
    await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR');

    const { employees, contracts } = await lucasInFactorial(sandbox);
    expect(employees).toHaveLength(1);
    expect(contracts.map((c) => c.job_title)).toEqual(['Senior Product Manager']);
    expect((await contractPuts(sandbox)).map((r) => r.status)).toEqual([200]);
  });

  test('a failed contract step is needs-attention with the reason; Retry finishes it with one employee and one contract edit', async ({ context, extensionId, options, sandbox }) => {
    const { page, dialog, exportButton } = await openLucasExport(context, extensionId, options, sandbox);
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'unauthorized', method: 'PUT', pathIncludes: CONTRACT });
    await exportButton.click();
    await expect(dialog.getByRole('alert')).toContainText('The employee is in Factorial HR, but the job title was not saved: The API key was rejected by Factorial');
    await expect(dialog.getByRole('alert')).toContainText('Retry continues from there.');
    expect((await lucasInFactorial(sandbox)).employees).toHaveLength(1);
    // Not "Exported" while a step is missing.
    await expect(dialog.getByRole('status')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toBeEnabled();

    // Retry: the form says the export stopped half-way (not "already in Factorial HR"), and Export resumes it.
    await page.getByRole('button', { name: 'Export to FactorialHR' }).click();
    await expect(dialog.getByText('stopped half-way')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await exportButton.click();
    await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR');
    await expect(dialog.getByRole('link', { name: 'Open in Factorial' })).toHaveAttribute('href', /\/employees\/\d+$/);

    const { employees, contracts } = await lucasInFactorial(sandbox);
    expect(employees).toHaveLength(1);
    expect(contracts.map((c) => c.job_title)).toEqual(['Product Manager']);
    const creates = (await requests(sandbox)).filter((r) => r.method === 'POST' && r.path.endsWith('create_with_contract'));
    expect(creates).toHaveLength(1);
    expect((await contractPuts(sandbox)).map((r) => r.status)).toEqual([401, 200]);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Exported to FactorialHR' })).toBeDisabled();
  });

  test('the worker stopped while the contract edit is in flight: on restart it sees the title and edits nothing twice', async ({ context, extensionId, options, sandbox }) => {
    const { page, exportButton } = await openLucasExport(context, extensionId, options, sandbox);
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'latency', ms: 2500, method: 'PUT', pathIncludes: CONTRACT });
    await exportButton.click();
    await expect.poll(async () => (await sandboxControl<Logged[]>(sandbox, 'GET', 'in-flight')).some((r) => r.method === 'PUT' && r.path.includes(CONTRACT))).toBe(true);

    await stopServiceWorker(context, options, extensionId);
    // The server finishes the edit after the worker is gone.
    await expect.poll(async () => (await lucasInFactorial(sandbox)).contracts.map((c) => c.job_title), { timeout: 10_000 }).toEqual(['Product Manager']);

    await options.reload();
    await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Exported to FactorialHR' })).toBeVisible({ timeout: 15_000 });
    expect((await lucasInFactorial(sandbox)).employees).toHaveLength(1);
    expect(await contractPuts(sandbox)).toHaveLength(1);
  });
});
