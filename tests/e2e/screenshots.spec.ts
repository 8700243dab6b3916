import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SANDBOX_KEYS } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { allowSandboxHost, expect, test } from './fixtures';

/**
 * The README's pictures, taken by the E2E run on the built extension against the sandbox: what a user sees on
 * the options page, an ATS page with its buttons, the export and sync dialogs, and the popup.
 */
const DIR = resolve(import.meta.dirname, '../../docs/screenshots');

test('README screenshots: options, ATS page, Export and Sync dialogs, popup', async ({ context, extensionId, options, sandbox }) => {
  mkdirSync(DIR, { recursive: true });
  await options.setViewportSize({ width: 1100, height: 900 });
  await allowSandboxHost(context, extensionId);
  await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
  const jobs = options.getByRole('region', { name: 'Jobs' });
  const row = jobs.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Senior Backend Engineer', exact: true }) });
  await row.getByRole('button', { name: 'Activate' }).click();
  await expect(row).toContainText('Active');
  await options.screenshot({ path: `${DIR}/options.png`, fullPage: false });
  await jobs.scrollIntoViewIfNeeded();
  await options.screenshot({ path: `${DIR}/jobs.png` });

  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(`${sandbox.url}/demo-ats/candidates/40112234`);
  await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toBeEnabled();
  await page.screenshot({ path: `${DIR}/ats-page.png` });
  await page.getByRole('button', { name: 'Export to FactorialHR' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export to FactorialHR' });
  await expect(exportDialog.getByRole('textbox', { name: 'Email' })).toHaveValue('lucas.moreau@example.com');
  await page.screenshot({ path: `${DIR}/export-dialog.png` });
  await exportDialog.getByRole('button', { name: 'Cancel' }).click();

  await page.goto(`${sandbox.url}/demo-sourcing/people/sp-1001`);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 760 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Hired candidates' })).toBeVisible();
  await popup.screenshot({ path: `${DIR}/popup.png` });
  await popup.getByRole('button', { name: 'Sync this page to ATS' }).click();
  const syncDialog = page.getByRole('dialog', { name: 'Sync to ATS' });
  await expect(syncDialog.getByRole('textbox', { name: 'Email' })).toHaveValue('zoe.nunez@example.com');
  await syncDialog.getByRole('combobox', { name: 'Job' }).selectOption({ index: 1 });
  await page.bringToFront();
  await page.screenshot({ path: `${DIR}/sync-dialog.png` });
});
