import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SANDBOX_KEYS } from '../../sandbox/server';
import { connectCard, launchWithExtension, openOptions, scratchDir } from '../../scripts/browser';
import { allowSandboxHost, expect, exportLucasAtOnce, test } from './fixtures';

/**
 * Team setup without IT: the admin exports a file in one profile, a recruiter imports it in a second, clean
 * profile and is ready at once (connected, the same active jobs and settings), with admin actions left to the admin.
 */

const PASSPHRASE = 'team passphrase 2026';
const jobRow = (options: Page, name: string) => options.getByRole('region', { name: 'Jobs' }).getByRole('row').filter({ has: options.getByRole('rowheader', { name, exact: true }) });

// Two browsers and two full setups (now with a site recipe too) take longer than the default on a loaded machine.
test.describe.configure({ timeout: 90_000 });

test.describe('Team setup file', () => {
  test('export in the admin’s profile, import in a clean one: connected, same jobs and settings, export works at once', async ({ context, extensionId, options, sandbox }) => {
    // The admin's browser: both integrations, two active jobs, a source tag of their own.
    await allowSandboxHost(context, extensionId);
    await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
    await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
    await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
    await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
    for (const name of ['Frontend Engineer', 'Senior Backend Engineer']) {
      await jobRow(options, name).getByRole('button', { name: 'Activate' }).click();
      await expect(jobRow(options, name)).toContainText('Active');
    }
    const syncRegion = options.getByRole('region', { name: 'Sync to ATS' });
    await syncRegion.getByRole('textbox', { name: 'Source tag' }).fill('Acme Sourcing');
    await syncRegion.getByRole('button', { name: 'Save source tag' }).click();
    await expect(syncRegion.getByRole('status')).toBeVisible();
    // A site recipe the admin taught (here: imported) travels with the setup.
    const recipe = { host: 'app.breezy.hr', path: '/candidates/:id', fields: { name: 'h2.cand-name', anchor: '.toolbar' } };
    const sites = options.getByRole('region', { name: 'Sites' });
    await sites.getByLabel('Import recipes').setInputFiles({ name: 'recipes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'hirebridge-site-recipes', version: 1, recipes: [recipe] })) });
    await expect(sites.getByRole('status')).toHaveText('1 recipes imported.');

    const team = options.getByRole('region', { name: 'Team setup' });
    await team.getByLabel('Passphrase for the keys').fill('too short');
    await expect(team.getByRole('button', { name: 'Export team setup' })).toBeDisabled();
    await team.getByLabel('Passphrase for the keys').fill(PASSPHRASE);
    const [download] = await Promise.all([options.waitForEvent('download'), team.getByRole('button', { name: 'Export team setup' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hirebridge-team-setup-\d{4}-\d{2}-\d{2}\.json$/);
    await expect(team.getByRole('status')).toContainText('Team setup saved as');
    const dir = scratchDir('hirebridge-team-');
    const setupPath = join(dir, download.suggestedFilename());
    await download.saveAs(setupPath);
    const text = readFileSync(setupPath, 'utf8');
    // The keys travel only encrypted.
    expect(text).not.toContain(SANDBOX_KEYS.kombo);
    expect(text).not.toContain(SANDBOX_KEYS.factorial);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'hirebridge-team-setup', version: 2, company: { komboIntegrationId: SANDBOX_KEYS.komboIntegrationId }, settings: { sourceName: 'Acme Sourcing' } });
    expect(file.activeJobs.ids).toHaveLength(2);
    expect(file.siteRecipes).toEqual([expect.objectContaining(recipe)]);
    expect(file.company.factorialCompanyId).toMatch(/^\d+$/);
    const corruptPath = join(dir, 'corrupt.json');
    writeFileSync(corruptPath, text.slice(0, text.length / 2));
    const newerPath = join(dir, 'newer.json');
    writeFileSync(newerPath, JSON.stringify({ ...file, version: 7 }));

    // A recruiter's clean profile.
    const recruiter = await launchWithExtension({ headless: true });
    try {
      await allowSandboxHost(recruiter.context, recruiter.extensionId);
      const page = await openOptions(recruiter.context, recruiter.extensionId);
      const theirTeam = page.getByRole('region', { name: 'Team setup' });
      const fileInput = theirTeam.getByLabel('Team setup file');
      const importButton = theirTeam.getByRole('button', { name: 'Import team setup' });

      // A damaged file, one from a newer version, a wrong passphrase: each says so and changes nothing.
      await fileInput.setInputFiles(corruptPath);
      await importButton.click();
      await expect(theirTeam.getByRole('alert')).toHaveText('This file is not a Hirebridge team setup: it is not valid JSON. Nothing was changed.');
      await fileInput.setInputFiles(newerPath);
      await importButton.click();
      await expect(theirTeam.getByRole('alert')).toContainText('from a newer version of Hirebridge (format 7)');
      await fileInput.setInputFiles(setupPath);
      await theirTeam.getByLabel('Passphrase from your admin').fill('not the passphrase');
      await importButton.click();
      await expect(theirTeam.getByRole('alert')).toHaveText('That passphrase does not open the keys in this file. Nothing was changed.');
      await page.reload();
      await expect(page.getByRole('region', { name: 'ATS' }).getByRole('button', { name: 'Connect' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Sync to ATS' }).getByRole('textbox', { name: 'Source tag' })).toHaveValue('Hirebridge');

      // The right passphrase: one step, and the browser is ready.
      await theirTeam.getByLabel('Team setup file').setInputFiles(setupPath);
      await theirTeam.getByLabel('Passphrase from your admin').fill(PASSPHRASE);
      await theirTeam.getByRole('button', { name: 'Import team setup' }).click();
      await expect(theirTeam.getByRole('status')).toHaveText('Team setup imported: Factorial HR and the ATS connected, 2 active jobs.');
      await expect(page.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
      await expect(page.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
      await expect(jobRow(page, 'Frontend Engineer')).toContainText('Active');
      await expect(jobRow(page, 'Senior Backend Engineer')).toContainText('Active');
      await expect(jobRow(page, 'Data Engineer')).toContainText('Disabled');
      await expect(page.getByRole('region', { name: 'Sync to ATS' }).getByRole('textbox', { name: 'Source tag' })).toHaveValue('Acme Sourcing');
      await expect(theirTeam).toContainText('This browser follows your team’s setup file of');
      await expect(theirTeam.getByRole('button', { name: 'Export team setup' })).toHaveCount(0);
      const theirRecipes = page.getByRole('region', { name: 'Sites' }).getByRole('list', { name: 'Taught pages' });
      await expect(theirRecipes.getByRole('listitem')).toContainText('app.breezy.hr /candidates/:id');
      await expect(theirRecipes.getByRole('listitem')).toContainText('From the team setup file.');

      // Roles follow: admin actions are disabled, with the reason beside them, from the page's first render on (a
      // watcher set before the page's own scripts records any admin button that ever shows enabled).
      await recruiter.context.addInitScript(() => {
        const seen: string[] = [];
        Object.assign(window, { enabledAdminButtons: seen });
        const admin = /^(Activate|Deactivate|Remove integration|Delete local data|Connect)$/;
        const look = () => {
          for (const b of document.querySelectorAll('button')) if (!b.matches(':disabled') && admin.test(b.textContent?.trim() ?? '')) seen.push(b.textContent!.trim());
        };
        new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
      });
      await page.reload();
      const reason = 'This browser follows your team’s setup, so this is done by your admin.';
      const deactivate = jobRow(page, 'Frontend Engineer').getByRole('button', { name: 'Deactivate' });
      await expect(deactivate).toBeDisabled();
      await expect(deactivate).toHaveAccessibleDescription(reason);
      await expect(page.getByRole('region', { name: 'Jobs' })).toContainText(reason);
      await expect(page.getByRole('region', { name: 'ATS' }).getByRole('button', { name: 'Remove integration' })).toBeDisabled();
      await expect(page.getByRole('region', { name: 'Data' }).getByRole('button', { name: 'Delete local data' })).toBeDisabled();
      await expect(page.getByRole('region', { name: 'Sync to ATS' }).getByRole('textbox', { name: 'Source tag' })).toBeDisabled();
      // Syncing the jobs is not an admin action: it stays.
      await expect(page.getByRole('region', { name: 'Jobs' }).getByRole('button', { name: 'Sync now' })).toBeEnabled();
      expect(await page.evaluate(() => (window as unknown as { enabledAdminButtons: string[] }).enabledAdminButtons)).toEqual([]);
      await expect(jobRow(page, 'Frontend Engineer')).toContainText('Active');

      // Exporting works at once.
      await exportLucasAtOnce(recruiter.context, sandbox);
    } finally {
      await recruiter.context.close();
    }
  });
});
