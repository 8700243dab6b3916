import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { workable } from '../../sandbox/workable/api';
import { connectCard, connectDirectAts } from '../../scripts/browser';
import { dialogFrame, expect, openSyncOnDemoSourcing, routeVendorHosts, sandboxControl, test } from './fixtures';

/**
 * Workable connected directly, in Chromium, as a team would: the Admin's API access token and the account's subdomain;
 * the API on the account's real host (https://hirebridge-demo.workable.com/spi/v3, served by the Workable stand-in);
 * the web app's candidate page on the same host (served by the test, the public real-page fixture's markup); Factorial HR
 * on its real host (the sandbox).
 */
const SUBDOMAIN = workable.keys.Subdomain;
const TOKEN = workable.keys['API access token'];
const HOST = `https://${SUBDOMAIN}.workable.com`;
const EXPORT = { name: 'Export to FactorialHR' };

type Candidate = { id: string; email: string; job: { shortcode: string }; stage: string; sourced: boolean; tags: string[]; cover_letter: string | null; answers: { question: { body: string }; answer: Record<string, unknown> }[]; resume: { name: string; bytes: number; pdf: boolean } | null };
type State = { workable: { candidates: Candidate[]; writes: { method: string; path: string }[] }; factorial: { employees: { email: string; first_name: string; last_name: string; contract_starts_on?: string }[] } };
const state = (sandbox: Sandbox) => sandboxControl<State>(sandbox, 'GET', 'state');

async function connect(options: Page, context: BrowserContext, sandbox: Sandbox) {
  await routeVendorHosts(context, sandbox);
  await connectCard(options, 'Factorial HR', { environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
  await connectDirectAts(options, 'Workable', { Subdomain: SUBDOMAIN, 'API access token': TOKEN });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
  // The first jobs pull (started by connecting) is done before the test goes on: at 10 requests per 10 s, a page
  // opened meanwhile would wait behind it for its look-ups.
  const jobs = options.getByRole('region', { name: 'Jobs' });
  for (const name of ['Backend Engineer', 'Product Designer', 'Data Analyst', 'Office Manager']) await expect(jobs.getByRole('rowheader', { name, exact: true })).toBeVisible();
}

/** The job browser with a candidate open, as Workable's web app addresses it (the real-page fixture's markup). */
async function serveJobBrowser(context: BrowserContext) {
  const page = readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'sites', 'workable', 'browser.html'), 'utf8').replace(/Chloé Martin/g, 'Lucas Moreau').replace('chloe.martin@example.com', '');
  // Registered after the API's route: Playwright tries the last registered route first.
  await context.route(`${HOST}/backend/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page }));
}

test.describe('Workable, connected directly', () => {
  test('connect with the subdomain and API access token; a wrong token and a missing scope say so', async ({ context, options, sandbox }) => {
    await routeVendorHosts(context, sandbox);
    const ats = options.getByRole('region', { name: 'ATS' });
    await connectDirectAts(options, 'Workable', { Subdomain: SUBDOMAIN, 'API access token': 'not-the-token' });
    await expect(ats.getByText(/The API key was rejected by Workable/)).toBeVisible();
    await expect(ats.getByText('Connected', { exact: true })).toHaveCount(0);

    await sandboxControl(sandbox, 'POST', 'workable/scopes', { scopes: ['r_jobs', 'w_candidates'] });
    await connectDirectAts(options, 'Workable', { Subdomain: SUBDOMAIN, 'API access token': TOKEN });
    await expect(ats.getByText(/has no r_candidates scope/)).toBeVisible();

    await sandboxControl(sandbox, 'POST', 'workable/scopes', { scopes: ['r_jobs', 'r_candidates', 'w_candidates'] });
    await connectDirectAts(options, 'Workable', { Subdomain: SUBDOMAIN, 'API access token': TOKEN });
    await expect(ats.getByText('Connected', { exact: true })).toBeVisible();
  });

  test('the jobs pull lists Workable’s jobs, open and closed, in the Jobs tab', async ({ context, options, sandbox }) => {
    await connect(options, context, sandbox);
    const jobs = options.getByRole('region', { name: 'Jobs' });
    for (const name of ['Backend Engineer', 'Product Designer', 'Data Analyst', 'Office Manager']) await expect(jobs.getByRole('rowheader', { name, exact: true })).toBeVisible();
  });

  test('an export from Workable’s candidate page, pre-filled from its API (start date from the offer), creates one employee', async ({ context, options, sandbox }) => {
    await connect(options, context, sandbox);
    await serveJobBrowser(context);
    const page = await context.newPage();
    await page.goto(`${HOST}/backend/jobs/4087255/browser/hired/candidate/370715912`);
    const button = page.locator('body > hirebridge-action').getByRole('button', EXPORT);
    // Workable allows 10 requests per 10 s: the page's look-ups (the job, its candidates, the record) take their turn
    // after the connect's and the first pull's, so the answer may come in the next window or the one after.
    await expect(button).toBeEnabled({ timeout: 30_000 });
    await button.click();
    const dialog = dialogFrame(page).getByRole('dialog', EXPORT);
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Lucas');
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Moreau');
    // Neither on the page: from Workable's API (the candidate, and the start date of the offer).
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('lucas.moreau@example.com');
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('2027-01-11');
    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Exported');
    const employees = (await state(sandbox)).factorial.employees.filter((e) => e.email === 'lucas.moreau@example.com');
    expect(employees).toMatchObject([{ first_name: 'Lucas', last_name: 'Moreau', contract_starts_on: '2027-01-11' }]);
  });

  test('the popup’s hired list comes from Workable’s hired stage, each with the start date of its offer or why there is none', async ({ context, extensionId, options, sandbox }) => {
    await connect(options, context, sandbox);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const hired = popup.getByRole('list', { name: 'Hired candidates waiting for export' });
    for (const name of ['Lucas Moreau', 'Ana García López', 'Sofia Rossi']) await expect(hired.getByRole('listitem').filter({ hasText: name })).toBeVisible();
    await hired.getByRole('listitem').filter({ hasText: 'Lucas Moreau' }).getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = popup.getByRole('dialog', EXPORT);
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('2027-01-11');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await hired.getByRole('listitem').filter({ hasText: 'Sofia Rossi' }).getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('');
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveAccessibleDescription(/^Workable has no accepted offer for this hire, so it gives no start date\./);
  });

  test('Sync to ATS from the demo sourcing page: one sourced candidate on the job, with the source tag, the answers and the PDF as its resume', async ({ context, extensionId, options, sandbox }) => {
    await connect(options, context, sandbox);
    const jobs = options.getByRole('region', { name: 'Jobs' });
    const row = jobs.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Backend Engineer', exact: true }) });
    await row.getByRole('button', { name: 'Activate' }).click();
    await expect(row).toContainText('Active');

    const { dialog } = await openSyncOnDemoSourcing(context, extensionId, options, sandbox);
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('zoe.nunez@example.com');
    await dialog.getByRole('combobox', { name: 'Job' }).selectOption({ label: 'Backend Engineer — Berlin, Berlin, Germany' });
    await dialog.getByRole('textbox', { name: 'Why do you want to join us? (required)' }).fill('The payments platform.');
    await dialog.getByRole('group', { name: 'Are you authorised to work in the EU? (required)' }).getByRole('radio', { name: 'Yes' }).check();
    await dialog.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Synced to Backend Engineer');

    const s = await state(sandbox);
    const created = s.workable.candidates.filter((c) => c.email === 'zoe.nunez@example.com');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ job: { shortcode: 'HB0001' }, stage: 'Sourced', sourced: true });
    expect(created[0].tags).toHaveLength(1);
    expect(created[0].cover_letter).toContain(`${sandbox.url}/demo-sourcing/people/sp-1001`);
    expect(created[0].answers.map((a) => [a.question.body, a.answer])).toEqual([
      ['Why do you want to join us?', { body: 'The payments platform.' }],
      ['Are you authorised to work in the EU?', { checked: true }],
    ]);
    expect(created[0].resume).toMatchObject({ name: 'Candidate profile - Zoe Nunez.pdf', pdf: true });
    expect(s.workable.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
    // The resume is the PDF profile itself (its bytes start as a PDF does), not a link to it.
    expect(created[0].resume!.bytes).toBeGreaterThan(1000);
  });
});
