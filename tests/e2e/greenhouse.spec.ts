import type { BrowserContext } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { expect, routeVendorHosts, sandboxControl, test } from './fixtures';

/**
 * Greenhouse on its real hostname, connected through Kombo (integration "greenhouse:…"): the page only gives the
 * person id in its URL and a partial, stale DOM; the candidate, their email and their stage come from Kombo by
 * `remote_ids`, and the employee is created in Factorial HR on api.factorialhr.com (both served by the sandbox).
 */
const LUCAS = '40112234'; // Hired in Kombo
const DANIEL = '40112237'; // Interview in Kombo

function greenhousePerson(id: string, shownName: string): string {
  // Shaped like Greenhouse's person page: header with actions; no email on the page, stage shown stale.
  return `<!doctype html><html><head><title>${shownName} - Greenhouse</title></head><body>
  <div class="person-header"><h1 class="person-name">${shownName}</h1>
    <div data-provides="person-header-actions" class="actions"><button type="button">Reject</button></div></div>
  <div data-provides="application-job" class="job-name">Product Manager</div>
  <div data-provides="application-stage" class="current-stage">Offer</div>
  <a href="/people/${id}/activity">Activity</a></body></html>`;
}

async function serveGreenhouse(context: BrowserContext) {
  await context.route('https://app.greenhouse.io/**', async (route) => {
    const match = /^\/people\/(\d+)/.exec(new URL(route.request().url()).pathname);
    const names: Record<string, string> = { [LUCAS]: 'Lucas M.', [DANIEL]: 'Daniel Weber' };
    if (!match || !names[match[1]]) return route.fulfill({ status: 404, body: 'Not found' });
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: greenhousePerson(match[1], names[match[1]]) });
  });
}

async function connectProduction(options: import('@playwright/test').Page, context: BrowserContext, sandbox: Sandbox) {
  await routeVendorHosts(context, sandbox);
  await connectCard(options, 'Factorial HR', { environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'EU', apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
}

test.describe('Export to FactorialHR on Greenhouse (app.greenhouse.io) with a Kombo connection', () => {
  test('the candidate comes from Kombo by the page id, and one employee is created', async ({ context, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    await serveGreenhouse(context);
    const page = await context.newPage();
    await page.goto(`https://app.greenhouse.io/people/${LUCAS}?application_id=9001`);

    const button = page.getByRole('button', { name: 'Export to FactorialHR' });
    await expect(button).toBeEnabled();
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Export to FactorialHR' });
    // From Kombo, not from the page (which only says "Lucas M." and no email).
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Moreau');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('lucas.moreau@example.com');
    const lookups = (await sandboxControl<{ vendor: string; method: string; path: string; query: string }[]>(sandbox, 'GET', 'requests')).filter(
      (r) => r.vendor === 'kombo' && r.path.endsWith('/ats/candidates'),
    );
    expect(lookups.some((r) => decodeURIComponent(r.query).includes(`remote_ids=${LUCAS}`))).toBe(true);

    // The start date is on Lucas's accepted offer in Kombo (the page shows none); the disabled Export says what is
    // still needed.
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('2026-12-01');
    const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
    await expect(exportButton).toBeDisabled();
    await expect(exportButton).toHaveAccessibleDescription('To export, complete: Legal entity.');
    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await exportButton.click();
    await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR');
    const state = await sandboxControl<{ factorial: { employees: { email: string; contract_starts_on?: string }[] } }>(sandbox, 'GET', 'state');
    expect(state.factorial.employees.filter((e) => e.email === 'lucas.moreau@example.com')).toMatchObject([{ contract_starts_on: '2026-12-01' }]);
  });

  test('the stage comes from Kombo: a candidate at Interview cannot be exported, whatever the page shows', async ({ context, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    await serveGreenhouse(context);
    const page = await context.newPage();
    await page.goto(`https://app.greenhouse.io/people/${DANIEL}`);
    const button = page.getByRole('button', { name: 'Export to FactorialHR' });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(/Only hired candidates can be exported\./);
  });
});
