import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { connectCard, dialogFrame, launchWithExtension, grantHostPermission, openOptions } from '../../scripts/browser';
import { SANDBOX_KEYS, startSandbox, type Sandbox } from '../../sandbox/server';
import { STAND_INS } from '../../sandbox/stand-ins';

/**
 * E2E fixtures: one sandbox per Playwright worker (reset before each test), one fresh Chromium profile with
 * the built extension per test.
 */
interface TestFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  options: Page;
}
interface WorkerFixtures {
  sandbox: Sandbox;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: [
    async ({}, use: (s: Sandbox) => Promise<void>) => {
      const sandbox = await startSandbox({ port: 0 });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  // `test.use({ locale: 'es-ES' })` sets the browser's (and so the extension's) UI language.
  context: async ({ sandbox, locale }, use) => {
    await resetSandbox(sandbox);
    const launched = await launchWithExtension({ headless: true, locale });
    await use(launched.context);
    await launched.context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  options: async ({ context, extensionId }, use) => {
    const page = await openOptions(context, extensionId);
    await use(page);
  },
});

export { expect, dialogFrame };

export async function resetSandbox(sandbox: Sandbox): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`Sandbox reset failed: ${response.status}`);
}

export async function sandboxControl<T = unknown>(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Sandbox ${method} ${path} failed: ${response.status}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Let the extension reach the sandbox on 127.0.0.1 (a custom base URL's host). */
export async function allowSandboxHost(context: BrowserContext, extensionId: string): Promise<void> {
  await grantHostPermission(context, extensionId, 'http://127.0.0.1/*');
}

/**
 * Serve the vendors' real API hostnames from the sandbox, so the default environments (Production, EU, ...)
 * are exercised exactly as shipped: the extension believes it talks to api.factorialhr.com.
 */
export async function routeVendorHosts(context: BrowserContext, sandbox: Sandbox): Promise<void> {
  const forward = (prefix: string, stripPath = '') => async (route: import('@playwright/test').Route) => {
    const url = new URL(route.request().url());
    const path = stripPath && url.pathname.startsWith(stripPath) ? url.pathname.slice(stripPath.length) : url.pathname;
    const target = `${sandbox.url}${prefix}${path}${url.search}`;
    try {
      // The host the extension called rides along (a Workable subdomain names the account).
      const response = await route.fetch({ url: target, headers: { ...route.request().headers(), 'x-sandbox-host': url.host } });
      await route.fulfill({ response });
    } catch {
      await route.abort('connectionrefused');
    }
  };
  await context.route('https://api.factorialhr.com/**', forward('/factorial'));
  await context.route('https://api.eu2.demo.factorial.dev/**', forward('/factorial'));
  await context.route('https://api.kombo.dev/v1/**', forward('/kombo/v1', '/v1'));
  await context.route('https://api.us.kombo.dev/v1/**', forward('/kombo/v1', '/v1'));
  for (const standIn of STAND_INS) for (const host of standIn.hosts) await context.route(`https://${host}/**`, forward(`/${standIn.vendor}`));
}

/** Stop the extension's service worker the way Chrome does when it is idle (its next event starts a fresh one). */
export async function stopServiceWorker(context: BrowserContext, page: Page, extensionId: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  expect(worker).toBeTruthy();
  await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
}

/**
 * Connect Factorial HR and the ATS (Kombo, whose integration is the demo ATS) to the sandbox, then open the export
 * dialog on a demo-ATS candidate's page.
 */
export async function openDemoAtsExport(context: BrowserContext, extensionId: string, options: Page, sandbox: Sandbox, candidateId: string) {
  await allowSandboxHost(context, extensionId);
  await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo-ats/candidates/${candidateId}`);
  await page.getByRole('button', { name: 'Export to FactorialHR' }).click();
  const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
  return { page, dialog, exportButton: dialog.getByRole('button', { name: 'Export', exact: true }) };
}

/** Factorial HR and Kombo (Greenhouse) connected on the options page, against the sandbox. */
export async function connectBoth(context: BrowserContext, extensionId: string, options: Page, sandbox: Sandbox) {
  await allowSandboxHost(context, extensionId);
  await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
}

/**
 * A recruiter's first export on a browser set up for them (team setup file or policy): the demo ATS's hired
 * Lucas Moreau becomes exactly one Factorial employee.
 */
export async function exportLucasAtOnce(context: BrowserContext, sandbox: Sandbox): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo-ats/candidates/40112234`);
  await page.getByRole('button', { name: 'Export to FactorialHR' }).click();
  const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
  await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Lucas');
  await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ label: 'Hirebridge Demo S.L. (ES)' });
  await dialog.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Sales' });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Exported');
  const state = await sandboxControl<{ factorial: { employees: { email: string }[] } }>(sandbox, 'GET', 'state');
  expect(state.factorial.employees.filter((e) => e.email === 'lucas.moreau@example.com')).toHaveLength(1);
}

/**
 * Sync to ATS on the demo sourcing page, opened from the popup, with no custom base URL asking for 127.0.0.1 (a
 * direct ATS on its real hosts): the sandbox's host is allowed in Sites as an admin would (approved first, as in
 * chrome://extensions, since headless Chromium cannot click the prompt; a popup opened as a tab grants no tab).
 */
export async function openSyncOnDemoSourcing(context: BrowserContext, extensionId: string, options: Page, sandbox: Sandbox, personId = 'sp-1001') {
  await allowSandboxHost(context, extensionId);
  await grantHostPermission(context, extensionId, 'http://localhost/*');
  const sites = options.getByRole('region', { name: 'Sites' });
  await sites.getByRole('button', { name: 'Allow the demo ATS on this computer' }).click();
  await expect(sites.getByRole('status')).toHaveText('Allowed: the demo ATS on this computer now shows Hirebridge’s buttons.');
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo-sourcing/people/${personId}`);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Sync this page to ATS' }).click();
  return { page, dialog: dialogFrame(page).getByRole('dialog', { name: 'Sync to ATS' }) };
}
