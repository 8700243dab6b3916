import type { BrowserContext, Page } from '@playwright/test';
import { GREENHOUSE_KEYS } from '../../sandbox/greenhouse/api';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard, connectDirectAts } from '../../scripts/browser';
import { dialogFrame, expect, openSyncOnDemoSourcing, routeVendorHosts, sandboxControl, test } from './fixtures';

/**
 * Greenhouse connected directly (Harvest v3, client credentials) on its real hostnames — harvest.greenhouse.io and
 * auth.greenhouse.io, served by the sandbox's Greenhouse stand-in — with Factorial HR on api.factorialhr.com: connect
 * (a wrong secret says so), the jobs pull, an export from app.greenhouse.io's person page pre-filled from Harvest (the
 * start date from the accepted offer), and Sync to ATS from the demo sourcing page (candidate with the source tag and
 * the link, one application on the job, the PDF profile as its resume).
 */

const LUCAS = '7001'; // hired on application 8001, accepted offer starting 2027-01-04
type GhState = {
  greenhouse: {
    candidates: { id: number; email_addresses: { value: string }[]; tags: string[]; website_addresses: { value: string }[] }[];
    applications: { id: number; candidate_id: number; job_id: number }[];
    attachments: { application_id: number; type: string; filename: string; magic: string }[];
  };
  factorial: { employees: { email: string; contract_starts_on?: string }[] };
};
const state = (sandbox: Sandbox) => sandboxControl<GhState>(sandbox, 'GET', 'state');

async function connectGreenhouse(options: Page, context: BrowserContext, sandbox: Sandbox) {
  await routeVendorHosts(context, sandbox);
  await connectDirectAts(options, 'Greenhouse', { 'Client ID': GREENHOUSE_KEYS.clientId, 'Client Secret': GREENHOUSE_KEYS.clientSecret });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
}

/** A person page shaped like tests/fixtures/sites/greenhouse/person.html: a heading, no email, the id in the URL. */
async function serveGreenhousePerson(context: BrowserContext) {
  await context.route('https://app.greenhouse.io/**', async (route) => {
    const match = /^\/people\/(\d+)$/.exec(new URL(route.request().url()).pathname);
    if (!match || match[1] !== LUCAS) return route.fulfill({ status: 404, body: 'Not found' });
    await route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><title>Lucas M. - Greenhouse</title></head><body><header><h1>Lucas M.</h1></header><a href="/people/${LUCAS}/activity">Activity</a></body></html>`,
    });
  });
}

test.describe('Greenhouse, connected directly', () => {
  test('connect with the Client ID and Client Secret (a wrong secret says so), then the jobs pull lists its jobs', async ({ context, options, sandbox }) => {
    await routeVendorHosts(context, sandbox);
    const ats = options.getByRole('region', { name: 'ATS' });
    await connectDirectAts(options, 'Greenhouse', { 'Client ID': GREENHOUSE_KEYS.clientId, 'Client Secret': 'not-the-secret' });
    await expect(ats.getByRole('alert')).toContainText('Greenhouse rejected the Client ID or Client Secret');
    await expect(ats.getByText('Connected', { exact: true })).toHaveCount(0);

    await connectDirectAts(options, 'Greenhouse', { 'Client ID': GREENHOUSE_KEYS.clientId, 'Client Secret': GREENHOUSE_KEYS.clientSecret });
    await expect(ats.getByText('Connected', { exact: true })).toBeVisible();
    const jobs = options.getByRole('region', { name: 'Jobs' });
    for (const name of ['Senior Backend Engineer', 'Product Designer', 'Data Analyst']) await expect(jobs.getByRole('rowheader', { name, exact: true })).toBeVisible();
    // The token came from auth.greenhouse.io, the jobs from harvest.greenhouse.io/v3 (both on their real hosts).
    const requests = await sandboxControl<{ vendor: string; method: string; path: string }[]>(sandbox, 'GET', 'requests');
    expect(requests.some((r) => r.vendor === 'greenhouse' && r.method === 'POST' && r.path === '/greenhouse/token')).toBe(true);
    expect(requests.some((r) => r.vendor === 'greenhouse' && r.path === '/greenhouse/v3/jobs')).toBe(true);
  });

  test('export from the person page: pre-filled from Harvest, start date from the accepted offer, one employee', async ({ context, options, sandbox }) => {
    await connectGreenhouse(options, context, sandbox);
    await connectCard(options, 'Factorial HR', { environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
    await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
    await serveGreenhousePerson(context);
    const page = await context.newPage();
    await page.goto(`https://app.greenhouse.io/people/${LUCAS}?application_id=8001`);
    const button = page.getByRole('button', { name: 'Export to FactorialHR' });
    await expect(button).toBeEnabled();
    await button.click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    // The page says "Lucas M." and no email: these come from Harvest's candidate 7001.
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Moreau');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('lucas.moreau@example.com');
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('2027-01-04');
    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR');
    const s = await state(sandbox);
    expect(s.factorial.employees.filter((e) => e.email === 'lucas.moreau@example.com')).toMatchObject([{ contract_starts_on: '2027-01-04' }]);
  });

  test('Sync to ATS from the demo sourcing page: one candidate with the source tag and the link, one application on the job, the PDF as its resume', async ({ context, extensionId, options, sandbox }) => {
    await connectGreenhouse(options, context, sandbox);
    const jobs = options.getByRole('region', { name: 'Jobs' });
    const row = jobs.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Senior Backend Engineer', exact: true }) });
    await row.getByRole('button', { name: 'Activate' }).click();
    await expect(row).toContainText('Active');

    const { dialog } = await openSyncOnDemoSourcing(context, extensionId, options, sandbox);
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('zoe.nunez@example.com');
    await dialog.getByRole('combobox', { name: 'Job' }).selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Synced to Senior Backend Engineer');

    const s = (await state(sandbox)).greenhouse;
    const zoe = s.candidates.filter((c) => c.email_addresses.some((e) => e.value === 'zoe.nunez@example.com'));
    expect(zoe).toHaveLength(1);
    expect(zoe[0].tags).toEqual(['Hirebridge']);
    expect(zoe[0].website_addresses.map((w) => w.value)).toEqual([`${sandbox.url}/demo-sourcing/people/sp-1001`]);
    const applications = s.applications.filter((a) => a.candidate_id === zoe[0].id);
    expect(applications).toEqual([expect.objectContaining({ job_id: 5001 })]);
    expect(s.attachments.filter((a) => a.application_id === applications[0].id)).toEqual([expect.objectContaining({ type: 'resume', magic: '%PDF' })]);
  });
});
