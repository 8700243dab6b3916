import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { allowSandboxHost, dialogFrame, expect, test } from './fixtures';

/**
 * Lever as recruiters work in it, on the page rebuilt from public evidence (tests/fixtures/sites/lever/flyover.html,
 * each element's source in a comment) served on hire.lever.co: the profile is a flyover over the candidate list, at
 * the opened candidate's address. Which buttons appear, where, and on which candidate each acts (the Sync to ATS
 * form, pre-filled from what the button carries). The team's ATS is Greenhouse through Kombo (the sandbox).
 */
const ANA = '1c9d4f2e-7a3b-4e8f-9b21-5d6e7f8a9b0c';
const BEN = '2b8e5a31-6c4d-4f70-8a12-3e4f5a6b7c8d';
const CHLOE = '3c7d9e1f-2a4b-4c6d-8e0f-1a2b3c4d5e6f';
const SYNC = { name: 'Sync to ATS' } as const;

const FLYOVER_PAGE = readFileSync(resolve(import.meta.dirname, '../fixtures/sites/lever/flyover.html'), 'utf8');
/** The flyover's markup, as in the evidence page. */
const FLYOVER = FLYOVER_PAGE.slice(FLYOVER_PAGE.indexOf('<div class="flyover">'), FLYOVER_PAGE.indexOf('</body>'));
/** The list with no profile open: the same page without its flyover, titled as Lever's bare title. */
const LIST_PAGE = FLYOVER_PAGE.replace(FLYOVER, '').replace('<title>Ana García López – Lever Hire</title>', '<title>Lever Hire</title>');

async function serveLever(context: BrowserContext) {
  await context.route('https://hire.lever.co/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = path === `/candidates/${ANA}` ? FLYOVER_PAGE : path === '/candidates' ? LIST_PAGE : undefined;
    if (body === undefined) return route.fulfill({ status: 404, body: 'Not found' });
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

async function connectKombo(context: BrowserContext, extensionId: string, options: Page, sandbox: Sandbox) {
  await allowSandboxHost(context, extensionId);
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
}

/** Opens the Sync form from `button` and returns the name it was pre-filled with; closes it again. */
async function nameIn(page: Page, button: ReturnType<Page['locator']>) {
  await button.click();
  const dialog = dialogFrame(page).getByRole('dialog', SYNC);
  const first = dialog.getByRole('textbox', { name: 'First name' });
  await expect(first).not.toHaveValue('');
  const name = `${await first.inputValue()} ${await dialog.getByRole('textbox', { name: 'Last name' }).inputValue()}`;
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  return name;
}

test.describe('Lever: the profile flyover over the candidate list', () => {
  test("the opened profile's button sits in the flyover's controls and acts on that candidate; each row under it acts on its own", async ({ context, extensionId, options, sandbox }) => {
    await connectKombo(context, extensionId, options, sandbox);
    await serveLever(context);
    const page = await context.newPage();
    await page.goto(`https://hire.lever.co/candidates/${ANA}`);

    const opened = page.locator('.flyover-controls hirebridge-action').getByRole('button', SYNC);
    await expect(opened).toBeVisible();
    // Ben's and Chloé's rows get one each, beside their link; Ana's own row does not repeat hers; another site's
    // link gets none; nothing floats.
    const ben = page.locator(`a[href="/candidates/${BEN}"] + hirebridge-action`).getByRole('button', SYNC);
    const chloe = page.locator(`a[href="/candidates/${CHLOE}"] + hirebridge-action`).getByRole('button', SYNC);
    await expect(ben).toBeVisible();
    await expect(chloe).toBeVisible();
    await expect(page.locator('hirebridge-action')).toHaveCount(3);
    await expect(page.locator(`a[href="/candidates/${ANA}"] + hirebridge-action, hirebridge-action[data-floating]`)).toHaveCount(0);

    // The opened candidate's name comes from the tab's title ("Ana García López – Lever Hire"); a row's from its link.
    expect(await nameIn(page, opened)).toBe('Ana García López');
    expect(await nameIn(page, ben)).toBe('Ben Okafor');
  });

  test('opening another profile from the list (its address pushed over the list): the flyover button acts on the newly opened one', async ({ context, extensionId, options, sandbox }) => {
    await connectKombo(context, extensionId, options, sandbox);
    await serveLever(context);
    const page = await context.newPage();
    await page.goto('https://hire.lever.co/candidates');
    // The list alone: a button per candidate link, no flyover, nothing floating.
    await expect(page.locator('a[href^="/candidates/"] + hirebridge-action')).toHaveCount(3);
    await expect(page.locator('hirebridge-action[data-floating]')).toHaveCount(0);

    // As Lever does when a row is clicked: the address becomes the candidate's, the title names them, the flyover opens.
    await page.evaluate(
      ([id, flyover]) => {
        history.pushState({}, '', `/candidates/${id}`);
        document.title = 'Ben Okafor – Lever Hire';
        document.body.insertAdjacentHTML('beforeend', flyover);
      },
      [BEN, FLYOVER] as const,
    );
    const opened = page.locator('.flyover-controls hirebridge-action').getByRole('button', SYNC);
    await expect(opened).toBeVisible();
    await expect(page.locator(`a[href="/candidates/${BEN}"] + hirebridge-action`)).toHaveCount(0);
    await expect(page.locator(`a[href="/candidates/${ANA}"] + hirebridge-action`)).toHaveCount(1);
    expect(await nameIn(page, opened)).toBe('Ben Okafor');
  });
});
