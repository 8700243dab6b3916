import type { Sandbox } from '../../sandbox/server';
import { connectBoth, expect, sandboxControl, test } from './fixtures';

// A company whose Factorial asks for its own fields: two required custom fields for Hirebridge Demo GmbH (id 12),
// none for the S.L. The seeded Kombo world's hires Aisha and Sofia have no start date.


type Value = { field_id: number; valuable_id: number; value: string };
type Employee = { id: number; email: string };
const state = (sandbox: Sandbox) => sandboxControl<{ factorial: { employees: Employee[]; customFieldValues: Value[] } }>(sandbox, 'GET', 'state');

test.describe('Factorial custom fields in the export', () => {
  test('required fields of the chosen legal entity show with their type’s control, are checked, and are written to the new employee once', async ({ context, extensionId, options, sandbox }) => {
    const laptop = await sandboxControl<{ id: string }>(sandbox, 'POST', 'factorial/custom-fields', { label: 'Laptop', field_type: 'single_choice', required: true, legal_entity_id: 12, options: ['Mac', 'Linux'] });
    const medical = await sandboxControl<{ id: string }>(sandbox, 'POST', 'factorial/custom-fields', { label: 'Medical check on', field_type: 'date', required: true, legal_entity_id: 12 });
    await connectBoth(context, extensionId, options, sandbox);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const list = popup.getByRole('list', { name: 'Hired candidates waiting for export' });
    await list.getByRole('listitem').filter({ hasText: 'Aisha Khan' }).getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = popup.getByRole('dialog', { name: 'Export to FactorialHR' });
    await dialog.getByRole('textbox', { name: 'Start date' }).fill('2027-02-01');
    const submit = dialog.getByRole('button', { name: 'Export', exact: true });

    // The S.L. asks for nothing more; the GmbH asks for its two fields, under their own heading.
    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
    await expect(dialog.getByRole('combobox', { name: 'Laptop' })).toHaveCount(0);
    await expect(submit).toBeEnabled();
    await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo GmbH (DE)' });
    const group = dialog.getByRole('group', { name: 'Asked for by Factorial for Hirebridge Demo GmbH' });
    await expect(group.getByRole('combobox', { name: 'Laptop' })).toBeVisible();
    await expect(submit).toBeDisabled();
    await expect(submit).toHaveAccessibleDescription(/Laptop, Medical check on/);

    // A value of the wrong type is a field-level error and keeps Export disabled.
    const date = group.getByRole('textbox', { name: 'Medical check on' });
    await date.fill('15/01/2027');
    await expect(date).toHaveAccessibleDescription('Use a date like 2026-12-01.');
    await group.getByRole('combobox', { name: 'Laptop' }).selectOption('Linux');
    await expect(submit).toBeDisabled();
    await date.fill('2027-01-15');
    await expect(submit).toBeEnabled();
    await submit.click();
    await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR');

    const after = await state(sandbox);
    const aisha = after.factorial.employees.filter((e) => e.email === 'aisha.khan@example.com');
    expect(aisha).toHaveLength(1);
    const values = after.factorial.customFieldValues.filter((v) => v.valuable_id === aisha[0].id).map((v) => [String(v.field_id), v.value]);
    expect(values.sort()).toEqual([[laptop.id, 'Linux'], [medical.id, '2027-01-15']].sort());
    const posts = (await sandboxControl<{ method: string; path: string }[]>(sandbox, 'GET', 'requests')).filter((r) => r.method === 'POST' && r.path.endsWith('custom_fields/values'));
    expect(posts).toHaveLength(2);
  });

  test('Export all names who lacks a required custom field; given once for everyone, each new employee gets it, once', async ({ context, extensionId, options, sandbox }) => {
    const laptop = await sandboxControl<{ id: string }>(sandbox, 'POST', 'factorial/custom-fields', { label: 'Laptop', field_type: 'single_choice', required: true, legal_entity_id: 12, options: ['Mac', 'Linux'] });
    await sandboxControl(sandbox, 'POST', 'factorial/custom-fields', { label: 'Badge number', field_type: 'text', required: false, legal_entity_id: 12 });
    await connectBoth(context, extensionId, options, sandbox);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('list', { name: 'Hired candidates waiting for export' }).getByRole('listitem')).toHaveCount(3);
    await popup.getByRole('button', { name: 'Export all' }).click();
    const confirm = popup.getByRole('dialog', { name: 'Export all hired candidates' });
    await confirm.getByRole('combobox', { name: 'Legal entity for everyone' }).selectOption({ label: 'Hirebridge Demo GmbH (DE)' });
    const skipped = confirm.getByRole('list', { name: /^Left out/ });
    // Each person with the one thing (or things) they need; an optional field is not asked for.
    await expect(skipped.getByRole('listitem').filter({ hasText: 'Lucas Moreau' })).toContainText('Missing Laptop.');
    await expect(skipped.getByRole('listitem').filter({ hasText: 'Aisha Khan' })).toContainText('Missing start date and Laptop.');
    await expect(confirm.getByRole('textbox', { name: 'Badge number' })).toHaveCount(0);
    await expect(confirm.getByRole('button', { name: 'Export 0 candidates' })).toBeDisabled();

    await confirm.getByRole('textbox', { name: 'Start date', exact: true }).fill('2027-03-01');
    await confirm.getByRole('combobox', { name: 'Laptop' }).selectOption('Mac');
    const start = confirm.getByRole('button', { name: 'Export 3 candidates' });
    await expect(start).toBeEnabled();
    await start.click();
    await expect(popup.getByText(/^3 of 3 sent: 3 exported\. Finished\./)).toBeVisible({ timeout: 20_000 });

    const after = await state(sandbox);
    for (const email of ['lucas.moreau@example.com', 'aisha.khan@example.com', 'sofia.almeida@example.com']) {
      const [employee, ...others] = after.factorial.employees.filter((e) => e.email === email);
      expect(others).toHaveLength(0);
      expect(after.factorial.customFieldValues.filter((v) => v.valuable_id === employee.id).map((v) => [String(v.field_id), v.value])).toEqual([[laptop.id, 'Mac']]);
    }
  });
});
