import type { BrowserContext, Page } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { TEAMTAILOR_SANDBOX_KEY } from '../../sandbox/teamtailor/api';
import { connectCard, connectDirectAts, grantHostPermission } from '../../scripts/browser';
import { allowSandboxHost, dialogFrame, expect, routeVendorHosts, sandboxControl, test } from './fixtures';

/**
 * Teamtailor connected directly, in Chromium: the extension calls api.teamtailor.com (the EU stack, as shipped), which
 * the sandbox's Teamtailor stand-in answers; Teamtailor's candidate page is served on app.teamtailor.com; Factorial HR
 * is the sandbox on api.factorialhr.com.
 */

const LUCAS = '41877321'; // Hired on "Frontend Engineer" in the stand-in (its id is the web app's and the API's)
const ZOE = { email: 'zoe.nunez@example.com', sourcing: 'sp-1001' };

type TtState = {
  teamtailor: {
    candidates: { id: string; email: string; tags: string[]; resume: string | null }[];
    applications: { id: string; candidateId: string; jobId: string; sourced: boolean; referringUrl: string | null }[];
    answers: { candidateId: string; questionId: string; boolean: unknown }[];
  };
  factorial: { employees: { email: string; id: number }[] };
};
const state = (sandbox: Sandbox) => sandboxControl<TtState>(sandbox, 'GET', 'state');

async function connectFactorialAndTeamtailor(options: Page, context: BrowserContext, sandbox: Sandbox) {
  await routeVendorHosts(context, sandbox);
  await connectCard(options, 'Factorial HR', { environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
  const ats = options.getByRole('region', { name: 'ATS' });

  // A key Teamtailor does not know: said so, not connected.
  await connectDirectAts(options, 'Teamtailor', { 'API key': 'tt-wrong-key-0000' }, { environment: 'EU stack (api.teamtailor.com)' });
  await expect(ats.getByText(/Teamtailor rejected the API key/)).toBeVisible();
  await expect(ats.getByText('Connected', { exact: true })).toHaveCount(0);

  await connectDirectAts(options, 'Teamtailor', { 'API key': TEAMTAILOR_SANDBOX_KEY }, { environment: 'EU stack (api.teamtailor.com)' });
  await expect(ats.getByText('Connected', { exact: true })).toBeVisible();
}

test.describe('Teamtailor, connected directly', () => {
  test('a key without the Admin scope is told which scope it needs', async ({ context, options, sandbox }) => {
    await routeVendorHosts(context, sandbox);
    await sandboxControl(sandbox, 'POST', 'teamtailor/key', { scope: 'internal' });
    await connectDirectAts(options, 'Teamtailor', { 'API key': TEAMTAILOR_SANDBOX_KEY });
    await expect(options.getByRole('region', { name: 'ATS' }).getByText(/Admin scope and both Read and Write/)).toBeVisible();
  });

  test('connect, pull the jobs, export Teamtailor’s hired candidate from their page, sync a sourced person with one application', async ({ context, extensionId, options, sandbox }) => {
    // The demo sourcing page is served by the sandbox on 127.0.0.1: allowed as Sites → "Allow the demo ATS" does (headless
    // Chromium cannot click a permission prompt: the hosts are approved first, as in chrome://extensions).
    await allowSandboxHost(context, extensionId);
    await grantHostPermission(context, extensionId, 'http://localhost/*');
    await options.getByRole('button', { name: 'Allow the demo ATS on this computer' }).click();
    await expect(options.getByRole('region', { name: 'Sites' }).getByRole('status')).toHaveText(/^Allowed/);
    await connectFactorialAndTeamtailor(options, context, sandbox);

    // Jobs pull: every job, open and closed, with its location.
    const jobs = options.getByRole('region', { name: 'Jobs' });
    for (const name of ['Frontend Engineer', 'Account Executive', 'Customer Success Manager', 'Data Analyst']) {
      await expect(jobs.getByRole('rowheader', { name, exact: true })).toBeVisible();
    }
    const frontend = jobs.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Frontend Engineer', exact: true }) });
    await expect(frontend).toContainText('Stockholm');

    // Export from Teamtailor's own candidate page: the form is filled from Teamtailor's API.
    await context.route('https://app.teamtailor.com/**', (route) =>
      new URL(route.request().url()).pathname === `/companies/w2uyscMTojM/candidates/${LUCAS}`
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><html><head><title>Lucas Moreau · Teamtailor</title></head><body><main><h1>Lucas Moreau</h1></main></body></html>' })
        : route.fulfill({ status: 404, body: 'Not found' }),
    );
    const page = await context.newPage();
    await page.goto(`https://app.teamtailor.com/companies/w2uyscMTojM/candidates/${LUCAS}`);
    await page.getByRole('button', { name: 'Export to FactorialHR' }).click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Lucas');
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Moreau');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('lucas.moreau@example.com');
    await expect(dialog.getByRole('textbox', { name: 'Phone' })).toHaveValue('+33 6 12 34 56 78');
    await expect(dialog.getByRole('textbox', { name: 'Job title' })).toHaveValue('Frontend Engineer');
    // Teamtailor's docs document no job offers: no start date is claimed, the recruiter gives it.
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('');
    await dialog.getByRole('textbox', { name: 'Start date' }).fill('2027-01-04');
    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Exported');
    expect((await state(sandbox)).factorial.employees.filter((e) => e.email === 'lucas.moreau@example.com')).toHaveLength(1);
    // The popup acts on the web tab used last: this one is done.
    await page.close();

    // Sync to ATS from the demo sourcing page, onto the Active "Frontend Engineer".
    await frontend.getByRole('button', { name: 'Activate' }).click();
    await expect(frontend).toContainText('Active');
    const sourcing = await context.newPage();
    await sourcing.goto(`${sandbox.url}/demo-sourcing/people/${ZOE.sourcing}`);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Sync this page to ATS' }).click();
    const sync = dialogFrame(sourcing).getByRole('dialog', { name: 'Sync to ATS' });
    await expect(sync.getByRole('textbox', { name: 'Email' })).toHaveValue(ZOE.email);
    await sync.getByRole('combobox', { name: 'Job' }).selectOption({ label: 'Frontend Engineer — Stockholm' });
    await sync.getByRole('group', { name: 'Do you have the right to work in the EU? (required)' }).getByRole('radio', { name: 'Yes' }).check();
    await sync.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(sync.getByRole('status')).toContainText('Synced to Frontend Engineer');
    // The CV the Teamtailor way: not attached (URL only), said plainly, and the PDF offered instead.
    await expect(sync.getByText(/PDF profile was not attached: Teamtailor takes a CV only as a link/)).toBeVisible();
    await expect(sync.getByRole('button', { name: 'Download PDF profile' })).toBeVisible();

    const s = (await state(sandbox)).teamtailor;
    const zoe = s.candidates.filter((c) => c.email === ZOE.email);
    expect(zoe).toEqual([expect.objectContaining({ tags: ['Hirebridge'], resume: null })]);
    const applications = s.applications.filter((a) => a.candidateId === zoe[0].id);
    expect(applications).toEqual([expect.objectContaining({ jobId: '7301', sourced: true, referringUrl: `${sandbox.url}/demo-sourcing/people/${ZOE.sourcing}` })]);
    expect(s.answers.filter((a) => a.candidateId === zoe[0].id)).toEqual([expect.objectContaining({ questionId: '6040', boolean: true })]);
  });
});
