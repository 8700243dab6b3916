import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { dialogFrame, allowSandboxHost, expect, test } from './fixtures';

/**
 * Accessibility: no serious or critical axe-core violation on the options page and the injected dialogs (the
 * popup's own axe check is in popup.spec.ts), and the Export dialog works with the keyboard alone, with visible focus.
 * The page's button lives in an open shadow root, which axe walks by default; the dialogs in Hirebridge's own frame
 * (dialog.html inside the page), which axe enters too. The tests check it really saw inside them.
 */

const LUCAS = '40112234'; // Hired, on the demo ATS
const LEVER_ID = '8f1c2a7e-5d3b-4c1e-9a2f-6b7c8d9e0f1a';

type Results = Awaited<ReturnType<AxeBuilder['analyze']>>;
const serious = (results: Results) =>
  results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
/** Whether axe checked an element inside the dialog's frame: its target is then [frame (through its shadow root), inner selector]. */
const checkedInFrame = (results: Results, inner: string) =>
  [...results.passes, ...results.violations, ...results.incomplete].some((rule) =>
    rule.nodes.some((n) => n.target.length > 1 && JSON.stringify(n.target[0]).includes('iframe') && String(n.target[n.target.length - 1]).includes(inner)),
  );

/**
 * Axe's results for the dialog once axe has reached inside its frame (it injects itself into the frame, which on a busy
 * machine can miss a pass): analysed again until `field` is among the checked nodes, then those results.
 */
async function analyzeDialogFrame(page: Page, field: string): Promise<Results> {
  let results: Results | undefined;
  await expect
    .poll(async () => {
      results = await new AxeBuilder({ page }).include('hirebridge-dialog').analyze();
      return checkedInFrame(results, field);
    })
    .toBe(true);
  return results!;
}

async function connectBoth(context: BrowserContext, extensionId: string, options: Page, sandbox: Sandbox) {
  await allowSandboxHost(context, extensionId);
  await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
  await connectKombo(options, sandbox);
}

async function connectKombo(options: Page, sandbox: Sandbox) {
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();
  await expect(options.getByRole('region', { name: 'Jobs' }).getByRole('rowheader', { name: 'Senior Backend Engineer', exact: true })).toBeVisible();
}

/** The element focused right now, through shadow roots and into the dialog's frame, as "host > tag#id" or its text. */
const focusedPath = async (page: Page) => {
  const walk = () => {
    const path: string[] = [];
    let active: Element | null = document.activeElement;
    while (active) {
      path.push(`${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}${active.tagName === 'BUTTON' ? `[${active.textContent}]` : ''}`);
      active = active.shadowRoot?.activeElement ?? null;
    }
    return path.join(' > ');
  };
  const outer = await page.evaluate(walk);
  const frame = page.frames().find((f) => f.url().includes('/dialog.html'));
  return outer.endsWith('> iframe') && frame ? `${outer} > ${await frame.evaluate(walk)}` : outer;
};

const outlineOf = (locator: Locator) => locator.evaluate((el) => ({ visible: el.matches(':focus-visible'), style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth }));

test.describe('Accessibility', () => {
  test('the options page, connected, with the Jobs table and a connection’s details, has no serious axe violation', async ({ context, extensionId, options, sandbox }) => {
    await connectBoth(context, extensionId, options, sandbox);
    const jobs = options.getByRole('region', { name: 'Jobs' });
    await expect(jobs.getByText(/Last pull .*: 15 new/)).toBeVisible();
    await jobs.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Frontend Engineer', exact: true }) }).getByRole('button', { name: 'Activate' }).click();
    await options.getByRole('region', { name: 'Factorial HR' }).getByRole('button', { name: 'View' }).click();
    await expect(options.getByRole('region', { name: 'Factorial HR' }).getByRole('definition').first()).toBeVisible();
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');

    expect(serious(await new AxeBuilder({ page: options }).analyze())).toEqual([]);
  });

  test('the Export to FactorialHR dialog (in its frame) has no serious axe violation, also showing errors', async ({ context, extensionId, options, sandbox }) => {
    await connectBoth(context, extensionId, options, sandbox);
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/${LUCAS}`);
    await page.getByRole('button', { name: 'Export to FactorialHR' }).click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Lucas');
    // The states a recruiter meets: a field in error and Export disabled with the reason.
    await dialog.getByRole('textbox', { name: 'Email' }).fill('lucas.moreau@');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(/valid email/);

    const results = await analyzeDialogFrame(page, '#hb-firstName');
    expect(serious(results)).toEqual([]);
    // The page's own button too (its shadow root), in its disabled-with-reason and enabled states.
    expect(serious(await new AxeBuilder({ page }).include('hirebridge-action').analyze())).toEqual([]);
  });

  test('the Sync to ATS dialog (in its frame) has no serious axe violation', async ({ context, extensionId, options, sandbox }) => {
    await allowSandboxHost(context, extensionId);
    await connectKombo(options, sandbox);
    const jobs = options.getByRole('region', { name: 'Jobs' });
    await jobs.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Senior Backend Engineer', exact: true }) }).getByRole('button', { name: 'Activate' }).click();
    await jobs.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Frontend Engineer', exact: true }) }).getByRole('button', { name: 'Activate' }).click();
    await expect(jobs.getByRole('button', { name: 'Deactivate' })).toHaveCount(2);

    await serveLever(context);
    const page = await context.newPage();
    await page.goto(`https://hire.lever.co/candidates/${LEVER_ID}`);
    await page.getByRole('button', { name: 'Sync to ATS' }).click();
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Sync to ATS' });
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('zoe.nunez@example.com');
    // With a job chosen: its screening questions (radios, checkboxes, a select) are part of the form.
    await dialog.getByRole('combobox', { name: 'Job' }).selectOption({ label: 'Senior Backend Engineer — Barcelona' });
    await dialog.getByRole('textbox', { name: 'Years of professional experience (required)' }).fill('seven');
    await expect(dialog.getByText('Enter a number.')).toBeVisible();

    const results = await analyzeDialogFrame(page, '#hb-s-email');
    expect(serious(results)).toEqual([]);
  });

  test('keyboard only: Tab to the page’s button, Enter opens the dialog, Tab stays inside, Escape closes it and focus returns, with visible focus', async ({ context, extensionId, options, sandbox }) => {
    await connectBoth(context, extensionId, options, sandbox);
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/${LUCAS}`);
    const button = page.getByRole('button', { name: 'Export to FactorialHR' });
    await expect(button).toBeEnabled();

    // From the top of the page, Tab until the button (in its own shadow root) has the focus.
    for (let i = 0; i < 60 && !(await focusedPath(page)).includes('[Export to FactorialHR]'); i++) await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    expect(await outlineOf(button)).toMatchObject({ visible: true, style: 'solid' });

    await page.keyboard.press('Enter');
    const dialog = dialogFrame(page).getByRole('dialog', { name: 'Export to FactorialHR' });
    const firstName = dialog.getByRole('textbox', { name: 'First name' });
    await expect(firstName).toBeFocused();
    await expect(firstName).toHaveValue('Lucas');
    expect((await outlineOf(firstName)).style).not.toBe('none');

    // Tab goes through the form and comes back to the first field; it never leaves the dialog (the bound
    // covers the form's controls, now with the manager search, the manager and the trial period).
    const seen: string[] = [];
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      const path = await focusedPath(page);
      expect(path, `Tab ${i + 1} left the dialog`).toMatch(/^hirebridge-dialog > iframe > /);
      seen.push(path);
      if (path.endsWith('#hb-firstName')) break;
    }
    expect(seen.at(-1)).toMatch(/#hb-firstName$/);
    expect(seen).toEqual(expect.arrayContaining([expect.stringMatching(/#hb-legalEntityId$/), expect.stringMatching(/\[Cancel\]$/)]));
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    // Shift+Tab from the first field goes round to the last control.
    await page.keyboard.press('Shift+Tab');
    await expect(cancel).toBeFocused();
    expect((await outlineOf(cancel)).style).not.toBe('none');
    await page.keyboard.press('Tab');
    await expect(firstName).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();
  });
});

/** A Lever candidate page (hire.lever.co is a built-in ATS host), with a resume link. */
async function serveLever(context: BrowserContext) {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const resume = Buffer.from(await doc.save());
  await context.route('https://hire.lever.co/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === `/candidates/${LEVER_ID}/resume.pdf`) return route.fulfill({ status: 200, contentType: 'application/pdf', body: resume });
    if (path !== `/candidates/${LEVER_ID}`) return route.fulfill({ status: 404, body: 'Not found' });
    await route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Zoë Ñúñez – Lever Hire</title></head><body><main>
<div class="profile-header"><h1 class="candidate-name">Zoë Ñúñez</h1><div class="profile-header-actions"><button>Archive</button></div></div>
<div class="posting-title">Senior Backend Engineer</div><div class="stage-name">Phone screen</div>
<a href="mailto:zoe.nunez@example.com">zoe.nunez@example.com</a> <a href="tel:+34611223344">+34 611 22 33 44</a>
<a href="/candidates/${LEVER_ID}/resume.pdf">Resume</a></main></body></html>`,
    });
  });
}
