import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { SANDBOX_KEYS } from '../../sandbox/server';
import { EXTENSION_DIR, grantHostPermission, launchWithExtension, openOptions, type LaunchedExtension, scratchDir } from '../../scripts/browser';
import { allowSandboxHost, expect, resetSandbox, exportLucasAtOnce, test } from './fixtures';

/**
 * Deploy by managed policy, with a REAL policy file: headless Debian Chromium reads
 * /etc/chromium/policies/managed/*.json at start and hands `3rdparty.extensions.<id>` to chrome.storage.managed.
 * A policy file is machine-wide, so this spec loads its own copy of the build (another path, so another id: no other
 * test's extension sees this policy) and removes the file afterwards.
 */

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_COPY = resolve(EXTENSION_DIR, '..', 'chrome-mv3-policy-test');
const jobRow = (options: Page, name: string) => options.getByRole('region', { name: 'Jobs' }).getByRole('row').filter({ has: options.getByRole('rowheader', { name, exact: true }) });

// Serial: the policy file is one per machine. Two browser starts per test take longer than the default.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.describe('Deploy by managed policy (real Chromium policy file)', () => {
  let extensionId = '';
  let policyFile = '';

  test.beforeAll(async () => {
    rmSync(POLICY_COPY, { recursive: true, force: true });
    cpSync(EXTENSION_DIR, POLICY_COPY, { recursive: true });
    // Launch once to learn the id Chromium gives this path.
    const first = await launchWithExtension({ headless: true, extensionDir: POLICY_COPY });
    extensionId = first.extensionId;
    await first.context.close();
    policyFile = join(POLICY_DIR, `hirebridge-test-${extensionId}.json`);
  });

  test.afterAll(() => {
    if (policyFile) rmSync(policyFile, { force: true });
    rmSync(POLICY_COPY, { recursive: true, force: true });
  });

  function writePolicy(settings: Record<string, unknown>) {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: settings } } }));
  }

  /**
   * Start Chromium on the policy. The sandbox runs on this machine, so the policy's Custom base URLs need the
   * 127.0.0.1 host allowed (as Sites → Allow the demo ATS does); once it is, the deployed connections are set up.
   */
  async function launchManaged(userDataDir: string, allowHost = true): Promise<{ launched: LaunchedExtension; options: Page }> {
    const launched = await launchWithExtension({ headless: true, extensionDir: POLICY_COPY, userDataDir });
    expect(launched.extensionId).toBe(extensionId);
    const options = await openOptions(launched.context, extensionId);
    if (allowHost) {
      // Headless Chromium cannot click a permission prompt: the hosts are approved first, as in chrome://extensions.
      await allowSandboxHost(launched.context, extensionId);
      await grantHostPermission(launched.context, extensionId, 'http://localhost/*');
      await options.getByRole('button', { name: 'Allow the demo ATS on this computer' }).click();
      await expect(options.getByRole('region', { name: 'Sites' }).getByRole('status')).toHaveText('Allowed: the demo ATS on this computer now shows Hirebridge’s buttons.');
      // The page shows what the worker had when it loaded: read it again until the deployed connection is in.
      await expect(async () => {
        await options.reload();
        await expect(options.getByRole('region', { name: 'ATS', exact: true }).getByText('Connected', { exact: true })).toBeVisible({ timeout: 2_000 });
      }).toPass();
    }
    return { launched, options };
  }

  const policy = (sandboxUrl: string, hrKey: string) => ({
    managedBy: 'Acme IT',
    connections: {
      hr: { provider: 'factorial-hr', environment: 'custom', baseUrl: `${sandboxUrl}/factorial`, apiKey: hrKey },
      ats: { provider: 'kombo', environment: 'custom', baseUrl: `${sandboxUrl}/kombo/v1`, integrationId: SANDBOX_KEYS.komboIntegrationId, apiKey: SANDBOX_KEYS.kombo },
    },
    activeJobIds: ['KJ000002'],
    sourceName: 'Acme Sourcing',
    pullIntervalMinutes: 240,
    // Of the types the schema gives (Chromium drops what does not fit its schema), but not values Hirebridge takes.
    retentionDays: 0,
    activeJobCountries: ['Spain'],
  });

  test('a managed browser is connected, with the organisation’s jobs and settings, read-only; exporting works at once', async ({ sandbox }) => {
    await resetSandbox(sandbox);
    writePolicy(policy(sandbox.url, SANDBOX_KEYS.factorial));
    const { launched, options } = await launchManaged(scratchDir('hirebridge-managed-'));
    try {
      // Read from the options page: the worker seen at launch was stopped above.
      const managed = await options.evaluate(() => chrome.storage.managed.get(null));
      expect(managed).toMatchObject({ managedBy: 'Acme IT', sourceName: 'Acme Sourcing' });

      const hr = options.getByRole('region', { name: 'Factorial HR' });
      const ats = options.getByRole('region', { name: 'ATS', exact: true });
      await expect(hr.getByText('Connected', { exact: true })).toBeVisible();
      await expect(ats.getByText('Connected', { exact: true })).toBeVisible();
      await expect(ats).toContainText('Managed by your organisation');
      await expect(ats.getByRole('button', { name: 'Remove integration' })).toHaveCount(0);
      await expect(ats.getByRole('textbox', { name: 'API key' })).toHaveCount(0);
      await expect(jobRow(options, 'Frontend Engineer')).toContainText('Active');
      await expect(jobRow(options, 'Senior Backend Engineer')).toContainText('Disabled');
      const source = options.getByRole('region', { name: 'Sync to ATS' }).getByRole('textbox', { name: 'Source tag' });
      await expect(source).toHaveValue('Acme Sourcing');
      await expect(source).toBeDisabled();

      const team = options.getByRole('region', { name: 'Team setup' });
      await expect(team).toContainText('This browser is managed by your organisation (Acme IT)');
      await expect(team.getByRole('button', { name: 'Export team setup' })).toHaveCount(0);
      await expect(team.getByRole('button', { name: 'Import team setup' })).toHaveCount(0);
      // What the policy had wrong is said, field by field, and the rest applied.
      const notes = team.getByRole('note');
      await expect(notes).toContainText('“retentionDays” was ignored: Keep data at least 1 day.');
      await expect(notes).toContainText('“activeJobCountries” was ignored');
      await expect(options.getByRole('region', { name: 'Data' }).getByRole('textbox', { name: 'Keep candidate data for (days)' })).toHaveValue('30');

      // Roles follow: an admin action is the admin's, disabled with the reason.
      const deactivate = jobRow(options, 'Frontend Engineer').getByRole('button', { name: 'Deactivate' });
      await expect(deactivate).toBeDisabled();
      await expect(deactivate).toHaveAccessibleDescription('This browser follows your team’s setup, so this is done by your admin.');

      // The key stays in the vault: never in the page.
      expect(await options.content()).not.toContain(SANDBOX_KEYS.kombo);

      // Exporting works at once.
      await exportLucasAtOnce(launched.context, sandbox);
    } finally {
      await launched.context.close();
    }
  });

  test('a deployed key that stops working tells the recruiter to ask their admin, with no key prompt', async ({ sandbox }) => {
    await resetSandbox(sandbox);
    const profile = scratchDir('hirebridge-managed-');
    writePolicy(policy(sandbox.url, SANDBOX_KEYS.factorial));
    const first = await launchManaged(profile);
    await expect(first.options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
    await first.launched.context.close();

    // The organisation pushes a key the vendor refuses (as a revoked one is).
    writePolicy(policy(sandbox.url, 'sbx-factorial-revoked0000'));
    // The host stays allowed in this profile: the new policy is applied at start.
    const { launched, options } = await launchManaged(profile, false);
    try {
      const hr = options.getByRole('region', { name: 'Factorial HR' });
      await expect(hr.getByRole('alert')).toContainText('Ask your admin for a new one.');
      await expect(hr.getByRole('textbox', { name: 'API key' })).toHaveCount(0);
      await expect(options.getByRole('region', { name: 'Team setup' }).getByRole('note')).toContainText('The key your organisation deployed for Factorial HR was refused');
      await expect(options.getByRole('region', { name: 'ATS', exact: true }).getByText('Connected', { exact: true })).toBeVisible();
    } finally {
      await launched.context.close();
    }
  });
});
