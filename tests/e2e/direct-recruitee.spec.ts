import type { BrowserContext, Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { recruitee } from '../../sandbox/recruitee/api';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard, connectDirectAts } from '../../scripts/browser';
import { allowSandboxHost, dialogFrame, expect, routeVendorHosts, sandboxControl, test } from './fixtures';

/**
 * Recruitee connected directly, in Chromium, as shipped: the options page's Production environment reaches
 * api.recruitee.com (served by the sandbox's Recruitee stand-in), Factorial HR its Production host (the sandbox too),
 * and Recruitee's web app is served on app.recruitee.com. The token and company ID are what Recruitee's
 * Settings → Apps and plugins → Personal API tokens page gives.
 */
const TOKEN = recruitee.keys.token;
const COMPANY = recruitee.keys.companyId;
const LUCAS = '46044144'; // Hired on Senior Backend Engineer, job start date 2027-01-04

type State = {
  recruitee: {
    candidates: {
      id: number;
      name: string;
      emails: string[];
      sources: string[];
      links: string[];
      cv: { fileName: string; contentType: string; isPdf: boolean } | null;
      placements: { offer_id: number; stage: string }[];
    }[];
  };
  factorial: { employees: { email: string; first_name?: string; last_name?: string; contract_starts_on?: string }[] };
};
const state = (sandbox: Sandbox) => sandboxControl<State>(sandbox, 'GET', 'state');

async function connectRecruitee(options: Page, context: BrowserContext, sandbox: Sandbox) {
  await routeVendorHosts(context, sandbox);
  await connectDirectAts(options, 'Recruitee', { 'Company ID': COMPANY, 'Personal API token': TOKEN });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
}

/**
 * Recruitee's web app is a single-page app whose routes live in the URL's hash; its markup is not public (see
 * lib/sites/adapters/recruitee.ts), so the page served is an empty app shell: everything comes from the API.
 */
async function serveRecruiteeApp(context: BrowserContext) {
  await context.route('https://app.recruitee.com/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html><head><meta charset="utf-8"><title>Recruitee</title></head><body><div id="app"></div></body></html>',
    }),
  );
}

test.describe('Recruitee, connected directly', () => {
  test('connects with the personal API token and company ID (a wrong token says so) and pulls the jobs', async ({ context, options, sandbox }) => {
    await routeVendorHosts(context, sandbox);
    const ats = options.getByRole('region', { name: 'ATS' });
    await connectDirectAts(options, 'Recruitee', { 'Company ID': COMPANY, 'Personal API token': 'rcte_not_the_right_token' });
    await expect(ats.getByText(/Recruitee did not accept the personal API token/)).toBeVisible();
    await expect(ats.getByText('Connected', { exact: true })).toHaveCount(0);

    // A token whose user's role may not see the jobs: Connect names what the user lacks.
    await sandboxControl(sandbox, 'POST', 'recruitee/rights', { denied: ['offers'] });
    await connectDirectAts(options, 'Recruitee', { 'Company ID': COMPANY, 'Personal API token': TOKEN });
    await expect(ats.getByText(/its Recruitee user is not allowed to see the jobs/)).toBeVisible();
    await expect(ats.getByText('Connected', { exact: true })).toHaveCount(0);

    await sandboxControl(sandbox, 'POST', 'recruitee/rights', { denied: [] });
    await connectDirectAts(options, 'Recruitee', { 'Company ID': COMPANY, 'Personal API token': TOKEN });
    await expect(ats.getByText('Connected', { exact: true })).toBeVisible();
    const jobs = options.getByRole('region', { name: 'Jobs' });
    for (const name of ['Senior Backend Engineer', 'Product Designer', 'Data Analyst', 'Office Manager'])
      await expect(jobs.getByRole('rowheader', { name, exact: true })).toBeVisible();
    // A talent pool is no job.
    await expect(jobs.getByRole('rowheader', { name: 'Engineering talent pool', exact: true })).toHaveCount(0);
  });

  test('exports from a Recruitee candidate URL, pre-filled from the API with the hire’s job start date: one Factorial employee', async ({
    context,
    options,
    sandbox,
  }) => {
    await connectRecruitee(options, context, sandbox);
    await connectCard(options, 'Factorial HR', { environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
    await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
    await serveRecruiteeApp(context);

    const page = await context.newPage();
    // The link Recruitee's own API gives for this candidate (adminapp_url).
    await page.goto(`https://app.recruitee.com/#/dashboard/overview?candidate=${LUCAS}&company=${COMPANY}`);
    const button = page.getByRole('button', { name: 'Export to FactorialHR' });
    await expect(button).toBeEnabled();
    await button.click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Lucas');
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Moreau');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('lucas.moreau@example.com');
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('2027-01-04');
    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await dialog.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Sales' });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Exported');

    const employees = (await state(sandbox)).factorial.employees.filter((e) => e.email === 'lucas.moreau@example.com');
    expect(employees).toHaveLength(1);
    expect(employees[0]).toMatchObject({ contract_starts_on: '2027-01-04' });
  });

  test('Sync to ATS from the sourcing page: one candidate on the job, with the source, the link back and the PDF as its CV file', async ({
    context,
    extensionId,
    options,
    sandbox,
  }) => {
    await connectRecruitee(options, context, sandbox);
    // The demo sourcing app is on the sandbox's own host. Chrome holds a host granted in chrome://extensions until the
    // extension asks for it: Factorial HR on a Custom base URL there asks (as the other specs connect it).
    await allowSandboxHost(context, extensionId);
    await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
    await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
    const jobs = options.getByRole('region', { name: 'Jobs' });
    const row = jobs.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Senior Backend Engineer', exact: true }) });
    await row.getByRole('button', { name: 'Activate' }).click();
    await expect(row).toContainText('Active');

    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-sourcing/people/sp-1001`);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Sync this page to ATS' }).click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Sync to ATS' });
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('zoe.nunez@example.com');
    await expect(dialog.getByRole('combobox', { name: 'Job' }).locator('option:checked')).toHaveText(/^Senior Backend Engineer/);
    await dialog.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Synced to Senior Backend Engineer');

    const zoe = (await state(sandbox)).recruitee.candidates.filter((c) => c.emails.includes('zoe.nunez@example.com'));
    expect(zoe).toHaveLength(1);
    expect(zoe[0].placements).toEqual([expect.objectContaining({ offer_id: 1181300, stage: 'Applied' })]);
    expect(zoe[0].sources).toEqual(['Hirebridge']);
    expect(zoe[0].links).toEqual([`${sandbox.url}/demo-sourcing/people/sp-1001`]);
    expect(zoe[0].cv).toMatchObject({ contentType: 'application/pdf', isPdf: true });
    const pdf = new Uint8Array(await (await fetch(`${sandbox.url}/__sandbox/recruitee/cv/${zoe[0].id}`)).arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain('Rating: 4 / 5');
  });
});
