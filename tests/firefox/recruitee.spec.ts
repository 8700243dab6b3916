import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { recruitee } from '../../sandbox/recruitee/api';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { launchFirefoxWithExtension, openExtensionPage, type FirefoxWithExtension } from './harness';

/**
 * Recruitee connected directly, in real Firefox ESR (the Firefox build): the ATS card offers it by name, asks for the
 * Company ID and the Personal API token as Recruitee labels them, connects through a Custom base URL to the sandbox's
 * Recruitee stand-in (asking for that host), and pulls Recruitee's offers into the Jobs tab.
 */
let sandbox: Sandbox;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  firefox = await launchFirefoxWithExtension();
});
afterEach(async () => {
  await firefox?.close();
});

/** Controls are found as a person reads them (a region's name, a label's text, a button's text): see extension.spec.ts. */
async function region(page: Page, name: string): Promise<ElementHandle> {
  const found = await page.waitForSelector(`::-p-aria([name=${JSON.stringify(name)}][role="region"])`);
  if (!found) throw new Error(`No region ${name}`);
  return found;
}

async function labelled(scope: ElementHandle, label: string): Promise<ElementHandle> {
  const handle = await scope.frame.waitForFunction(
    (root, wanted) => [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === wanted)?.control ?? null,
    { timeout: 15_000, polling: 100 },
    scope,
    label,
  );
  return handle.asElement() as ElementHandle;
}

async function choose(scope: ElementHandle, label: string, option: string): Promise<void> {
  const select = (await labelled(scope, label)) as ElementHandle<HTMLSelectElement>;
  const value = await select.evaluate((el, wanted) => [...el.options].find((o) => o.label === wanted)?.value, option);
  if (value === undefined) throw new Error(`${label} has no option ${option}`);
  await select.select(value);
}

async function type(scope: ElementHandle, label: string, text: string): Promise<void> {
  const input = await labelled(scope, label);
  await input.click({ count: 3 });
  await input.type(text);
}

async function clickButton(scope: ElementHandle, text: string): Promise<void> {
  const handle = await scope.frame.waitForFunction(
    (root, wanted) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === wanted && !b.disabled) ?? null,
    { timeout: 15_000, polling: 100 },
    scope,
    text,
  );
  await (handle.asElement() as ElementHandle).click();
}

async function waitForText(scope: ElementHandle, text: string): Promise<void> {
  await scope.frame.waitForFunction((el, wanted) => !!el.textContent?.includes(wanted), { timeout: 15_000, polling: 100 }, scope, text);
}

describe('Firefox ESR: Recruitee, connected directly', () => {
  test('connects with the Company ID and the Personal API token on a Custom base URL, and pulls the jobs', async () => {
    const options = await openExtensionPage(firefox, '/options.html');
    const ats = await region(options, 'ATS');
    await choose(ats, 'Provider', 'Recruitee');
    await choose(ats, 'Environment', 'Custom');
    await type(ats, 'Base URL', `${sandbox.url}/recruitee`);
    await type(ats, 'Company ID', recruitee.keys.companyId);
    await type(ats, 'Personal API token', recruitee.keys.token);
    await clickButton(ats, 'Connect');
    await waitForText(ats, 'Connected');

    // The Custom base URL's host was asked for and granted; the offers came into the Jobs tab (no talent pool).
    expect(await options.evaluate(() => browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(true);
    const jobs = await region(options, 'Jobs');
    for (const name of ['Senior Backend Engineer', 'Product Designer', 'Data Analyst', 'Office Manager']) await waitForText(jobs, name);
    expect(await jobs.evaluate((el) => el.textContent?.includes('Engineering talent pool'))).toBe(false);
    const requests = (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as { vendor: string; method: string; path: string; status: number }[];
    expect(
      requests.filter((r) => r.vendor === 'recruitee' && r.path === `/recruitee/c/${recruitee.keys.companyId}/offers` && r.status === 200).length,
    ).toBeGreaterThanOrEqual(2);
  });
});
