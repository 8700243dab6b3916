import type { BrowserContext, Page } from '@playwright/test';
import { ASHBY_IDS, ASHBY_SANDBOX_KEY } from '../../sandbox/ashby/api';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard, connectDirectAts } from '../../scripts/browser';
import { dialogFrame, expect, openSyncOnDemoSourcing, routeVendorHosts, sandboxControl, test } from './fixtures';

/**
 * Ashby connected directly, in Chromium, against the Ashby stand-in answering on api.ashbyhq.com (sandbox/ashby/api.ts,
 * written from Ashby's OpenAPI in tests/vendor/ashby) and Factorial HR on api.factorialhr.com.
 */

type AshbyState = {
  candidates: { id: string; name: string; emails: string[]; sourceId: string | null; socialLinks: { url: string }[]; resume: { name: string; pdf: boolean } | null }[];
  applications: { id: string; candidateId: string; jobId: string; sourceId: string | null }[];
};
const ashbyState = async (sandbox: Sandbox) => (await sandboxControl<{ ashby: AshbyState }>(sandbox, 'GET', 'state')).ashby;

/** Ashby's application-review deep link, the one page that opens for every seat (lib/sites/adapters/ashby.ts). */
const REVIEW_URL = `https://app.ashbyhq.com/candidates/pipeline/application-review/right-side/candidates/${ASHBY_IDS.lucas}/applications/${ASHBY_IDS.lucasApplication}/feed`;
/** Ashby's markup is not public (the adapter reads nothing from it): a minimal page at the real URL. */
const REVIEW_PAGE = '<!doctype html><html lang="en"><head><title>Lucas Moreau – Ashby</title></head><body><main><h1>Lucas Moreau</h1><p>Backend Engineer · Hired</p></main></body></html>';

async function connectAshby(options: Page, context: BrowserContext, sandbox: Sandbox) {
  await routeVendorHosts(context, sandbox);
  const ats = options.getByRole('region', { name: 'ATS' });
  // A wrong key is refused in Ashby's words (a 403 for a wrong or deactivated key).
  await connectDirectAts(options, 'Ashby', { 'API Key': 'not-an-ashby-key' });
  await expect(ats.getByText(/Ashby refused the API key: it is wrong or has been deactivated/)).toBeVisible();
  await expect(ats.getByText('Connected', { exact: true })).toHaveCount(0);
  await connectDirectAts(options, 'Ashby', { 'API Key': ASHBY_SANDBOX_KEY });
  await expect(ats.getByText('Connected', { exact: true })).toBeVisible();
}

async function connectFactorial(options: Page) {
  await connectCard(options, 'Factorial HR', { environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
}

async function activate(options: Page, jobName: string) {
  const row = options.getByRole('region', { name: 'Jobs' }).getByRole('row').filter({ has: options.getByRole('rowheader', { name: jobName, exact: true }) });
  await row.getByRole('button', { name: 'Activate' }).click();
  await expect(row).toContainText('Active');
}

test.describe('Ashby, connected directly', () => {
  test('connect with the API Key (a wrong one says so), then the jobs pull lists open, closed and archived jobs', async ({ context, options, sandbox }) => {
    await connectAshby(options, context, sandbox);
    const jobs = options.getByRole('region', { name: 'Jobs' });
    for (const name of ['Backend Engineer', 'Product Designer', 'Data Analyst', 'Sales Lead']) await expect(jobs.getByRole('rowheader', { name, exact: true })).toBeVisible();
    // Drafts are not listed (job.list leaves them out unless asked).
    await expect(jobs.getByRole('rowheader', { name: 'Head of Draft', exact: true })).toHaveCount(0);
    const calls = (await sandboxControl<{ vendor: string; path: string; status: number }[]>(sandbox, 'GET', 'requests')).filter((r) => r.vendor === 'ashby');
    expect(calls.some((r) => r.path === '/ashby/apiKey.info' && r.status === 403)).toBe(true);
    expect(calls.some((r) => r.path === '/ashby/job.list' && r.status === 200)).toBe(true);
  });

  test("export from Ashby's application-review page: pre-filled from its API with the offer's start date, one Factorial employee", async ({ context, options, sandbox }) => {
    await connectAshby(options, context, sandbox);
    await connectFactorial(options);
    await context.route('https://app.ashbyhq.com/**', (route) =>
      new URL(route.request().url()).pathname === new URL(REVIEW_URL).pathname
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: REVIEW_PAGE })
        : route.fulfill({ status: 404, body: 'Not found' }),
    );
    const page = await context.newPage();
    await page.goto(REVIEW_URL);
    await page.getByRole('button', { name: 'Export to FactorialHR' }).click();

    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Lucas');
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Moreau');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('lucas.moreau@example.com');
    await expect(dialog.getByRole('textbox', { name: 'Phone' })).toHaveValue('+33 6 12 34 56 78');
    // The accepted offer's start date (a declined earlier offer had another).
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('2026-12-01');

    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await dialog.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Sales' });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Exported');
    const employees = (await sandboxControl<{ factorial: { employees: { email: string }[] } }>(sandbox, 'GET', 'state')).factorial.employees;
    expect(employees.filter((e) => e.email === 'lucas.moreau@example.com')).toHaveLength(1);
  });

  test('Sync to ATS from the demo sourcing page: one candidate, one application on the job, with the source and the resume', async ({ context, extensionId, options, sandbox }) => {
    await connectAshby(options, context, sandbox);
    await activate(options, 'Backend Engineer');
    const { dialog } = await openSyncOnDemoSourcing(context, extensionId, options, sandbox);
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('zoe.nunez@example.com');
    await dialog.getByRole('combobox', { name: 'Job' }).selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Synced to Backend Engineer');

    const s = await ashbyState(sandbox);
    const zoe = s.candidates.filter((c) => c.emails.includes('zoe.nunez@example.com'));
    expect(zoe).toHaveLength(1);
    expect(zoe[0].sourceId).toBe(ASHBY_IDS.hirebridgeSource);
    expect(zoe[0].resume).toMatchObject({ name: 'Candidate profile - Zoe Nunez.pdf', pdf: true });
    expect(zoe[0].socialLinks.map((l) => l.url)).toEqual([`${sandbox.url}/demo-sourcing/people/sp-1001`]);
    const applications = s.applications.filter((a) => a.candidateId === zoe[0].id);
    expect(applications).toEqual([expect.objectContaining({ jobId: ASHBY_IDS.backendJob, sourceId: ASHBY_IDS.hirebridgeSource })]);
  });
});
