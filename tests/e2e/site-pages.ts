import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { dialogFrame, expect, routeVendorHosts, sandboxControl } from './fixtures';

/** What the specs on the ATSs' real pages share: their evidence-built pages, served on real hostnames, and the set-up. */

/** A page rebuilt from public evidence (tests/fixtures/sites/<ats>/<name>, each element's source in a comment). */
export const siteFixture = (ats: string, name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/sites', ats, name), 'utf8');

/** Serves `pages` (by path) on one real ATS origin; other paths of the host answer 404. */
export async function servePages(context: BrowserContext, origin: string, pages: Record<string, string>) {
  await context.route(`${origin}/**`, async (route) => {
    const body = pages[new URL(route.request().url()).pathname];
    if (body === undefined) return route.fulfill({ status: 404, body: 'Not found' });
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

/** Factorial HR and Kombo (a Greenhouse integration) on their Production / EU hosts, served by the sandbox. */
export async function connectProduction(options: Page, context: BrowserContext, sandbox: Sandbox) {
  await routeVendorHosts(context, sandbox);
  await connectCard(options, 'Factorial HR', { environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'EU', apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
}

/** Kombo's "Only Sync Created Applications" on, and Elena created in Greenhouse and hired: Kombo does not see her. */
export async function untrackedHire(sandbox: Sandbox) {
  await sandboxControl(sandbox, 'POST', 'kombo/tracking', { syncOnlyCreated: true });
  return sandboxControl<{ remote_id: string; application_remote_id: string }>(sandbox, 'POST', 'candidates', {
    first_name: 'Elena',
    last_name: 'Petrova',
    email: 'elena.petrova@example.com',
    job_id: 'KJ000007',
    hired: true,
    offer: { status: 'ACCEPTED', employment_start_date: '2027-03-01T00:00:00.000Z' },
  });
}

/**
 * The floating or anchored button `button` for an untracked hire, opened on `path`: the form offers Kombo's tracking
 * import for the application the address names, never "open the candidate's application"; then cancelled.
 */
export async function expectKomboImportOffered(page: Page, button: Locator, path: string) {
  await button.click();
  const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
  await expect(dialog.getByRole('status').filter({ hasText: 'Kombo does not know' }).getByRole('button', { name: 'Import into Kombo’s tracking' }), path).toBeVisible();
  await expect(dialog.getByText('open the candidate’s application', { exact: false }), path).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
}
