import type { BrowserContext, Page } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { allowSandboxHost, expect, sandboxControl, test, dialogFrame } from './fixtures';

/**
 * Kombo's write failures as a recruiter meets them in Sync to ATS (Lever page -> Greenhouse through Kombo, the
 * sandbox), and what Kombo holds afterwards: setup errors, a create slower than the wait, warnings, attachment rules.
 */

const LEVER_ID = '8f1c2a7e-5d3b-4c1e-9a2f-6b7c8d9e0f1a';
const EMAIL = 'zoe.nunez@example.com';

async function serveLever(context: BrowserContext) {
  await context.route('https://hire.lever.co/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><meta charset="utf-8"><title>Zoë Ñúñez – Lever Hire</title></head><body>
<div class="profile-header"><h1 class="candidate-name">Zoë Ñúñez</h1><div class="profile-header-actions"><button>Archive</button></div></div>
<div class="posting-title">Frontend Engineer</div><div class="stage-name">Phone screen</div><a href="mailto:${EMAIL}">${EMAIL}</a></body></html>`,
    }),
  );
}

async function setUp(context: BrowserContext, extensionId: string, options: Page, sandbox: Sandbox) {
  await allowSandboxHost(context, extensionId);
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
  const jobs = options.getByRole('region', { name: 'Jobs' });
  const row = jobs.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Frontend Engineer', exact: true }) });
  await row.getByRole('button', { name: 'Activate' }).click();
  await expect(row).toContainText('Active');
}

async function syncZoe(context: BrowserContext) {
  await serveLever(context);
  const page = await context.newPage();
  await page.goto(`https://hire.lever.co/candidates/${LEVER_ID}`);
  await page.getByRole('button', { name: 'Sync to ATS' }).click();
  const dialog = dialogFrame(page).getByRole('dialog', { name: 'Sync to ATS' });
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue(EMAIL);
  await dialog.getByRole('combobox', { name: 'Job' }).selectOption({ label: 'Frontend Engineer — Berlin' });
  await dialog.getByRole('group', { name: 'Do you have the right to work in the EU? (required)' }).getByRole('radio', { name: 'Yes' }).check();
  await dialog.getByRole('textbox', { name: 'Years of professional experience (required)' }).fill('5');
  await dialog.getByRole('textbox', { name: 'Earliest start date (required)' }).fill('2027-03-01');
  await dialog.getByRole('button', { name: 'Sync', exact: true }).click();
  return { page, dialog };
}

type State = { kombo: { candidates: { id: string; email_addresses: { email_address: string }[] }[]; applications: { candidate_id: string }[]; attachments: { application_id?: string }[] } };
async function inKombo(sandbox: Sandbox) {
  const s = await sandboxControl<State>(sandbox, 'GET', 'state');
  const people = s.kombo.candidates.filter((c) => c.email_addresses.some((e) => e.email_address === EMAIL));
  const applications = s.kombo.applications.filter((a) => people.some((p) => p.id === a.candidate_id));
  return { candidates: people.length, applications: applications.length, attachments: s.kombo.attachments.filter((a) => applications.some(() => true) && a.application_id).length };
}

async function activityLog(context: BrowserContext, extensionId: string) {
  const log = await context.newPage();
  await log.goto(`chrome-extension://${extensionId}/options.html#activity`);
  return log.getByRole('region', { name: 'Activity' });
}

test('a Kombo setup error (409 INTEGRATION.QA_FAILED) is not "already applied": the dialog and the log say what the Kombo admin must fix, and nothing exists in the ATS', async ({ context, extensionId, options, sandbox }) => {
  await setUp(context, extensionId, options, sandbox);
  await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'kombo', kind: 'kombo-error', code: 'INTEGRATION.QA_FAILED', method: 'POST', pathIncludes: '/applications' });
  const { dialog } = await syncZoe(context);
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Not synced');
  await expect(alert).toContainText('INTEGRATION.QA_FAILED');
  await expect(alert).toContainText('A Kombo admin must open the integration in the Kombo dashboard');
  await expect(dialog).not.toContainText('Already synced');
  const log = await activityLog(context, extensionId);
  await expect(log.getByRole('cell', { name: /Sync of Zoë Ñúñez to Frontend Engineer needs attention: .*INTEGRATION\.QA_FAILED/ })).toBeVisible();
  expect(await inKombo(sandbox)).toMatchObject({ candidates: 0, applications: 0 });
});

test('a create slower than the wait is looked up, not sent again: found later, it is this sync (not "Already synced"), one candidate and one application', async ({ context, extensionId, options, sandbox }) => {
  // Its look comes by Chrome's shortest alarm (30 s) after the answer: more than the suite's 45 s on a busy machine.
  test.setTimeout(150_000);
  await setUp(context, extensionId, options, sandbox);
  // The admin's wait for Kombo's answer, shortened (Sync to ATS settings); the sandbox's create takes longer and stays
  // invisible until it commits.
  const wait = options.getByRole('textbox', { name: 'Wait for Kombo’s answer (seconds)' });
  await wait.fill('2');
  await options.getByRole('button', { name: 'Save wait' }).click();
  await expect(options.getByText('Hirebridge now waits 2 s for Kombo’s answer.')).toBeVisible();
  await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'kombo', kind: 'slow-commit', ms: 6000, method: 'POST', pathIncludes: '/applications' });
  const { dialog } = await syncZoe(context);
  await expect(dialog.getByRole('status')).toContainText('did not answer within 2 s', { timeout: 20_000 });
  await expect(dialog.getByRole('status')).toContainText('Hirebridge looks for it in the ATS at');
  // The alarm's look finds the committed application: this sync, done.
  await expect(dialog.getByRole('status')).toContainText('Synced to Frontend Engineer in Greenhouse (through Kombo).', { timeout: 90_000 });
  await expect(dialog.getByRole('status')).toContainText('Hirebridge found the application there afterwards');
  await expect(dialog).not.toContainText('Already synced');
  expect(await inKombo(sandbox)).toMatchObject({ candidates: 1, applications: 1 });
  const posts = (await sandboxControl<{ method: string; path: string }[]>(sandbox, 'GET', 'requests')).filter((r) => r.method === 'POST' && r.path.endsWith('/applications'));
  expect(posts).toHaveLength(1);
});

test('Kombo’s warnings reach the dialog and the log; "CV attached" is not claimed when the ATS refused the file', async ({ context, extensionId, options, sandbox }) => {
  await setUp(context, extensionId, options, sandbox);
  await sandboxControl(sandbox, 'POST', 'faults', {
    vendor: 'kombo',
    kind: 'create-warnings',
    warnings: ['The attachment "CV" was rejected by Greenhouse: unsupported file.', 'Screening question 7 is not supported and was skipped.'],
    dropAttachments: true,
    method: 'POST',
    pathIncludes: '/applications',
  });
  const { dialog } = await syncZoe(context);
  const status = dialog.getByRole('status');
  await expect(status).toContainText('Synced to Frontend Engineer');
  await expect(status).toContainText('Kombo warned: Screening question 7 is not supported and was skipped.');
  await expect(status).toContainText('Kombo warned: The attachment "CV" was rejected by Greenhouse');
  await expect(status).toContainText('did not keep the PDF profile as the CV');
  await expect(status).not.toContainText('is attached in');
  const log = await activityLog(context, extensionId);
  await expect(log.getByRole('cell', { name: /Zoë Ñúñez synced to Frontend Engineer, with warnings: Kombo warned: The attachment/ })).toBeVisible();
  expect(await inKombo(sandbox)).toMatchObject({ candidates: 1, applications: 1 });
});

test('a PDF the ATS’s attachment rules refuse is said before sending: nothing reaches Kombo', async ({ context, extensionId, options, sandbox }) => {
  await setUp(context, extensionId, options, sandbox);
  await sandboxControl(sandbox, 'POST', 'kombo/attachment-restrictions', {
    attachment_restrictions: { total_size_bytes: null, types: { CV: { is_supported: true, min_amount: 0, max_amount: 1, max_file_size_bytes: 1000, accepted_mime_types: ['application/pdf'] }, COVER_LETTER: { is_supported: false }, OTHER: { is_supported: false } } },
  });
  const { dialog } = await syncZoe(context);
  await expect(dialog.getByRole('alert')).toContainText('takes CVs up to 1 KB through Kombo');
  expect(await inKombo(sandbox)).toMatchObject({ candidates: 0, applications: 0 });
});

test('Kombo answers PLATFORM.TASK_TIMED_OUT although the ATS did it: looked up (not sent again), it is this sync (not "Already synced"), one candidate and one application', async ({ context, extensionId, options, sandbox }) => {
  test.setTimeout(150_000);
  await setUp(context, extensionId, options, sandbox);
  // Kombo gave up waiting for the ATS, which carried the create out all the same.
  await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'kombo', kind: 'kombo-error', code: 'PLATFORM.TASK_TIMED_OUT', carryOut: true, method: 'POST', pathIncludes: '/applications' });
  const { dialog } = await syncZoe(context);
  await expect(dialog.getByRole('status')).toContainText('Synced to Frontend Engineer in Greenhouse (through Kombo).', { timeout: 90_000 });
  await expect(dialog.getByRole('status')).toContainText('Hirebridge found the application there afterwards');
  await expect(dialog).not.toContainText('Already synced');
  expect(await inKombo(sandbox)).toMatchObject({ candidates: 1, applications: 1 });
  const posts = (await sandboxControl<{ method: string; path: string }[]>(sandbox, 'GET', 'requests')).filter((r) => r.method === 'POST' && r.path.endsWith('/applications'));
  expect(posts).toHaveLength(1);
  const log = await activityLog(context, extensionId);
  await expect(log.getByRole('cell', { name: /Zoë Ñúñez synced to Frontend Engineer/ })).toBeVisible();
});
