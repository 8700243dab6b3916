import type { Sandbox } from '../../sandbox/server';
import { dialogFrame, connectBoth, expect, sandboxControl, test } from './fixtures';

// Seeded demo-ATS people (their ids are the ATS's own, which Kombo knows as remote_ids).
const MARTA = '40112233'; // Hired, and already an employee in Factorial
const LUCAS = '40112234'; // Hired (Product Manager)
const AISHA = '40112235'; // Hired (Account Executive)
const DANIEL = '40112237'; // Interview

type Employee = { email: string; id: number };
const employees = async (sandbox: Sandbox, email: string) =>
  (await sandboxControl<{ factorial: { employees: Employee[] } }>(sandbox, 'GET', 'state')).factorial.employees.filter((e) => e.email === email);


test.describe('Export to FactorialHR on the demo ATS', () => {
  test('from the candidate page: pre-filled from the ATS API, validated, exported once, marked exported', async ({ context, extensionId, options, sandbox }) => {
    await connectBoth(context, extensionId, options, sandbox);
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/${LUCAS}`);
    await page.getByRole('button', { name: 'Export to FactorialHR' }).click();

    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Lucas');
    await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue('Moreau');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('lucas.moreau@example.com');
    await expect(dialog.getByRole('textbox', { name: 'Phone' })).toHaveValue('+33 6 12 34 56 78');
    await expect(dialog.getByRole('textbox', { name: 'Job title' })).toHaveValue('Product Manager');
    await expect(dialog.getByRole('textbox', { name: 'Start date' })).toHaveValue('2026-12-01');

    // Two legal entities: one must be chosen; a broken email blocks too.
    const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
    await expect(exportButton).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Email' }).fill('lucas.moreau@');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(/valid email/);
    await dialog.getByRole('textbox', { name: 'Email' }).fill('lucas.moreau@example.com');
    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await dialog.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Sales' });
    await expect(exportButton).toBeEnabled();
    await exportButton.click();

    await expect(dialog.getByRole('status')).toContainText('Exported');
    await expect(dialog.getByRole('link', { name: 'Open in Factorial' })).toHaveAttribute('href', /\/employees\/\d+$/);
    expect(await employees(sandbox, 'lucas.moreau@example.com')).toHaveLength(1);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Exported to FactorialHR' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Exported to FactorialHR' })).toBeDisabled();
    await expect(page.getByRole('link', { name: 'View in Factorial' })).toBeVisible();
  });

  test('the pointer reaching the button gets the form ready before the click, and the click uses it; a page script cannot ask', async ({ context, extensionId, options, sandbox }) => {
    await connectBoth(context, extensionId, options, sandbox);
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/${AISHA}`);
    const button = page.getByRole('button', { name: 'Export to FactorialHR' });
    await expect(button).toBeEnabled();
    // The form's data is the ATS's record of this person: each ask is one Kombo look-up by the page's id.
    const lookups = async () =>
      (await sandboxControl<{ path: string; query: string }[]>(sandbox, 'GET', 'requests')).filter((r) => r.path === '/kombo/v1/ats/candidates' && r.query.includes(AISHA)).length;
    await expect.poll(lookups).toBeGreaterThan(0); // the button's status
    const afterStatus = await lookups();

    // Synthetic pointer events from the page's own script are not a person about to click.
    await page.evaluate(() => {
      const inner = document.querySelector('hirebridge-action')!.shadowRoot!.querySelector('button')!;
      for (const type of ['pointerenter', 'pointermove', 'pointerdown']) inner.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(500);
    expect(await lookups()).toBe(afterStatus);

    await button.hover();
    await expect.poll(lookups).toBe(afterStatus + 1);
    await button.click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Aisha');
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toBeFocused();
    // The click opened the form with what the hover asked for, not with an ask of its own.
    expect(await lookups()).toBe(afterStatus + 1);

    // Closed (the button asks for its status again) and opened again: the form asks again, it does not reuse the first.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect.poll(lookups).toBe(afterStatus + 2);
    await expect(button).toBeEnabled();
    await button.click();
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Aisha');
    await expect.poll(lookups).toBe(afterStatus + 3);
  });

  test('someone already in Factorial HR is shown as such on their page, and cannot be exported again', async ({ context, extensionId, options, sandbox }) => {
    await connectBoth(context, extensionId, options, sandbox);
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/${MARTA}`);
    // The button itself says so (the same rule as the popup and the form): no Export to click.
    await expect(page.getByRole('button', { name: 'Already in Factorial HR' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toHaveCount(0);
    const [marta] = await employees(sandbox, 'marta.serrano@example.com');
    await expect(page.getByRole('link', { name: 'View in Factorial' })).toHaveAttribute('href', new RegExp(`/employees/${marta.id}$`));
    expect(await employees(sandbox, 'marta.serrano@example.com')).toHaveLength(1);
  });

  test('a candidate who is not hired gets a disabled button with the reason', async ({ context, extensionId, options, sandbox }) => {
    await connectBoth(context, extensionId, options, sandbox);
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/${DANIEL}`);
    const button = page.getByRole('button', { name: 'Export to FactorialHR' });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(/Only hired candidates can be exported\. Daniel Weber is at the “Interview” stage\./);
  });

  test('on each row of the candidate list and each card of the Hired column, following SPA navigation', async ({ context, extensionId, options, sandbox }) => {
    await connectBoth(context, extensionId, options, sandbox);
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates`);
    const rows = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Export to FactorialHR' }) });
    await expect(rows).toHaveCount(11);
    // Marta is hired but already an employee in Factorial HR: her row says so, as her page does, with no Export.
    const martaRow = page.getByRole('row', { name: /Marta Serrano/ });
    await expect(martaRow.getByRole('button', { name: 'Already in Factorial HR' })).toBeDisabled();
    await expect(martaRow.getByRole('link', { name: 'View in Factorial' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Aisha Khan/ }).getByRole('button', { name: 'Export to FactorialHR' })).toBeEnabled();
    await expect(page.getByRole('row', { name: /Daniel Weber/ }).getByRole('button', { name: 'Export to FactorialHR' })).toBeDisabled();

    // Export Aisha from her row.
    await page.getByRole('row', { name: /Aisha Khan/ }).getByRole('button', { name: 'Export to FactorialHR' }).click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    await dialog.getByRole('textbox', { name: 'Start date' }).fill('2027-01-15');
    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Exported');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('row', { name: /Aisha Khan/ }).getByRole('button', { name: 'Exported to FactorialHR' })).toBeVisible();

    // SPA navigation to a candidate page: list buttons go, the page's button comes.
    await page.getByRole('link', { name: 'Lucas Moreau' }).click();
    await expect(page).toHaveURL(new RegExp(`/demo-ats/candidates/${LUCAS}$`));
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toHaveCount(1);

    // The job pipeline: only the Hired column's cards get a button.
    await page.goto(`${sandbox.url}/demo-ats/jobs/4400003/pipeline`);
    const hired = page.locator('[data-stage="Hired"]');
    await expect(hired.getByRole('button', { name: /Export(ed)? to FactorialHR/ })).toHaveCount(1);
    await expect(page.locator('[data-stage="Interview"]').getByRole('button')).toHaveCount(0);
  });
});
