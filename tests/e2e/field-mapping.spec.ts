import { connectBoth, expect, sandboxControl, test } from './fixtures';

// The admin's field mapping: Hirebridge Demo GmbH (id 12) asks for a "Laptop" custom field; the admin fixes its value
// and the team of everyone hired into the GmbH, behind the passphrase; Export all then needs only a start date.


type State = { factorial: { employees: { id: number; email: string; team_id?: number; manager_id?: number; has_trial_period?: boolean; trial_period_ends_on?: string; contract_starts_on?: string }[]; customFieldValues: { field_id: number; valuable_id: number; value: string }[] } };

test.describe('Field mapping for admins', () => {
  test('team per legal entity and a fixed custom-field value, saved behind the passphrase, reach every export; a mapping to a gone field makes exports wait', async ({ context, extensionId, options, sandbox }) => {
    const laptop = await sandboxControl<{ id: string }>(sandbox, 'POST', 'factorial/custom-fields', { label: 'Laptop', field_type: 'single_choice', required: true, legal_entity_id: 12, options: ['Mac', 'Linux'] });
    const badge = await sandboxControl<{ id: string }>(sandbox, 'POST', 'factorial/custom-fields', { label: 'Badge colour', field_type: 'text', required: false });
    await connectBoth(context, extensionId, options, sandbox);
    await options.reload();
    const security = options.getByRole('region', { name: 'Security' });
    await security.getByLabel('Admin passphrase').fill('correct horse battery');
    await security.getByRole('button', { name: 'Set passphrase' }).click();
    await security.getByRole('button', { name: 'Lock now' }).click();

    const mapping = options.getByRole('region', { name: 'Field mapping' });
    await mapping.getByRole('combobox', { name: 'Team for Hirebridge Demo GmbH' }).selectOption({ label: 'Sales' });
    // The manager, found by searching Factorial's employees; a six-month trial period.
    await mapping.getByRole('searchbox', { name: 'Search a manager for Hirebridge Demo GmbH' }).fill('jon');
    const manager = mapping.getByRole('combobox', { name: 'Manager for Hirebridge Demo GmbH' });
    await expect(manager.getByRole('option')).toHaveText(['None', 'Jonas Becker']);
    await manager.selectOption({ label: 'Jonas Becker' });
    await mapping.getByRole('spinbutton', { name: 'Trial period for Hirebridge Demo GmbH (months from the start date)' }).fill('6');
    await mapping.getByRole('combobox', { name: /^Value of Laptop/ }).selectOption({ label: 'A fixed value' });
    await mapping.getByRole('textbox', { name: 'Fixed value of Laptop' }).fill('Mac');
    await mapping.getByRole('combobox', { name: /^Value of Badge colour/ }).selectOption({ label: 'A fixed value' });
    await mapping.getByRole('textbox', { name: 'Fixed value of Badge colour' }).fill('green');
    // Locked: refused with the reason, nothing saved.
    await mapping.getByRole('button', { name: 'Save field mapping' }).click();
    await expect(mapping.getByRole('alert')).toContainText('needs the admin passphrase');
    await security.getByLabel('Admin passphrase').fill('correct horse battery');
    await security.getByRole('button', { name: 'Unlock' }).click();
    await expect(security.getByRole('status')).toHaveText('Unlocked for 15 minutes.');
    await mapping.getByRole('button', { name: 'Save field mapping' }).click();
    await expect(mapping.getByRole('status')).toHaveText('Field mapping saved.');

    // A field the mapping names disappears from Factorial: options say so, the form waits.
    await sandboxControl(sandbox, 'DELETE', `factorial/custom-fields/${badge.id}`);
    await options.reload();
    await expect(mapping.getByRole('alert')).toContainText(`custom field that no longer exists (id ${badge.id})`);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const list = popup.getByRole('list', { name: 'Hired candidates waiting for export' });
    await list.getByRole('listitem').filter({ hasText: 'Aisha Khan' }).getByRole('button', { name: 'Export', exact: true }).click();
    const form = popup.getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(form.getByRole('alert')).toContainText(`custom field that no longer exists (id ${badge.id})`);
    await form.getByRole('textbox', { name: 'Start date' }).fill('2027-02-01');
    await form.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo GmbH (DE)' });
    await expect(form.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
    await form.getByRole('button', { name: 'Cancel' }).click();

    // The admin unmaps it; the form then shows the mapped team and laptop, and Export all needs only a start date.
    await mapping.getByRole('combobox', { name: `Value of ${badge.id} ?` }).selectOption({ label: 'Not mapped' });
    await mapping.getByRole('button', { name: 'Save field mapping' }).click();
    await expect(mapping.getByRole('status')).toHaveText('Field mapping saved.');
    await expect(mapping.getByRole('alert')).toHaveCount(0);

    await popup.reload();
    await popup.getByRole('button', { name: 'Export all' }).click();
    const confirm = popup.getByRole('dialog', { name: 'Export all hired candidates' });
    await confirm.getByRole('combobox', { name: 'Legal entity for everyone' }).selectOption({ label: 'Hirebridge Demo GmbH (DE)' });
    await confirm.getByRole('textbox', { name: 'Start date', exact: true }).fill('2027-03-01');
    await confirm.getByRole('button', { name: 'Export 3 candidates' }).click();
    await expect(popup.getByText(/^3 of 3 sent: 3 exported\. Finished\./)).toBeVisible({ timeout: 20_000 });

    const state = await sandboxControl<State>(sandbox, 'GET', 'state');
    const trialEnds: Record<string, string> = { 'lucas.moreau@example.com': '2027-05-31', 'aisha.khan@example.com': '2027-08-31', 'sofia.almeida@example.com': '2027-08-31' };
    for (const email of ['lucas.moreau@example.com', 'aisha.khan@example.com', 'sofia.almeida@example.com']) {
      const [employee, ...others] = state.factorial.employees.filter((e) => e.email === email);
      expect(others).toHaveLength(0);
      expect(employee).toMatchObject({ team_id: 22, manager_id: 102, has_trial_period: true, trial_period_ends_on: trialEnds[email] });
      expect(state.factorial.customFieldValues.filter((v) => v.valuable_id === employee.id).map((v) => [String(v.field_id), v.value])).toEqual([[laptop.id, 'Mac']]);
    }
  });

  test('the ATS’s custom fields and the accepted offer feed Factorial’s fields; Export all names who lacks what, and takes one person’s own value inline', async ({ context, extensionId, options, sandbox }) => {
    const costCentre = await sandboxControl<{ id: string }>(sandbox, 'POST', 'factorial/custom-fields', { label: 'Cost centre', field_type: 'text', required: true, legal_entity_id: 12 });
    const salary = await sandboxControl<{ id: string }>(sandbox, 'POST', 'factorial/custom-fields', { label: 'Salary', field_type: 'money', required: false });
    const laptop = await sandboxControl<{ id: string }>(sandbox, 'POST', 'factorial/custom-fields', { label: 'Laptop', field_type: 'single_choice', required: true, legal_entity_id: 12, options: ['Mac', 'Linux'] });
    // What the ATS keeps beyond its standard fields (Kombo custom_fields): Lucas's application and accepted offer,
    // Aisha's accepted offer (which has no start date of its own).
    await sandboxControl(sandbox, 'POST', 'kombo/custom-fields', { email: 'lucas.moreau@example.com', on: 'application', values: { cost_centre: 'R&D-7' } });
    await sandboxControl(sandbox, 'POST', 'kombo/custom-fields', { email: 'lucas.moreau@example.com', on: 'offer', values: { compensation: { amount: 61000, currency: 'EUR' }, confirmed_start: '2027-04-01T00:00:00.000Z' } });
    await sandboxControl(sandbox, 'POST', 'kombo/custom-fields', { email: 'aisha.khan@example.com', on: 'offer', values: { confirmed_start: '2027-05-03' } });
    await connectBoth(context, extensionId, options, sandbox);
    await options.reload();

    const mapping = options.getByRole('region', { name: 'Field mapping' });
    await mapping.getByRole('combobox', { name: /^Value of Cost centre/ }).selectOption({ label: 'The ATS’s custom field of the application' });
    await mapping.getByRole('textbox', { name: 'Key in the ATS for Cost centre' }).fill('cost_centre');
    await mapping.getByRole('combobox', { name: /^Value of Salary/ }).selectOption({ label: 'The accepted offer' });
    // An ATS key left empty: nothing to save yet.
    await expect(mapping.getByRole('button', { name: 'Save field mapping' })).toBeDisabled();
    await mapping.getByRole('textbox', { name: 'Key in the ATS for Salary' }).fill('compensation.amount');
    await mapping.getByRole('combobox', { name: /^Value of Start date/ }).selectOption({ label: 'The accepted offer' });
    await mapping.getByRole('textbox', { name: 'Key in the ATS for Start date' }).fill('confirmed_start');
    await mapping.getByRole('button', { name: 'Save field mapping' }).click();
    await expect(mapping.getByRole('status')).toHaveText('Field mapping saved.');

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('list', { name: 'Hired candidates waiting for export' }).getByRole('listitem')).toHaveCount(3);
    await popup.getByRole('button', { name: 'Export all' }).click();
    const confirm = popup.getByRole('dialog', { name: 'Export all hired candidates' });
    await confirm.getByRole('combobox', { name: 'Legal entity for everyone' }).selectOption({ label: 'Hirebridge Demo GmbH (DE)' });
    const skipped = confirm.getByRole('list', { name: /^Left out/ });
    // Each person with what they need: the mapping gave Lucas his cost centre and Aisha her start date.
    await expect(skipped.getByRole('listitem').filter({ hasText: 'Lucas Moreau' })).toContainText('Missing Laptop.');
    await expect(skipped.getByRole('listitem').filter({ hasText: 'Aisha Khan' })).toContainText('Missing Cost centre and Laptop.');
    await expect(skipped.getByRole('listitem').filter({ hasText: 'Sofia Almeida' })).toContainText('Missing start date, Cost centre and Laptop.');
    await expect(confirm.getByRole('button', { name: 'Export 0 candidates' })).toBeDisabled();

    // Once for everyone who lacks it; Lucas gets his own laptop inline, and a wrong value there is a field error.
    await confirm.getByRole('textbox', { name: 'Start date', exact: true }).fill('2027-03-01');
    await confirm.getByRole('textbox', { name: 'Cost centre', exact: true }).fill('OPS-1');
    await confirm.getByRole('combobox', { name: 'Laptop', exact: true }).selectOption('Mac');
    const start = confirm.getByRole('button', { name: 'Export 3 candidates' });
    await expect(start).toBeEnabled();
    const lucasRow = confirm.getByRole('listitem').filter({ hasText: 'Lucas Moreau' });
    await lucasRow.getByRole('button', { name: 'Own values for Lucas Moreau' }).click();
    await lucasRow.getByRole('combobox', { name: 'Laptop for Lucas Moreau' }).selectOption('Linux');
    await start.click();
    await expect(popup.getByText(/^3 of 3 sent: 3 exported\. Finished\./)).toBeVisible({ timeout: 20_000 });

    const state = await sandboxControl<State>(sandbox, 'GET', 'state');
    const expected: Record<string, { starts: string; values: [string, string][] }> = {
      'lucas.moreau@example.com': { starts: '2027-04-01', values: [[costCentre.id, 'R&D-7'], [salary.id, '61000'], [laptop.id, 'Linux']] },
      'aisha.khan@example.com': { starts: '2027-05-03', values: [[costCentre.id, 'OPS-1'], [laptop.id, 'Mac']] },
      'sofia.almeida@example.com': { starts: '2027-03-01', values: [[costCentre.id, 'OPS-1'], [laptop.id, 'Mac']] },
    };
    for (const [email, want] of Object.entries(expected)) {
      const [employee, ...others] = state.factorial.employees.filter((e) => e.email === email);
      expect(others).toHaveLength(0);
      expect(employee.contract_starts_on).toBe(want.starts);
      const values = state.factorial.customFieldValues.filter((v) => v.valuable_id === employee.id).map((v): [string, string] => [String(v.field_id), v.value]);
      expect(values.sort()).toEqual(want.values.sort());
    }
  });
});
