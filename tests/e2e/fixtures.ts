import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension, grantHostPermission, openOptions } from '../../scripts/browser';
import { startSandbox, type Sandbox } from '../../sandbox/server';

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

export { expect };

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
      const response = await route.fetch({ url: target });
      await route.fulfill({ response });
    } catch {
      await route.abort('connectionrefused');
    }
  };
  await context.route('https://api.factorialhr.com/**', forward('/factorial'));
  await context.route('https://api.eu2.demo.factorial.dev/**', forward('/factorial'));
  await context.route('https://api.kombo.dev/v1/**', forward('/kombo/v1', '/v1'));
  await context.route('https://api.us.kombo.dev/v1/**', forward('/kombo/v1', '/v1'));
}
