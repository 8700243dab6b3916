import type { BrowserContext, Locator, Page } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../sandbox/server';
import { connectCard, grantHostPermission, openOptions } from './browser';

/**
 * What `npm start` and `npm run screenshots` both do before showing anything: connect Hirebridge to the sandbox
 * through its options page, as an admin would, and activate two jobs so Sync to ATS has somewhere to go.
 */
export const DEMO_JOBS = ['Senior Backend Engineer', 'Frontend Engineer'] as const;

/** Connect the Factorial HR card to the sandbox through the options page's form, as an admin would. */
export async function connectFactorialHrToSandbox(options: Page, sandboxUrl: string): Promise<void> {
  await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandboxUrl}/factorial`, apiKey: SANDBOX_KEYS.factorial });
  await options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true }).waitFor();
}

/** Connect the ATS card to the sandbox's Kombo (a Greenhouse account) through the options page's form. */
export async function connectKomboToSandbox(options: Page, sandboxUrl: string): Promise<void> {
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandboxUrl}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await options.getByRole('region', { name: 'ATS', exact: true }).getByText('Connected', { exact: true }).waitFor();
}

export async function connectToSandbox(context: BrowserContext, extensionId: string, sandbox: Sandbox): Promise<Page> {
  const { protocol, hostname } = new URL(sandbox.url);
  await grantHostPermission(context, extensionId, `${protocol}//${hostname}/*`);
  const options = await openOptions(context, extensionId);
  await connectFactorialHrToSandbox(options, sandbox.url);
  await connectKomboToSandbox(options, sandbox.url);
  // Jobs arrive Disabled.
  for (const job of DEMO_JOBS) {
    const row = options.getByRole('region', { name: 'Jobs' }).getByRole('row').filter({ has: options.getByRole('rowheader', { name: job, exact: true }) });
    await row.getByRole('button', { name: 'Activate' }).click();
    await row.getByText('Active', { exact: true }).waitFor();
  }
  return options;
}

/**
 * A picture of an open dialog, whole: its own scroll area is as tall as the window allows, so the window is made
 * tall enough for all of it (form and buttons) first. A viewport picture, not a full-page one: the dialog's
 * backdrop is fixed to the window, and a full-page picture would show the page below it uncovered.
 */
export async function screenshotDialog(page: Page, dialog: Locator, path: string): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 860 };
  const { full, top } = await dialog.evaluate((el) => ({ full: el.scrollHeight, top: el.getBoundingClientRect().top }));
  await page.setViewportSize({ width: before.width, height: Math.max(before.height, Math.ceil(full + 2 * top)) });
  // The dialog lives in its extension frame: wait in that frame, where its element is.
  const handle = await dialog.elementHandle();
  const frame = (await handle?.ownerFrame()) ?? page.mainFrame();
  await frame.waitForFunction((el) => !!el && el.clientHeight >= el.scrollHeight, handle);
  await page.screenshot({ path });
  await page.setViewportSize(before);
}

/** Wait until Hirebridge's buttons on an ATS page have their answer (none still "checking"). */
export async function buttonsSettled(page: Page): Promise<void> {
  await page.locator('hirebridge-action button').first().waitFor();
  await page.locator('hirebridge-action button[aria-busy="true"]').first().waitFor({ state: 'detached' });
}
