import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectBoth, expect, sandboxControl, test } from './fixtures';

// Seeded in the sandbox's Kombo world (a Greenhouse account): hired are Marta (already an employee in Factorial),
// Lucas, Aisha and Sofia. The demo ATS shows them by their Greenhouse ids, with a start date on hired people's pages.
const LUCAS = '40112234';
const CREATE = 'create_with_contract';

type Employee = { email: string };
const employeesWith = async (sandbox: Sandbox, email: string) =>
  (await sandboxControl<{ factorial: { employees: Employee[] } }>(sandbox, 'GET', 'state')).factorial.employees.filter((e) => e.email === email).length;
const badge = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));


async function openPopup(context: BrowserContext, extensionId: string) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Hired candidates', level: 1 })).toBeVisible();
  return popup;
}

const hiredList = (popup: Page) => popup.getByRole('list', { name: 'Hired candidates waiting for export' });
const row = (popup: Page, name: string) => hiredList(popup).getByRole('listitem').filter({ hasText: name });

/** A hired person added to the ATS (Kombo world); returns their Greenhouse id. */
async function hire(sandbox: Sandbox, first: string, last: string) {
  const created = await sandboxControl<{ remote_id: string }>(sandbox, 'POST', 'candidates', {
    first_name: first,
    last_name: last,
    email: `${first}.${last}@example.com`.toLowerCase(),
    phone: '+34 600 000 000',
    job_id: 'KJ000007',
    hired: true,
  });
  return created.remote_id;
}

/** Visiting a candidate's page in the ATS captures what it shows (here: the start date). */
async function visitCandidate(context: BrowserContext, sandbox: Sandbox, remoteId: string) {
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo-ats/candidates/${remoteId}`);
  await expect(page.getByRole('button', { name: /Export(ed)? to FactorialHR/ })).toBeEnabled();
  await page.close();
}

test.describe('Popup: hired candidates', () => {
  test('lists the hired candidates from the ATS, exports one with the page’s form, and the badge follows', async ({ context, extensionId, options, sandbox, serviceWorker }) => {
    await connectBoth(context, extensionId, options, sandbox);
    const popup = await openPopup(context, extensionId);

    // Pulled through Kombo: Marta is already an employee, so she is not waiting.
    await expect(row(popup, 'Lucas Moreau')).toContainText('Product Manager');
    await expect(row(popup, 'Lucas Moreau')).toContainText('From Greenhouse through Kombo');
    await expect(row(popup, 'Aisha Khan')).toContainText('Account Executive');
    await expect(row(popup, 'Sofia Almeida')).toBeVisible();
    await expect(hiredList(popup).getByRole('listitem')).toHaveCount(3);
    await expect(row(popup, 'Marta Serrano')).toHaveCount(0);
    await expect(popup.getByText('1 more hired candidate is already in Factorial HR.')).toBeVisible();
    await expect.poll(() => badge(serviceWorker)).toBe('3');

    // Export Aisha: the page's dialog, compact, with its validation.
    const exportButton = row(popup, 'Aisha Khan').getByRole('button', { name: 'Export', exact: true });
    await expect(exportButton).toHaveAccessibleDescription('Aisha Khan');
    await exportButton.click();
    const dialog = popup.getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Aisha');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('aisha.khan@example.com');
    await expect(dialog.getByRole('textbox', { name: 'Job title' })).toHaveValue('Account Executive');
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('');
    const submit = dialog.getByRole('button', { name: 'Export', exact: true });
    await expect(submit).toBeDisabled();
    await expect(submit).toHaveAccessibleDescription(/Start date, Legal entity/);
    await dialog.getByRole('textbox', { name: 'Start date' }).fill('01/02/2027');
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveAccessibleDescription(/Use a date like 2026-12-01/);
    await expect(submit).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Start date' }).fill('2027-02-01');
    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await expect(submit).toBeEnabled();
    await submit.click();
    await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);

    await expect(row(popup, 'Aisha Khan')).toHaveCount(0);
    await expect(hiredList(popup).getByRole('listitem')).toHaveCount(2);
    await expect.poll(() => badge(serviceWorker)).toBe('2');
    expect(await employeesWith(sandbox, 'aisha.khan@example.com')).toBe(1);
    // The activity shows it done.
    const activity = popup.getByRole('region', { name: 'Recent activity' });
    await expect(activity.getByRole('listitem').filter({ hasText: 'Aisha Khan' })).toContainText('Done');

    // The same person on the ATS page now says exported (the popup and the page agree).
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/40112235`);
    await expect(page.getByRole('button', { name: 'Exported to FactorialHR' })).toBeVisible();
  });

  test('Recent activity is the log the settings page shows: never "nothing yet" beside its entries, dates written alike', async ({ context, extensionId, options, sandbox }) => {
    const fresh = await openPopup(context, extensionId);
    await expect(fresh.getByRole('region', { name: 'Recent activity' }).getByText(/^Nothing has happened yet/)).toBeVisible();
    await fresh.close();

    await connectBoth(context, extensionId, options, sandbox);
    const log = options.getByRole('region', { name: 'Activity' }).getByRole('row').filter({ hasText: 'Kombo connected.' });
    await expect(log).toHaveCount(1);
    const popup = await openPopup(context, extensionId);
    const recent = popup.getByRole('region', { name: 'Recent activity' });
    for (const entry of ['Factorial HR connected.', 'Kombo connected.', 'Jobs pulled: 15 new, 0 updated, 0 archived.', 'Marta Serrano is already in Factorial HR']) {
      await expect(recent.getByRole('listitem').filter({ hasText: entry })).toHaveCount(1);
    }
    await expect(recent.getByText(/^Nothing has happened yet/)).toHaveCount(0);

    // The same moment reads the same in the popup and on the settings page, e.g. "1 Dec 2026, 18:53".
    const when = (await log.getByRole('cell').first().textContent())!;
    expect(when).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}$/);
    await expect(recent.getByRole('listitem').filter({ hasText: 'Kombo connected.' })).toContainText(`Connection · ${when}`);
  });

  test('Export all: confirmation with who is left out and why, a live progress bar, needs attention and Retry', async ({ context, extensionId, options, sandbox, serviceWorker }) => {
    const nora = await hire(sandbox, 'Nora', 'Lindqvist');
    const pedro = await hire(sandbox, 'Pedro', 'Santos');
    await connectBoth(context, extensionId, options, sandbox);
    const popup = await openPopup(context, extensionId);
    await expect(hiredList(popup).getByRole('listitem')).toHaveCount(5);
    await expect.poll(() => badge(serviceWorker)).toBe('5');

    // Their ATS pages show a start date: captured for the popup. Aisha's and Sofia's pages were never opened.
    for (const id of [LUCAS, nora, pedro]) await visitCandidate(context, sandbox, id);
    await expect(row(popup, 'Nora Lindqvist')).toContainText('From Greenhouse through Kombo and Demo ATS');

    // The first create is refused (a revoked key), the others are slow enough to watch.
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'unauthorized', method: 'POST', pathIncludes: CREATE });
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'latency', ms: 700, times: 2, method: 'POST', pathIncludes: CREATE });

    await popup.getByRole('button', { name: 'Export all' }).click();
    const confirm = popup.getByRole('dialog', { name: 'Export all hired candidates' });
    await expect(confirm.getByRole('heading', { name: 'Will be exported (3)' })).toBeVisible();
    const ready = confirm.getByRole('list', { name: 'Will be exported (3)' });
    await expect(ready).toContainText('Lucas Moreau');
    await expect(ready).toContainText('Nora Lindqvist');
    await expect(ready).toContainText('Pedro Santos');
    const skipped = confirm.getByRole('list', { name: 'Left out (2)' });
    await expect(skipped.getByRole('listitem').filter({ hasText: 'Aisha Khan' })).toContainText('Missing start date.');
    await expect(skipped.getByRole('listitem').filter({ hasText: 'Sofia Almeida' })).toContainText('Missing start date.');
    // Two legal entities: nothing is guessed, one is chosen for everyone.
    const start = confirm.getByRole('button', { name: 'Export 3 candidates' });
    await expect(start).toBeDisabled();
    await confirm.getByRole('combobox', { name: 'Legal entity for everyone' }).selectOption({ label: 'Hirebridge Demo GmbH (DE)' });
    await expect(start).toBeEnabled();
    await start.click();
    await expect(confirm).toHaveCount(0);

    const progress = popup.getByRole('progressbar', { name: 'Export progress' });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('max', '3');
    await expect(popup.getByText(/^3 of 3 sent: 2 exported, 1 needs attention/)).toBeVisible({ timeout: 20_000 });
    await expect(progress).toHaveAttribute('value', '3');
    await expect.poll(() => badge(serviceWorker)).toBe('3'); // the one that failed, Aisha and Sofia

    // Needs attention: the reason in plain words, and Retry.
    const activity = popup.getByRole('region', { name: 'Recent activity' });
    // Rows whose state chip says Needs attention (the log's own lines beside them may use the words in a sentence).
    const needsAttention = activity.getByRole('listitem').filter({ has: popup.getByText('Needs attention', { exact: true }) });
    const failed = needsAttention;
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText('The API key was rejected by Factorial');
    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect(popup.getByText(/^3 of 3 sent: 3 exported\./)).toBeVisible();
    await expect(needsAttention).toHaveCount(0);
    await expect.poll(() => badge(serviceWorker)).toBe('2');
    await expect(hiredList(popup).getByRole('listitem')).toHaveCount(2);
    await expect(row(popup, 'Aisha Khan')).toBeVisible();
    await expect(row(popup, 'Sofia Almeida')).toBeVisible();

    // Exactly one employee each, in the legal entity chosen; nobody guessed for the incomplete ones.
    for (const email of ['lucas.moreau@example.com', 'nora.lindqvist@example.com', 'pedro.santos@example.com']) expect(await employeesWith(sandbox, email)).toBe(1);
    expect(await employeesWith(sandbox, 'aisha.khan@example.com')).toBe(0);
    const state = await sandboxControl<{ factorial: { employees: { email: string; legal_entity_id: number; contract_starts_on?: string }[] } }>(sandbox, 'GET', 'state');
    expect(state.factorial.employees.find((e) => e.email === 'nora.lindqvist@example.com')).toMatchObject({ legal_entity_id: 12, contract_starts_on: '2026-12-01' });

    // The run is in the full activity log too.
    await popup.getByRole('button', { name: 'Hide' }).click();
    await expect(progress).toHaveCount(0);
    await options.goto(`chrome-extension://${extensionId}/options.html#activity`);
    const log = options.getByRole('region', { name: 'Activity' });
    await expect(log.getByRole('row').filter({ hasText: 'Export all finished: 2 exported, 1 needs attention, 2 left out.' })).toBeVisible();
    // Filterable, and downloadable as CSV: plain sentences, never a key.
    await log.getByRole('combobox', { name: 'Result' }).selectOption({ label: 'Error' });
    await expect(log.getByRole('row').filter({ hasText: 'The API key was rejected by Factorial' })).toHaveCount(1);
    await expect(log.getByRole('row').filter({ hasText: 'Export all finished' })).toHaveCount(0);
    await log.getByRole('combobox', { name: 'Result' }).selectOption({ label: 'All' });
    const [download] = await Promise.all([options.waitForEvent('download'), log.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hirebridge-activity-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(csv.split('\r\n')[0]).toBe('time,kind,result,message');
    expect(csv).toContain('Export all finished: 2 exported, 1 needs attention, 2 left out.');
    expect(csv).toContain('Nora Lindqvist exported to Factorial HR.');
    expect(csv).not.toContain(SANDBOX_KEYS.factorial);
    expect(csv).not.toContain(SANDBOX_KEYS.kombo);
  });

  test('Export all exports: a start date given once for everyone who lacks one, overridden per person; nobody twice', async ({ context, extensionId, options, sandbox }) => {
    // Aisha, Sofia and Nora have no start date in the ATS (Lucas's accepted offer has one).
    await hire(sandbox, 'Nora', 'Lindqvist');
    await connectBoth(context, extensionId, options, sandbox);
    const popup = await openPopup(context, extensionId);
    await expect(hiredList(popup).getByRole('listitem')).toHaveCount(4);

    // One exported by hand with the form.
    await row(popup, 'Aisha Khan').getByRole('button', { name: 'Export', exact: true }).click();
    const form = popup.getByRole('dialog', { name: 'Export to FactorialHR' });
    await form.getByRole('textbox', { name: 'Start date' }).fill('2027-02-01');
    await form.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await form.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(form.getByRole('status')).toContainText('Exported to Factorial HR');
    await form.getByRole('button', { name: 'Close' }).click();
    await expect(hiredList(popup).getByRole('listitem')).toHaveCount(3);

    await popup.getByRole('button', { name: 'Export all' }).click();
    const confirm = popup.getByRole('dialog', { name: 'Export all hired candidates' });
    const skipped = confirm.getByRole('list', { name: /^Left out/ });
    await expect(skipped.getByRole('listitem').filter({ hasText: 'Sofia Almeida' })).toContainText('Missing start date.');
    await expect(skipped.getByRole('listitem').filter({ hasText: 'Nora Lindqvist' })).toContainText('Missing start date.');
    await expect(confirm.getByRole('button', { name: 'Export 1 candidate' })).toBeDisabled();
    await confirm.getByRole('combobox', { name: 'Legal entity for everyone' }).selectOption({ label: 'Hirebridge Demo GmbH (DE)' });

    // Given once, for everyone who lacks one: a wrong date is a field error and exports nobody.
    const everyone = confirm.getByRole('textbox', { name: 'Start date', exact: true });
    await everyone.fill('2027-02-30');
    await expect(everyone).toHaveAccessibleDescription(/This date does not exist/);
    await expect(confirm.getByRole('button', { name: 'Export 1 candidate' })).toBeDisabled();
    await everyone.fill('2027-03-01');
    const ready = confirm.getByRole('list', { name: 'Will be exported (3)' });
    await expect(ready).toContainText('Sofia Almeida');
    await expect(ready).toContainText('Nora Lindqvist');
    await expect(ready).toContainText('Lucas Moreau');
    await expect(confirm.getByRole('list', { name: /^Left out/ })).toHaveCount(0);
    // Lucas has his own date: nothing to give him. Nora gets her own, inline.
    await expect(confirm.getByRole('textbox', { name: 'Start date for Lucas Moreau' })).toHaveCount(0);
    await confirm.getByRole('textbox', { name: 'Start date for Nora Lindqvist' }).fill('2027-03-15');
    await confirm.getByRole('combobox', { name: 'Team for everyone' }).selectOption({ index: 1 });
    const start = confirm.getByRole('button', { name: 'Export 3 candidates' });
    await expect(start).toBeEnabled();
    await start.click();
    await expect(confirm).toHaveCount(0);
    await expect(popup.getByText(/^3 of 3 sent: 3 exported\. Finished\./)).toBeVisible({ timeout: 20_000 });
    await expect(popup.getByText('No hired candidates are waiting.', { exact: false })).toBeVisible();

    // Exactly once each, with the dates given; Lucas keeps his offer's; the one exported by hand is not sent again.
    const state = await sandboxControl<{ factorial: { employees: { email: string; legal_entity_id: number; contract_starts_on?: string; team_id?: number }[] } }>(sandbox, 'GET', 'state');
    const employee = (email: string) => state.factorial.employees.filter((e) => e.email === email);
    expect(employee('sofia.almeida@example.com')).toHaveLength(1);
    expect(employee('sofia.almeida@example.com')[0]).toMatchObject({ legal_entity_id: 12, contract_starts_on: '2027-03-01', team_id: expect.any(Number) });
    expect(employee('nora.lindqvist@example.com')).toHaveLength(1);
    expect(employee('nora.lindqvist@example.com')[0]).toMatchObject({ contract_starts_on: '2027-03-15' });
    expect(employee('lucas.moreau@example.com')[0]).toMatchObject({ contract_starts_on: '2026-12-01' });
    expect(employee('aisha.khan@example.com')).toHaveLength(1);
    const creates = (await sandboxControl<{ method: string; path: string }[]>(sandbox, 'GET', 'requests')).filter((r) => r.method === 'POST' && r.path.endsWith(CREATE));
    expect(creates).toHaveLength(4);
  });

  test('closing the popup does not stop Export all: the service worker finishes it', async ({ context, extensionId, options, sandbox, serviceWorker }) => {
    await connectBoth(context, extensionId, options, sandbox);
    for (const id of [LUCAS, '40112235', '40112236']) await visitCandidate(context, sandbox, id);
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'latency', ms: 1200, times: 0, method: 'POST', pathIncludes: CREATE });
    const popup = await openPopup(context, extensionId);
    await popup.getByRole('button', { name: 'Export all' }).click();
    const confirm = popup.getByRole('dialog', { name: 'Export all hired candidates' });
    await confirm.getByRole('combobox', { name: 'Legal entity for everyone' }).selectOption({ index: 1 });
    await confirm.getByRole('button', { name: 'Export 3 candidates' }).click();
    await expect(popup.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
    await popup.close();

    for (const email of ['lucas.moreau@example.com', 'aisha.khan@example.com', 'sofia.almeida@example.com']) {
      await expect.poll(() => employeesWith(sandbox, email), { timeout: 20_000 }).toBe(1);
    }
    await expect.poll(() => badge(serviceWorker)).toBe('');
    const again = await openPopup(context, extensionId);
    await expect(again.getByText(/^3 of 3 sent: 3 exported\. Finished\./)).toBeVisible();
    await expect(again.getByText('No hired candidates are waiting.', { exact: false })).toBeVisible();
    await expect(again.getByRole('button', { name: 'Export all' })).toBeDisabled();
  });

  test('the service worker stopped in the middle of Export all: it carries on, and nobody is created twice', async ({ context, extensionId, options, sandbox }) => {
    await connectBoth(context, extensionId, options, sandbox);
    for (const id of [LUCAS, '40112235', '40112236']) await visitCandidate(context, sandbox, id);
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'latency', ms: 2000, times: 0, method: 'POST', pathIncludes: CREATE });
    const popup = await openPopup(context, extensionId);
    await popup.getByRole('button', { name: 'Export all' }).click();
    const confirm = popup.getByRole('dialog', { name: 'Export all hired candidates' });
    await confirm.getByRole('combobox', { name: 'Legal entity for everyone' }).selectOption({ index: 1 });
    await confirm.getByRole('button', { name: 'Export 3 candidates' }).click();
    await popup.close();

    // Stop the worker while the creates are held by the server (which still carries them out).
    await expect.poll(async () => (await sandboxControl<{ method: string; path: string }[]>(sandbox, 'GET', 'in-flight')).filter((r) => r.method === 'POST' && r.path.endsWith(CREATE)).length).toBeGreaterThan(0);
    const cdp = await context.newCDPSession(options);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
    // The server finishes the creates it holds after the worker is gone (which ones depends on the pacing's turns).
    await expect.poll(async () => (await sandboxControl<unknown[]>(sandbox, 'GET', 'in-flight')).length, { timeout: 10_000 }).toBe(0);
    expect(await employeesWith(sandbox, 'lucas.moreau@example.com') + (await employeesWith(sandbox, 'aisha.khan@example.com')) + (await employeesWith(sandbox, 'sofia.almeida@example.com'))).toBeGreaterThan(0);

    // Opening the popup wakes the worker, which resumes the run: it looks people up before creating again.
    const again = await openPopup(context, extensionId);
    await expect(again.getByText(/^3 of 3 sent: 3 exported\. Finished\./)).toBeVisible({ timeout: 30_000 });
    for (const email of ['lucas.moreau@example.com', 'aisha.khan@example.com', 'sofia.almeida@example.com']) expect(await employeesWith(sandbox, email)).toBe(1);
    const creates = (await sandboxControl<{ method: string; path: string }[]>(sandbox, 'GET', 'requests')).filter((r) => r.method === 'POST' && r.path.endsWith(CREATE));
    expect(creates).toHaveLength(3);
  });

  test('Sync now pulls new hires; keyboard use, visible focus and no serious axe violations', async ({ context, extensionId, options, sandbox, serviceWorker }) => {
    await connectBoth(context, extensionId, options, sandbox);
    const popup = await openPopup(context, extensionId);
    await expect(hiredList(popup).getByRole('listitem')).toHaveCount(3);
    const jobs = popup.getByRole('region', { name: 'Jobs' });
    await expect(jobs).toContainText(/Last job pull at .*: 15 new/);

    // Someone reaches Hired in the ATS: Sync now brings them in (jobs and hired candidates pull together).
    await hire(sandbox, 'Ines', 'Duarte');
    await jobs.getByRole('button', { name: 'Sync now' }).click();
    await expect(row(popup, 'Ines Duarte')).toContainText('People Partner');
    await expect(jobs).toContainText(/Last job pull at .*: 0 new/);
    await expect.poll(() => badge(serviceWorker)).toBe('4');

    const serious = async () =>
      (await new AxeBuilder({ page: popup }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await serious()).toEqual([]);

    // Keyboard: Export all opens its confirmation with focus inside; Escape closes it and focus comes back.
    const exportAll = popup.getByRole('button', { name: 'Export all' });
    await exportAll.focus();
    await popup.keyboard.press('Enter');
    const confirm = popup.getByRole('dialog', { name: 'Export all hired candidates' });
    await expect(confirm.getByRole('combobox', { name: 'Legal entity for everyone' })).toBeFocused();
    expect(await serious()).toEqual([]);
    await popup.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(exportAll).toBeFocused();
    const outline = await exportAll.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');

    // A row's Export by keyboard: the form opens focused, Escape closes it and focus returns to the row.
    await popup.keyboard.press('Shift+Tab');
    const lastRowExport = hiredList(popup).getByRole('button', { name: 'Export', exact: true }).last();
    await expect(lastRowExport).toBeFocused();
    await popup.keyboard.press('Enter');
    const dialog = popup.getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toBeFocused();
    expect(await serious()).toEqual([]);
    await popup.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(lastRowExport).toBeFocused();
  });
});
