import type { BrowserContext } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard, grantHostPermission } from '../../scripts/browser';
import { dialogFrame, expect, routeVendorHosts, sandboxControl, test } from './fixtures';

/**
 * Greenhouse on its real hostname, connected through Kombo (integration "greenhouse:…"): the page only gives the
 * person id in its URL and a partial, stale DOM; the candidate, their email and their stage come from Kombo by
 * `remote_ids`, and the employee is created in Factorial HR on api.factorialhr.com (both served by the sandbox).
 */
const LUCAS = '40112234'; // Hired in Kombo
const DANIEL = '40112237'; // Interview in Kombo

function greenhousePerson(id: string, shownName: string): string {
  // Shaped like tests/fixtures/sites/greenhouse/person.html (the header's markup is not public): a heading, no email
  // link, a stale stage among the "Move stage" options; no anchor, so the button is the floating one.
  return `<!doctype html><html><head><title>${shownName} - Greenhouse</title></head><body>
  <header><h1>${shownName}</h1></header>
  <div><div class="small-button stage-option ">Offer</div></div>
  <a href="/people/${id}/activity">Activity</a></body></html>`;
}

async function serveGreenhouse(context: BrowserContext, origin = 'https://app.greenhouse.io') {
  await context.route(`${origin}/**`, async (route) => {
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
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
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

  test('numbered hosts past app6 and the EU region are built in: the button appears with no grant', async ({ context, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    for (const origin of ['https://app7.greenhouse.io', 'https://app.eu.greenhouse.io']) {
      await serveGreenhouse(context, origin);
      const page = await context.newPage();
      await page.goto(`${origin}/people/${LUCAS}/applications/9001`);
      await expect(page.getByRole('button', { name: 'Export to FactorialHR' }), origin).toBeEnabled();
      await page.close();
    }
  });

  test("a company's sign-in subdomain works once an admin allows it in Options → Sites, and stops when removed", async ({ context, extensionId, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    const origin = 'https://acme.greenhouse.io';
    await serveGreenhouse(context, origin);
    const page = await context.newPage();
    await page.goto(`${origin}/people/${LUCAS}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lucas M.');
    // Not granted: no content script, no button.
    await expect(page.locator('hirebridge-action')).toHaveCount(0);

    // The Sites region reads the address and says which ATS it is. Chrome's prompt cannot be clicked headless: the
    // site access is given first the way chrome://extensions gives it, so the panel's own request resolves at once.
    const sites = options.getByRole('region', { name: 'Sites' });
    const address = sites.getByRole('textbox', { name: 'Your company’s own ATS address' });
    await address.fill('app.greenhouse.io');
    await sites.getByRole('button', { name: 'Allow this address' }).click();
    await expect(address).toHaveAccessibleDescription('app.greenhouse.io is already included for Greenhouse: nothing to allow.');
    await grantHostPermission(context, extensionId, `${origin}/*`);
    await address.fill('https://acme.greenhouse.io/users/sign_in');
    await sites.getByRole('button', { name: 'Allow this address' }).click();
    await expect(sites.getByRole('status')).toHaveText('Allowed: Greenhouse pages on acme.greenhouse.io now show Hirebridge’s buttons.');
    await expect(sites.getByRole('button', { name: 'Remove acme.greenhouse.io' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toBeEnabled();

    await options.getByRole('region', { name: 'Sites' }).getByRole('button', { name: 'Remove acme.greenhouse.io' }).click();
    await expect(options.getByRole('region', { name: 'Sites' }).getByRole('status')).toContainText('acme.greenhouse.io no longer shows');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lucas M.');
    await expect(page.locator('hirebridge-action')).toHaveCount(0);
  });
});
