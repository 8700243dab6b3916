import { SANDBOX_KEYS } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { allowSandboxHost, expect, test } from './fixtures';

test.describe('Security and Data on the options page', () => {
  test('the admin passphrase locks viewing, removing and sync rules; wrong tries are refused; only a hash is stored', async ({ context, extensionId, options, sandbox }) => {
    await allowSandboxHost(context, extensionId);
    await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
    const ats = options.getByRole('region', { name: 'ATS' });
    await expect(ats.getByText('Connected', { exact: true })).toBeVisible();

    const security = options.getByRole('region', { name: 'Security' });
    await security.getByLabel('Admin passphrase').fill('short');
    await expect(security.getByRole('button', { name: 'Set passphrase' })).toBeDisabled();
    await security.getByLabel('Admin passphrase').fill('correct horse battery');
    await security.getByRole('button', { name: 'Set passphrase' }).click();
    await expect(security.getByRole('status')).toHaveText('Passphrase set: admin settings now ask for it.');
    await security.getByRole('button', { name: 'Lock now' }).click();
    await expect(security.getByRole('button', { name: 'Unlock' })).toBeVisible();

    // Locked: viewing, removing, changing rules are refused with the reason; nothing changes.
    await ats.getByRole('button', { name: 'View' }).click();
    await expect(ats.getByRole('alert')).toHaveText('This needs the admin passphrase: unlock in the Security section first.');
    await expect(ats.getByRole('term').filter({ hasText: 'API key' })).toHaveCount(0);
    await ats.getByRole('button', { name: 'Remove integration' }).click();
    await expect(ats.getByRole('alert')).toContainText('needs the admin passphrase');
    await expect(ats.getByText('Connected', { exact: true })).toBeVisible();
    const jobs = options.getByRole('region', { name: 'Jobs' });
    await jobs.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Frontend Engineer', exact: true }) }).getByRole('button', { name: 'Activate' }).click();
    await expect(jobs.getByRole('alert')).toContainText('needs the admin passphrase');
    await expect(jobs.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Frontend Engineer', exact: true }) })).toContainText('Disabled');

    // A wrong passphrase is refused; the right one unlocks.
    await security.getByLabel('Admin passphrase').fill('wrong passphrase!');
    await security.getByRole('button', { name: 'Unlock' }).click();
    await expect(security.getByRole('alert')).toContainText('That passphrase is not right');
    await security.getByLabel('Admin passphrase').fill('correct horse battery');
    await security.getByRole('button', { name: 'Unlock' }).click();
    await expect(security.getByRole('status')).toHaveText('Unlocked for 15 minutes.');
    await ats.getByRole('button', { name: 'View' }).click();
    await expect(ats.getByText('••••c2d7', { exact: true })).toBeVisible();

    // The passphrase itself is not stored: only a salted hash.
    const stored = await options.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('hirebridge');
          open.onsuccess = () => {
            const get = open.result.transaction('settings').objectStore('settings').getAll();
            get.onsuccess = () => resolve(JSON.stringify(get.result));
          };
        }),
    );
    expect(stored).not.toContain('correct horse battery');
    expect(stored).toContain('"iterations":310000');
  });

  test('Delete local data asks first, then erases candidates, operations and activity but keeps the connections', async ({ context, extensionId, options, sandbox }) => {
    await allowSandboxHost(context, extensionId);
    await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
    await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
    // Visiting the demo ATS list captures its hired candidates locally.
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates`);
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' }).first()).toBeVisible();

    const data = options.getByRole('region', { name: 'Data' });
    await data.getByRole('button', { name: 'Delete local data' }).click();
    const confirm = data.getByRole('alertdialog');
    await expect(confirm).toContainText(/This erases [1-9]\d* candidates/);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    await data.getByRole('button', { name: 'Delete local data' }).click();
    await data.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect(data.getByRole('status')).toContainText('Connections were kept.');
    await data.getByRole('button', { name: 'Delete local data' }).click();
    await expect(data.getByRole('alertdialog')).toContainText('This erases 0 candidates, 0 operations and 0 activity entries');
    await options.reload();
    await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();

    // Retention: validated, saved.
    const days = options.getByRole('region', { name: 'Data' }).getByRole('textbox', { name: 'Keep candidate data for (days)' });
    await expect(days).toHaveValue('30');
    await days.fill('0');
    await expect(days).toHaveAccessibleDescription('Keep data at least 1 day.');
    await days.fill('7');
    await options.getByRole('region', { name: 'Data' }).getByRole('button', { name: 'Save' }).click();
    await expect(options.getByRole('region', { name: 'Data' }).getByRole('status')).toHaveText('Candidate data is now kept for 7 days.');
  });
});
