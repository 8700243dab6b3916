import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { SANDBOX_KEYS } from '../../sandbox/server';
import { connectCard, grantHostPermission, launchWithExtension, openOptions, type LaunchedExtension, scratchDir } from '../../scripts/browser';
import { allowSandboxHost, expect } from './fixtures';

/** The steps every "Teach this page" spec takes as an admin would, written once. */

/** Factorial HR connected to the test's sandbox (Custom environment), as the admin does first. */
export async function connectFactorial(options: Page, context: BrowserContext, extensionId: string, sandboxUrl: string) {
  await allowSandboxHost(context, extensionId);
  await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandboxUrl}/factorial`, apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
}

/**
 * The admin allows Hirebridge on the host in options → Sites (headless Chromium cannot click the prompt: it is
 * approved first, as in chrome://extensions, so the panel's own request resolves at once).
 */
export async function allowHost(options: Page, context: BrowserContext, extensionId: string, host: string) {
  await grantHostPermission(context, extensionId, `https://${host}/*`);
  const sites = options.getByRole('region', { name: 'Sites' });
  await sites.getByRole('textbox', { name: 'Another ATS’s address (to teach)' }).fill(`https://${host}/`);
  await sites.getByRole('button', { name: 'Allow this ATS' }).click();
  await expect(sites.getByRole('status')).toHaveText(`Allowed: open a page of ${host}, then Teach this page in the toolbar popup.`);
}

/** The picker, opened from the toolbar popup (shown in a tab of its own) on the page in the current tab. */
export async function openTeacher(context: BrowserContext, extensionId: string, page: Page) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Teach this page' }).click();
  // The popup closes once the picker is open; a refusal is said in it.
  await expect.poll(async () => (popup.isClosed() ? 'closed' : await popup.getByRole('alert').textContent({ timeout: 500 }).catch(() => 'open'))).toBe('closed');
  await page.bringToFront();
  const teach = page.getByRole('dialog', { name: 'Teach this page' });
  await expect(teach).toBeVisible();
  return teach;
}

/** The admin exports the team setup file, its keys sealed with `passphrase`: where it was saved, and what it holds. */
export async function exportTeamSetupFile(options: Page, passphrase: string): Promise<{ path: string; setup: { version: number; siteRecipes: unknown } }> {
  const team = options.getByRole('region', { name: 'Team setup' });
  await options.reload();
  await team.getByLabel('Passphrase for the keys').fill(passphrase);
  const [download] = await Promise.all([options.waitForEvent('download'), team.getByRole('button', { name: 'Export team setup' }).click()]);
  const path = join(scratchDir('hirebridge-teach-'), download.suggestedFilename());
  await download.saveAs(path);
  return { path, setup: JSON.parse(readFileSync(path, 'utf8')) };
}

/**
 * A recruiter's clean browser that imported the team setup file (the sandbox's host allowed), with its options page.
 * The caller closes it (`recruiter.context.close()`).
 */
export async function recruiterWithTeamSetup(setupPath: string, passphrase: string): Promise<{ recruiter: LaunchedExtension; theirOptions: Page }> {
  const recruiter = await launchWithExtension({ headless: true });
  try {
    await allowSandboxHost(recruiter.context, recruiter.extensionId);
    const theirOptions = await openOptions(recruiter.context, recruiter.extensionId);
    const theirTeam = theirOptions.getByRole('region', { name: 'Team setup' });
    await theirTeam.getByLabel('Team setup file').setInputFiles(setupPath);
    await theirTeam.getByLabel('Passphrase from your admin').fill(passphrase);
    await theirTeam.getByRole('button', { name: 'Import team setup' }).click();
    await expect(theirTeam.getByRole('status')).toContainText('Team setup imported');
    return { recruiter, theirOptions };
  } catch (error) {
    await recruiter.context.close();
    throw error;
  }
}
