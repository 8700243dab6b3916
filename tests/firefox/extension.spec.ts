import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { SANDBOX_KEYS, startSandbox, type Sandbox } from '../../sandbox/server';
import { launchFirefoxWithExtension, openExtensionPage, serveHost, type FirefoxWithExtension } from './harness';

/**
 * The Firefox build in real Firefox ESR (headless, WebDriver BiDi): the background starts and sets its alarms,
 * the options page connects to the sandbox on Custom base URLs, a Greenhouse page on app.greenhouse.io gets its
 * button, and one export creates exactly one employee. A fresh profile per test; one sandbox for the file.
 */

// Seeded in the sandbox's Kombo world (a Greenhouse account): Lucas Moreau is hired, Greenhouse id 40112234.
const LUCAS = { id: '40112234', email: 'lucas.moreau@example.com' };
// A Lever candidate page (see tests/fixtures/sites/lever), served on hire.lever.co for Sync to ATS.
const LEVER = { id: '8f1c2a7e-5d3b-4c1e-9a2f-6b7c8d9e0f1a', name: 'Ana García López', email: 'ana.garcia@example.com' };
const LEVER_PAGE = readFileSync(resolve(import.meta.dirname, '../fixtures/sites/lever/candidate.html'), 'utf8');
// A Greenhouse candidate page (see tests/fixtures/sites/greenhouse): its name and stage are stale on purpose,
// the candidate comes from Kombo by the id in the URL.
const GREENHOUSE_PAGE = readFileSync(resolve(import.meta.dirname, '../fixtures/sites/greenhouse/person.html'), 'utf8');

let sandbox: Sandbox;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await sandboxControl('POST', 'reset');
});
afterEach(async () => {
  await firefox?.close();
});

async function sandboxControl<T = unknown>(method: string, path: string): Promise<T> {
  const response = await fetch(`${sandbox.url}/__sandbox/${path}`, { method });
  if (!response.ok) throw new Error(`Sandbox ${method} ${path} failed: ${response.status}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Puppeteer's ARIA queries do not reach into shadow roots over BiDi (the page's button lives in an open one; the
 * dialogs in Hirebridge's frame), so controls are found the way a person reads them: a label's text, a button's
 * text, a heading.
 */
async function region(page: Page, name: string): Promise<ElementHandle> {
  const found = await page.waitForSelector(`::-p-aria([name=${JSON.stringify(name)}][role="region"])`);
  if (!found) throw new Error(`No region ${name}`);
  return found;
}

/**
 * The open dialog named `name` (aria-labelledby), in Hirebridge's own frame inside the page (dialog.html: the Export
 * and Sync dialogs on web pages, which the page cannot read).
 */
async function dialog(page: Page, name: string): Promise<ElementHandle> {
  // Its child frame (over BiDi, puppeteer keeps reporting a framed extension page's URL as about:blank: the frame
  // is recognised by what it holds).
  const frame = await page.waitForFrame((f) => f !== page.mainFrame(), { timeout: 15_000 });
  const handle = await frame.waitForFunction(
    (wanted) => {
      if (location.pathname !== '/dialog.html') return null;
      for (const d of document.querySelectorAll('[role="dialog"]')) {
        const title = d.getAttribute('aria-labelledby');
        if (title && document.getElementById(title)?.textContent?.trim() === wanted) return d;
      }
      return null;
    },
    { timeout: 15_000, polling: 100 },
    name,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`No dialog ${name}`);
  return element as ElementHandle;
}

/** The form control whose <label> reads `label`, inside `scope`. */
async function labelled(scope: ElementHandle, label: string): Promise<ElementHandle> {
  await scope.evaluate(
    (root, wanted) =>
      new Promise<void>((done, failed) => {
        const until = Date.now() + 15_000;
        const look = () => {
          const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === wanted)?.control;
          if (found) return done();
          if (Date.now() > until) return failed(new Error(`No control labelled ${wanted}`));
          setTimeout(look, 50);
        };
        look();
      }),
    label,
  );
  const handle = await scope.evaluateHandle((root, wanted) => [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === wanted)!.control!, label);
  return handle as ElementHandle;
}

/** The enabled button that reads `text`, inside `scope` (waits for it to exist and be enabled). */
async function button(page: Page, scope: ElementHandle, text: string): Promise<ElementHandle> {
  const handle = await scope.frame.waitForFunction(
    (root, wanted) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === wanted && !b.disabled) ?? null,
    { timeout: 15_000, polling: 100 },
    scope,
    text,
  );
  return handle.asElement() as ElementHandle;
}

/** A <fieldset> by its legend, or a table row by its row header, inside `scope`. */
async function part(page: Page, scope: ElementHandle, kind: 'fieldset' | 'row', name: string): Promise<ElementHandle> {
  const handle = await scope.frame.waitForFunction(
    (root, k, wanted) =>
      k === 'fieldset'
        ? ([...root.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.trim() === wanted) ?? null)
        : ([...root.querySelectorAll('tr')].find((r) => r.querySelector('th')?.textContent?.trim() === wanted) ?? null),
    { timeout: 15_000, polling: 100 },
    scope,
    kind,
    name,
  );
  return handle.asElement() as ElementHandle;
}

/** Choose a <select>'s option by its visible label, as a person would. */
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

/** Wait until the element's text contains `text` (React renders after the intent answers). */
async function waitForText(page: Page, scope: ElementHandle, text: string): Promise<void> {
  await scope.frame.waitForFunction((el, wanted) => !!el.textContent?.includes(wanted), { timeout: 15_000, polling: 100 }, scope, text);
}

/** An ATS page on its real hostname: `url` answers with `body`, anything else on that host is a 404. */
async function openAtsPage(url: string, body: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  const { hostname, pathname } = new URL(url);
  await serveHost(page, hostname, (requested) =>
    requested.pathname === pathname ? { status: 200, body } : { status: 404, body: 'Not found', contentType: 'text/plain' },
  );
  await page.goto(url);
  return page;
}

/**
 * The content script's button on an ATS page (in its open shadow root), once enabled — that is, once the
 * background answered. Polled: changes inside a shadow root are not mutations of the document.
 */
async function atsButton(page: Page, text: string): Promise<ElementHandle> {
  const handle = await page.waitForFunction(
    (wanted) => {
      for (const host of document.querySelectorAll('hirebridge-action')) {
        const found = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent === wanted && !b.disabled);
        if (found) return found;
      }
      return null;
    },
    { timeout: 15_000, polling: 100 },
    text,
  );
  return handle.asElement() as ElementHandle;
}

/** What `field` holds once the dialog has filled it in (drafts arrive from the background). */
async function waitForValue(page: Page, field: ElementHandle, value: string): Promise<void> {
  await field.frame.waitForFunction((el, wanted) => (el as HTMLInputElement).value === wanted, { timeout: 15_000, polling: 100 }, field, value);
}

async function connectCard(
  options: Page,
  card: 'Factorial HR' | 'ATS',
  fields: { provider?: string; baseUrl: string; apiKey: string; integrationId?: string },
): Promise<ElementHandle> {
  const scope = await region(options, card);
  if (fields.provider) await choose(scope, 'Provider', fields.provider);
  await choose(scope, 'Environment', 'Custom');
  await type(scope, 'Base URL', fields.baseUrl);
  await type(scope, 'API key', fields.apiKey);
  if (fields.integrationId) await type(scope, 'Integration ID', fields.integrationId);
  await (await button(options, scope, 'Connect')).click();
  await waitForText(options, scope, 'Connected');
  return scope;
}

async function connectBoth(options: Page) {
  await connectCard(options, 'Factorial HR', { baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
  await connectAts(options);
}

async function connectAts(options: Page) {
  await connectCard(options, 'ATS', {
    provider: 'Kombo',
    baseUrl: `${sandbox.url}/kombo/v1`,
    apiKey: SANDBOX_KEYS.kombo,
    integrationId: SANDBOX_KEYS.komboIntegrationId,
  });
}

describe('Firefox ESR: the Firefox build', () => {
  beforeEach(async () => {
    firefox = await launchFirefoxWithExtension();
  });

  test('the background starts: its alarms are set and it answers the options page', async () => {
    const options = await openExtensionPage(firefox, '/options.html');
    // Both alarms are set by the background: the job pull on install, retention on every start. Before the
    // MV3 build the background threw at start-up (browser.action undefined) and set neither.
    await options.waitForFunction(async () => (await browser.alarms.getAll()).length >= 2, { timeout: 15_000, polling: 100 });
    const alarms = await options.evaluate(async () => (await browser.alarms.getAll()).map((a) => ({ name: a.name, every: a.periodInMinutes })));
    expect(alarms).toEqual(
      expect.arrayContaining([
        { name: 'hirebridge:job-pull', every: 180 },
        { name: 'hirebridge:retention', every: 1440 },
      ]),
    );
    // The options page's first intents were answered: the card shows its form, not "cannot reach Hirebridge".
    await button(options, await region(options, 'Factorial HR'), 'Connect');
    // As Firefox loaded it: MV3, the fixed add-on id, optional hosts kept (MV2 dropped them), never <all_urls>.
    const manifest = await options.evaluate(() => browser.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(await options.evaluate(() => browser.runtime.id)).toBe('hirebridge@hirebridge.app');
    const optionalHosts = (manifest as { optional_host_permissions?: string[] }).optional_host_permissions;
    expect(optionalHosts).toEqual(expect.arrayContaining(['https://*/*', 'http://127.0.0.1/*']));
    expect([...(manifest.host_permissions ?? []), ...(optionalHosts ?? [])]).not.toContain('<all_urls>');
  });

  test('the options page connects to the sandbox on Custom base URLs, asking for the host', async () => {
    const options = await openExtensionPage(firefox, '/options.html');
    expect(await options.evaluate(() => browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(false);
    await sandboxControl('DELETE', 'requests');
    await connectBoth(options);

    // The Custom base URL's host was requested and granted (the prompt is answered by the test profile).
    expect(await options.evaluate(() => browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(true);
    // Each key was checked against its vendor before it was saved, and the new ATS connection pulled its jobs.
    const requests = await sandboxControl<{ vendor: string; path: string; status: number }[]>('GET', 'requests');
    expect(requests.some((r) => r.vendor === 'factorial' && r.status === 200)).toBe(true);
    expect(requests.some((r) => r.vendor === 'kombo' && r.path.endsWith('/ats/jobs') && r.status === 200)).toBe(true);
    // Stored, not just shown: the options page opened again shows both connected.
    await options.close();
    const again = await openExtensionPage(firefox, '/options.html');
    await waitForText(again, await region(again, 'ATS'), 'Connected');
    await waitForText(again, await region(again, 'Factorial HR'), 'Connected');
  });

  test('a Greenhouse page on app.greenhouse.io gets its button, and one export creates one employee', async () => {
    const options = await openExtensionPage(firefox, '/options.html');
    await connectBoth(options);

    const page = await openAtsPage(`https://app.greenhouse.io/people/${LUCAS.id}`, GREENHOUSE_PAGE);
    // Enabled once the background said "exportable".
    await (await atsButton(page, 'Export to FactorialHR')).click();

    const form = await dialog(page, 'Export to FactorialHR');
    // From Kombo by the page's id, not from the page's stale text.
    await waitForValue(page, await labelled(form, 'Email'), LUCAS.email);
    await type(form, 'Start date', '2027-01-04');
    await choose(form, 'Legal entity', 'Hirebridge Demo S.L. (ES)');
    await (await button(page, form, 'Export')).click();
    await form.frame.waitForFunction(
      (root) => [...root.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes('Exported to Factorial HR')),
      { timeout: 15_000, polling: 100 },
      form,
    );

    const state = await sandboxControl<{ factorial: { employees: { email: string }[] } }>('GET', 'state');
    expect(state.factorial.employees.filter((e) => e.email === LUCAS.email)).toHaveLength(1);
  });

  test('the demo ATS on this computer: allowed from Sites, its pages get the button (a content script registered at run time)', async () => {
    const options = await openExtensionPage(firefox, '/options.html');
    expect(await options.evaluate(() => browser.scripting.getRegisteredContentScripts())).toEqual([]);
    await (await button(options, await region(options, 'Sites'), 'Allow the demo ATS on this computer')).click();
    await options.waitForFunction(async () => (await browser.scripting.getRegisteredContentScripts()).length === 1, { timeout: 15_000, polling: 100 });
    const [script] = await options.evaluate(() => browser.scripting.getRegisteredContentScripts());
    expect(script.matches).toEqual(['http://127.0.0.1/demo-ats/*', 'http://localhost/demo-ats/*']);
    await connectBoth(options);

    const page = await firefox.browser.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/${LUCAS.id}`);
    await atsButton(page, 'Export to FactorialHR');
  });

  test('the popup lists the hired candidates from the ATS, and the toolbar badge counts them', async () => {
    const options = await openExtensionPage(firefox, '/options.html');
    await connectBoth(options);
    const popup = await openExtensionPage(firefox, '/popup.html');
    const list = await popup.waitForSelector('::-p-aria([name="Hired candidates waiting for export"][role="list"])', { timeout: 15_000 });
    // Pulled through Kombo: Lucas, Aisha and Sofia wait; Marta is already an employee in Factorial HR.
    await popup.waitForFunction((el) => el.querySelectorAll('li').length === 3, { timeout: 15_000, polling: 100 }, list!);
    const rows = await list!.evaluate((el) => [...el.querySelectorAll('li')].map((li) => li.textContent ?? ''));
    for (const name of ['Lucas Moreau', 'Aisha Khan', 'Sofia Almeida']) expect(rows.some((r) => r.includes(name))).toBe(true);
    expect(rows.some((r) => r.includes('Marta Serrano'))).toBe(false);
    await popup.waitForFunction(async () => (await browser.action.getBadgeText({})) === '3', { timeout: 15_000, polling: 100 });
    expect(await popup.evaluate(() => browser.action.getTitle({}))).toBe('Hirebridge: 3 hired candidates waiting for export');
  });

  test('Sync to ATS from a Lever page: one application in the ATS, with the PDF profile made in the background', async () => {
    const options = await openExtensionPage(firefox, '/options.html');
    await connectAts(options);
    const jobs = await region(options, 'Jobs');
    const row = await part(options, jobs, 'row', 'Senior Backend Engineer');
    await (await button(options, row, 'Activate')).click();
    await waitForText(options, row, 'Active');

    const page = await openAtsPage(`https://hire.lever.co/candidates/${LEVER.id}`, LEVER_PAGE);
    await (await atsButton(page, 'Sync to ATS')).click();

    const form = await dialog(page, 'Sync to ATS');
    await waitForValue(page, await labelled(form, 'Email'), LEVER.email);
    await choose(form, 'Job', 'Senior Backend Engineer — Barcelona');
    await (await labelled(await part(page, form, 'fieldset', 'Do you have the right to work in the EU? (required)'), 'Yes')).click();
    await type(form, 'Years of professional experience (required)', '7');
    await type(form, 'Earliest start date (required)', '2027-02-01');
    await (await button(page, form, 'Sync')).click();
    await form.frame.waitForFunction(
      (root) => [...root.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes('Synced to Senior Backend Engineer')),
      { timeout: 30_000, polling: 100 },
      form,
    );

    type Attachment = { id: string; type: string; content_type: string; application_id?: string };
    const state = await sandboxControl<{
      kombo: { candidates: { id: string; email_addresses: { email_address: string }[] }[]; applications: { id: string; candidate_id: string; job_id: string }[]; attachments: Attachment[] };
    }>('GET', 'state');
    const candidate = state.kombo.candidates.find((c) => c.email_addresses.some((e) => e.email_address === LEVER.email));
    const applications = state.kombo.applications.filter((a) => a.candidate_id === candidate?.id);
    expect(applications.map((a) => a.job_id)).toEqual(['KJ000001']);
    const files = state.kombo.attachments.filter((a) => a.application_id === applications[0].id);
    expect(files.map((f) => [f.type, f.content_type])).toEqual([['CV', 'application/pdf']]);
    // The PDF profile jsPDF wrote in Firefox's background page, with its embedded font: the name with accents.
    const pdf = new Uint8Array(await (await fetch(`${sandbox.url}/__sandbox/attachments/${files[0].id}`)).arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain(LEVER.name);
  });
});

describe('Firefox ESR: enterprise policy', () => {
  test('policies.json (3rdparty → Extensions → the add-on id) fixes settings, shown read-only', async () => {
    firefox = await launchFirefoxWithExtension({ policy: { sourceName: 'Acme Sourcing', retentionDays: 14, pullIntervalMinutes: 'often' } });
    const options = await openExtensionPage(firefox, '/options.html');
    const source = await labelled(await region(options, 'Sync to ATS'), 'Source tag');
    await waitForValue(options, source, 'Acme Sourcing');
    expect(await source.evaluate((el) => (el as HTMLInputElement).disabled)).toBe(true);
    const days = await labelled(await region(options, 'Data'), 'Keep candidate data for (days)');
    expect(await days.evaluate((el) => [(el as HTMLInputElement).value, (el as HTMLInputElement).disabled])).toEqual(['14', true]);
    await waitForText(options, await region(options, 'Data'), 'Set by your organisation’s policy.');
    // Firefox hands the policy over as written; a wrong value in it is ignored, not fatal: the pull interval
    // stays editable.
    expect(await options.evaluate(() => browser.storage.managed.get(null))).toEqual({ sourceName: 'Acme Sourcing', retentionDays: 14, pullIntervalMinutes: 'often' });
    const interval = await labelled(await region(options, 'Jobs'), 'Pull');
    expect(await interval.evaluate((el) => (el as HTMLSelectElement).disabled)).toBe(false);
  });

  test('policies.json deploys the connections, key and all: shown managed with no key form, admin actions disabled with the reason; exporting works at once', async () => {
    firefox = await launchFirefoxWithExtension({
      policy: {
        managedBy: 'Acme IT',
        connections: {
          hr: { provider: 'factorial-hr', environment: 'custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial },
          ats: { provider: 'kombo', environment: 'custom', baseUrl: `${sandbox.url}/kombo/v1`, integrationId: SANDBOX_KEYS.komboIntegrationId, apiKey: SANDBOX_KEYS.kombo },
        },
        activeJobIds: ['KJ000002'],
      },
    });
    let options = await openExtensionPage(firefox, '/options.html');
    // The sandbox runs on this computer: its host is allowed as Sites → Allow the demo ATS does; the worker then
    // sets up the deployed connections. The page shows what it read when it loaded: open it again until they are in.
    await (await button(options, await region(options, 'Sites'), 'Allow the demo ATS on this computer')).click();
    const connected = async (page: Page) =>
      page.evaluate(() =>
        ['Factorial HR', 'ATS'].every((name) =>
          [...document.querySelectorAll('[role="region"]')].some((r) => r.querySelector('h2')?.textContent === name && r.textContent?.includes('Connected')),
        ),
      );
    const until = Date.now() + 30_000;
    while (!(await connected(options))) {
      if (Date.now() > until) throw new Error('The deployed connections never showed as connected');
      await options.close();
      options = await openExtensionPage(firefox, '/options.html');
      await region(options, 'ATS');
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const name of ['Factorial HR', 'ATS']) {
      const card = await region(options, name);
      await waitForText(options, card, 'Managed by your organisation');
      // The organisation's connection: no key form, no Remove.
      expect(await card.evaluate((el) => [...el.querySelectorAll('label')].some((l) => l.textContent?.trim() === 'API key'))).toBe(false);
      expect(await card.evaluate((el) => [...el.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Remove integration'))).toBe(false);
    }
    await waitForText(options, await region(options, 'Team setup'), 'This browser is managed by your organisation (Acme IT)');
    // Roles follow: activating jobs is the admin's, disabled with the reason beside it.
    const row = await part(options, await region(options, 'Jobs'), 'row', 'Frontend Engineer');
    await waitForText(options, row, 'Active');
    const toggle = await row.$('button');
    expect(await toggle!.evaluate((b) => [(b as HTMLButtonElement).disabled, document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent])).toEqual([
      true,
      'This browser follows your team’s setup, so this is done by your admin.',
    ]);
    // The deployed keys stay in the background's vault: never in the page.
    const html = await options.content();
    expect(html).not.toContain(SANDBOX_KEYS.factorial);
    expect(html).not.toContain(SANDBOX_KEYS.kombo);

    // Exporting works at once, through the deployed connections (from the demo ATS on this computer: a policy
    // run puts Firefox in automation mode, which refuses connections to other hosts).
    const page = await firefox.browser.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/${LUCAS.id}`);
    await (await atsButton(page, 'Export to FactorialHR')).click();
    const form = await dialog(page, 'Export to FactorialHR');
    await waitForValue(page, await labelled(form, 'Email'), LUCAS.email);
    await type(form, 'Start date', '2027-01-04');
    await choose(form, 'Legal entity', 'Hirebridge Demo S.L. (ES)');
    await (await button(page, form, 'Export')).click();
    await form.frame.waitForFunction(
      (root) => [...root.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes('Exported to Factorial HR')),
      { timeout: 15_000, polling: 100 },
      form,
    );
    const state = await sandboxControl<{ factorial: { employees: { email: string }[] } }>('GET', 'state');
    expect(state.factorial.employees.filter((e) => e.email === LUCAS.email)).toHaveLength(1);
  });
});
