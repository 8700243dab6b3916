import type { BrowserContext, Page } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { dialogFrame, expect, routeVendorHosts, sandboxControl, test } from './fixtures';

/**
 * Kombo as it really behaves, on Greenhouse's real hostname (served by the test) with the default EU/Production
 * environments (served by the sandbox): a hire's start date lives on the accepted offer, and an integration with
 * "Only Sync Created Applications" does not see candidates created in Greenhouse until their application is
 * imported into Kombo's tracking.
 */
const AISHA = '40112235'; // Hired; her accepted offer has no start date
const SOFIA = '40112236'; // Hired without an offer in Greenhouse

type State = {
  factorial: { employees: { email: string; contract_starts_on?: string }[] };
  kombo: { tracked: string[]; applications: { id: string; remote_id: string }[] };
};

/** Greenhouse person pages as the page shows them: a short name, a stale stage, no email and no start date. */
async function serveGreenhouse(context: BrowserContext, people: Record<string, { name: string; stage: string }>) {
  await context.route('https://app.greenhouse.io/**', async (route) => {
    const match = /^\/people\/(\d+)/.exec(new URL(route.request().url()).pathname);
    const person = match && people[match[1]];
    if (!person) return route.fulfill({ status: 404, body: 'Not found' });
    await route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><title>${person.name} - Greenhouse</title></head><body>
  <div class="person-header"><h1 class="person-name">${person.name}</h1>
    <div data-provides="person-header-actions" class="actions"><button type="button">Reject</button></div></div>
  <div data-provides="application-job" class="job-name">People Partner</div>
  <div data-provides="application-stage" class="current-stage">${person.stage}</div></body></html>`,
    });
  });
}

async function connectProduction(options: Page, context: BrowserContext, sandbox: Sandbox) {
  await routeVendorHosts(context, sandbox);
  await connectCard(options, 'Factorial HR', { environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'EU', apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
}

/**
 * Kombo's "Only Sync Created Applications" on, and Elena created in Greenhouse (not through Kombo) and hired, with
 * an accepted offer starting 2027-03-01.
 */
async function hireInGreenhouse(sandbox: Sandbox, tracking: { importsWaitForSync?: boolean } = {}) {
  // The context fixture resets the sandbox: the switch goes on in the test itself.
  await sandboxControl(sandbox, 'POST', 'kombo/tracking', { syncOnlyCreated: true, ...tracking });
  return sandboxControl<{ remote_id: string; application_remote_id: string }>(sandbox, 'POST', 'candidates', {
    first_name: 'Elena',
    last_name: 'Petrova',
    email: 'elena.petrova@example.com',
    phone: '+34 611 000 111',
    job_id: 'KJ000007',
    hired: true,
    offer: { status: 'ACCEPTED', employment_start_date: '2027-03-01T00:00:00.000Z' },
  });
}

async function openExport(page: Page) {
  const button = page.getByRole('button', { name: 'Export to FactorialHR' });
  await expect(button).toBeEnabled();
  await button.click();
  return dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
}

test.describe('Kombo: start dates from accepted offers', () => {
  test('an accepted offer without a start date, and a hire without an offer: the field stays empty and says why', async ({ context, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    await serveGreenhouse(context, { [AISHA]: { name: 'Aisha K.', stage: 'Hired' }, [SOFIA]: { name: 'Sofia A.', stage: 'Hired' } });
    const page = await context.newPage();
    await page.goto(`https://app.greenhouse.io/people/${AISHA}`);
    let dialog = await openExport(page);
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Khan');
    const start = dialog.getByRole('textbox', { name: 'Start date' });
    await expect(start).toHaveValue('');
    await expect(start).toHaveAccessibleDescription(/^The accepted offer in Greenhouse has no start date\./);
    await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toHaveAccessibleDescription(/Start date/);
    // Typed by hand, the note goes: it explained an empty field.
    await start.fill('2027-02-01');
    await expect(start).not.toHaveAccessibleDescription(/accepted offer/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.goto(`https://app.greenhouse.io/people/${SOFIA}`);
    dialog = await openExport(page);
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Almeida');
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('');
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveAccessibleDescription(/^Greenhouse has no accepted offer for this hire, so it gives no start date\./);
  });

  test('the popup’s hired list and Export all take the start date from the offer, or say why there is none', async ({ context, extensionId, options, sandbox }) => {
    await connectProduction(options, context, sandbox);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const hired = popup.getByRole('list', { name: 'Hired candidates waiting for export' });
    // Nobody's page was opened: what the form shows comes from Kombo alone.
    await hired.getByRole('listitem').filter({ hasText: 'Lucas Moreau' }).getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = popup.getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('2026-12-01');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await hired.getByRole('listitem').filter({ hasText: 'Aisha Khan' }).getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('');
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveAccessibleDescription(/^The accepted offer in Greenhouse has no start date\./);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await popup.getByRole('button', { name: 'Export all' }).click();
    const confirm = popup.getByRole('dialog', { name: 'Export all hired candidates' });
    await expect(confirm.getByRole('list', { name: 'Will be exported (1)' })).toContainText('Lucas Moreau');
    const skipped = confirm.getByRole('list', { name: 'Left out (2)' });
    await expect(skipped.getByRole('listitem').filter({ hasText: 'Aisha Khan' })).toContainText('Missing start date. The accepted offer in Greenhouse has no start date.');
    await expect(skipped.getByRole('listitem').filter({ hasText: 'Sofia Almeida' })).toContainText('Missing start date. Greenhouse has no accepted offer for this hire');
    await confirm.getByRole('combobox', { name: 'Legal entity for everyone' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await confirm.getByRole('button', { name: 'Export 1 candidate' }).click();
    await expect(popup.getByText(/^1 of 1 sent: 1 exported/)).toBeVisible();
    const state = await sandboxControl<State>(sandbox, 'GET', 'state');
    expect(state.factorial.employees.filter((e) => e.email === 'lucas.moreau@example.com')).toMatchObject([{ contract_starts_on: '2026-12-01' }]);
  });
});

test.describe('Kombo: a candidate created in Greenhouse that Kombo does not track', () => {
  test('the dialog says why and imports the application into Kombo’s tracking; the form pre-fills and the export completes', async ({ context, options, sandbox }) => {
    const elena = await hireInGreenhouse(sandbox);
    await connectProduction(options, context, sandbox);
    await serveGreenhouse(context, { [elena.remote_id]: { name: 'Elena P.', stage: 'Offer' } });
    const page = await context.newPage();
    await page.goto(`https://app.greenhouse.io/people/${elena.remote_id}?application_id=${elena.application_remote_id}`);

    // The page's stage is stale and Kombo cannot say: the button stays usable, and says where to look.
    const button = page.getByRole('button', { name: 'Export to FactorialHR' });
    await expect(button).toHaveAccessibleDescription('Kombo does not see this candidate. Open the export to see why and what to do.');
    const dialog = await openExport(page);
    const notice = dialog.getByRole('status').filter({ hasText: 'Kombo does not know' });
    await expect(notice).toContainText(`Kombo does not know this Greenhouse candidate (id ${elena.remote_id}).`);
    await expect(notice).toContainText('“Only Sync Created Applications”');
    await expect(notice).toContainText('ask your Kombo admin to switch off “Only Sync Created Applications” for this integration');
    // Not a blank form: what the page shows is there.
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Elena');
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('P.');

    await notice.getByRole('button', { name: 'Import into Kombo’s tracking' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Petrova');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('elena.petrova@example.com');
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('2027-03-01');
    await expect(dialog.getByText('Kombo does not know')).toHaveCount(0);
    const state = await sandboxControl<State>(sandbox, 'GET', 'state');
    const application = state.kombo.applications.find((a) => a.remote_id === elena.application_remote_id)!;
    expect(state.kombo.tracked).toContain(application.id);

    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR');
    const after = await sandboxControl<State>(sandbox, 'GET', 'state');
    expect(after.factorial.employees.filter((e) => e.email === 'elena.petrova@example.com')).toMatchObject([{ contract_starts_on: '2027-03-01' }]);
  });

  test('an import Greenhouse refuses is said in plain words with Kombo’s code; without the application id, the way out', async ({ context, options, sandbox }) => {
    const elena = await hireInGreenhouse(sandbox);
    await connectProduction(options, context, sandbox);
    await serveGreenhouse(context, { [elena.remote_id]: { name: 'Elena Petrova', stage: 'Hired' } });
    const page = await context.newPage();
    await page.goto(`https://app.greenhouse.io/people/${elena.remote_id}?application_id=77777777`);
    let dialog = await openExport(page);
    await dialog.getByRole('button', { name: 'Import into Kombo’s tracking' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'Greenhouse refused to let Kombo import this application into its tracking (REMOTE.INPUT_INVALID). Kombo said: Greenhouse answered 404 Not Found for GET /v1/applications/77777777: there is no application with this id.',
    );
    // Nothing lost: the form and the way out are still there.
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Petrova');
    await expect(dialog.getByRole('button', { name: 'Import into Kombo’s tracking' })).toBeEnabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A person page that does not name the application: no import from here, and what to do instead.
    await page.goto(`https://app.greenhouse.io/people/${elena.remote_id}`);
    dialog = await openExport(page);
    const notice = dialog.getByRole('status').filter({ hasText: 'Kombo does not know' });
    await expect(notice).toContainText('open the candidate’s application in Greenhouse (its page address names the application)');
    await expect(dialog.getByRole('button', { name: 'Import into Kombo’s tracking' })).toHaveCount(0);
    const log = await sandboxControl<{ method: string; path: string; status: number }[]>(sandbox, 'GET', 'requests');
    expect(log.filter((r) => r.path.endsWith('/ats/import-tracked-application')).map((r) => r.status)).toEqual([400]);
  });

  test('when Kombo fetches the imported application only with its next sync, the dialog says so and Look again finds it', async ({ context, options, sandbox }) => {
    const elena = await hireInGreenhouse(sandbox, { importsWaitForSync: true });
    await connectProduction(options, context, sandbox);
    await serveGreenhouse(context, { [elena.remote_id]: { name: 'Elena P.', stage: 'Hired' } });
    const page = await context.newPage();
    await page.goto(`https://app.greenhouse.io/people/${elena.remote_id}/applications/${elena.application_remote_id}`);
    const dialog = await openExport(page);
    await dialog.getByRole('button', { name: 'Import into Kombo’s tracking' }).click();
    const notice = dialog.getByRole('status').filter({ hasText: 'Kombo does not know' });
    await expect(notice).toContainText('Kombo now tracks this application; its data arrives with Kombo’s next sync of Greenhouse.');
    await expect(dialog.getByRole('button', { name: 'Import into Kombo’s tracking' })).toHaveCount(0);

    await sandboxControl(sandbox, 'POST', 'kombo/sync');
    await notice.getByRole('button', { name: 'Look again' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Petrova');
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('2027-03-01');
    const log = await sandboxControl<{ path: string }[]>(sandbox, 'GET', 'requests');
    expect(log.filter((r) => r.path.endsWith('/ats/import-tracked-application'))).toHaveLength(1);
  });
});
