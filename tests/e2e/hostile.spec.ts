import type { BrowserContext, Page, Route } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { dialogFrame, allowSandboxHost, expect, sandboxControl, test } from './fixtures';

/**
 * Hostile strings everywhere (SPEC §5): names that are markup, a 100 KB name, right-to-left text and a job whose
 * links are `javascript:` URLs, coming from the ATS API (the sandbox) and its pages. Every surface that shows them
 * — the export dialog on the ATS page (in Hirebridge's frame), the popup, the options page's Jobs and Activity — must show
 * them as text: no script runs (`window.__pwned` stays unset), no element is made from them (no event-handler
 * attribute anywhere carries the payload — extension pages' CSP would stop the script, not the markup), and no
 * `javascript:` URL becomes a live link.
 */

const XSS = '<img src=x onerror="window.__pwned=1">';
const RTL = 'مريم الحسيني \u202Egnp.exe\u202C';
const SVG = '"><svg/onload=window.__pwned=4>';
const MARKUP_100K = '<b onmouseover="window.__pwned=5">bold</b>'.repeat(2_500); // 100,000 characters of markup
const JOB_NAME = '<svg onload="window.__pwned=3">Designer</svg>';

/** The ATS escapes its own data (only what Hirebridge does with it is under test). */
const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Person {
  id: string;
  remote_id: string;
}

async function addCandidate(sandbox: Sandbox, first: string, last: string, email: string): Promise<Person> {
  return sandboxControl<Person>(sandbox, 'POST', 'candidates', { first_name: first, last_name: last, email, hired: true });
}

/** Kombo's job list, as the ATS API sends it, with a hostile name and `javascript:` links on its first job. */
async function hostileJobs(context: BrowserContext, sandbox: Sandbox) {
  await context.route(`${sandbox.url}/kombo/v1/ats/jobs**`, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.json();
    const first = body?.data?.results?.[0];
    if (first) Object.assign(first, { name: JOB_NAME, post_url: 'javascript:alert(1)', remote_url: ' JavaScript:window.__pwned=6' });
    await route.fulfill({ response, json: body });
  });
}

/**
 * What must never be on a page: script that ran, an element built from a payload (an event-handler attribute
 * carrying it), a live `javascript:` link. Walks every frame and every open shadow root.
 */
async function hostileTraces(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) {
    found.push(
      ...(await frame.evaluate(() => {
        const out: string[] = [];
        if ((window as { __pwned?: unknown }).__pwned !== undefined) out.push(`window.__pwned = ${(window as { __pwned?: unknown }).__pwned} on ${location.href}`);
        const walk = (root: Document | ShadowRoot, where: string) => {
          for (const el of Array.from(root.querySelectorAll('*'))) {
            for (const attribute of Array.from(el.attributes)) {
              // A payload in a form field's value is data; as an event handler, it is an element built from it.
              if (attribute.name.startsWith('on') && attribute.value.includes('__pwned')) out.push(`${where}: <${el.tagName.toLowerCase()} ${attribute.name}="${attribute.value.slice(0, 80)}">`);
              if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name) && /^\s*javascript:/i.test(attribute.value)) {
                out.push(`${where}: live ${attribute.name}="${attribute.value}" on <${el.tagName.toLowerCase()}>`);
              }
            }
            if (el.shadowRoot) walk(el.shadowRoot, `${where} > shadow root of <${el.tagName.toLowerCase()}>`);
          }
        };
        walk(document, location.href);
        return out;
      })),
    );
  }
  return found;
}

test('hostile names, a 100 KB name, RTL text and javascript: links are shown as text everywhere', async ({ context, extensionId, options, sandbox }) => {
  test.setTimeout(120_000);

  // The checker itself finds what it looks for (so an empty list below means something).
  const probe = await context.newPage();
  await probe.setContent(`<p>${XSS}</p><a href="javascript:alert(1)">x</a>`);
  await expect.poll(() => probe.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBe(1);
  expect(await hostileTraces(probe)).toHaveLength(3);
  await probe.close();

  const person = await addCandidate(sandbox, XSS, RTL, 'xss.person@example.com');
  const huge = await addCandidate(sandbox, 'Huge', MARKUP_100K, 'huge.name@example.com');
  const waiting = await addCandidate(sandbox, SVG, 'javascript:alert(1)', 'svg.person@example.com');
  await hostileJobs(context, sandbox);

  await allowSandboxHost(context, extensionId);
  await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
  await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();

  // Options, Jobs: the job's name is text, its javascript: links are not links.
  const jobs = options.getByRole('region', { name: 'Jobs' });
  await expect(jobs.getByRole('rowheader', { name: JOB_NAME, exact: true })).toBeVisible();

  // The candidate list of the ATS: every row, the hostile ones too, gets its button.
  const ats = await context.newPage();
  await ats.goto(`${sandbox.url}/demo-ats/candidates`);
  for (const who of [person, huge, waiting]) {
    await expect(ats.locator(`tr[data-candidate-id="${who.remote_id}"]`).getByRole('button', { name: 'Export to FactorialHR' })).toBeEnabled();
  }

  // A Greenhouse list whose one row carries overlong page text (a 300-character stage, 1,000 characters of start
  // date): that row's extras are best effort — they must not cost the other rows their buttons.
  await context.route('https://app.greenhouse.io/**', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><meta charset="utf-8"><title>People</title></head><body><table>
<tr data-person-id="40112234"><td><a class="person-name" href="/people/40112234">Lucas Moreau</a></td><td class="current-stage">Hired</td><td class="actions"></td></tr>
<tr data-person-id="40112235"><td><a class="person-name" href="/people/40112235">${escapeHtml(XSS)}</a></td><td class="current-stage">${'Offer accepted, '.repeat(20)}</td><td class="actions"></td></tr>
</table></body></html>`,
    }),
  );
  const greenhouse = await context.newPage();
  await greenhouse.goto('https://app.greenhouse.io/people');
  await expect(greenhouse.locator('tr[data-person-id="40112234"]').getByRole('button', { name: 'Export to FactorialHR' })).toBeEnabled();
  await expect(greenhouse.locator('tr[data-person-id="40112235"]').getByRole('button', { name: 'Export to FactorialHR' })).toBeEnabled();
  expect(await hostileTraces(greenhouse)).toEqual([]);

  // The export dialog: pre-filled from the ATS API, shown literally; exported as is.
  await ats.goto(`${sandbox.url}/demo-ats/candidates/${person.remote_id}`);
  await ats.getByRole('button', { name: 'Export to FactorialHR' }).click();
  let dialog = dialogFrame(ats).getByRole('dialog', { name: 'Export to FactorialHR' });
  await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue(XSS);
  await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveValue(RTL);
  await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ index: 1 });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Exported to Factorial HR');
  const employees = (await sandboxControl<{ factorial: { employees: { email: string; first_name: string; last_name: string }[] } }>(sandbox, 'GET', 'state')).factorial.employees;
  expect(employees.filter((e) => e.email === 'xss.person@example.com').map((e) => [e.first_name, e.last_name])).toEqual([[XSS, RTL]]);
  expect(await hostileTraces(ats)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The 100 KB name: the dialog opens, says what is wrong in plain words, and does not send.
  await ats.goto(`${sandbox.url}/demo-ats/candidates/${huge.remote_id}`);
  await ats.getByRole('button', { name: 'Export to FactorialHR' }).click();
  dialog = dialogFrame(ats).getByRole('dialog', { name: 'Export to FactorialHR' });
  await expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Huge');
  await expect(dialog.getByRole('textbox', { name: 'Last name' })).toHaveAccessibleDescription(/under 100 characters/);
  await dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ index: 1 });
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  expect(await hostileTraces(ats)).toEqual([]);

  // The popup: the hired people waiting, by name, as text; the activity of the export above.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const list = popup.getByRole('list', { name: 'Hired candidates waiting for export' });
  await expect(list).toContainText(`${SVG} javascript:alert(1)`);
  await expect(list).toContainText(`Huge ${MARKUP_100K.slice(0, 200)}`);
  await expect(popup.getByText(XSS).first()).toBeVisible();
  expect(await hostileTraces(popup)).toEqual([]);

  // Options, Activity: the export's entry names the person literally.
  await options.reload();
  const activity = options.getByRole('region', { name: 'Activity' });
  await expect(activity).toContainText(XSS);
  await expect(activity).toContainText(RTL);
  await expect(options.getByRole('region', { name: 'Jobs' }).getByRole('rowheader', { name: JOB_NAME, exact: true })).toBeVisible();

  // Nowhere, on any page: no script ran, no element was made from a payload, no live javascript: link.
  for (const page of context.pages()) expect(await hostileTraces(page), page.url()).toEqual([]);
});
