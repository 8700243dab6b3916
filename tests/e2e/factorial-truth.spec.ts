import type { Page } from '@playwright/test';
import { SANDBOX_KEYS, type Sandbox } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { expect, openDemoAtsExport, routeVendorHosts, sandboxControl, test } from './fixtures';

/**
 * What Factorial's docs and SDK say it does, as a user sees it and as Factorial sees it afterwards: a key of the other
 * environment gets empty answers (not "Connected"), and an error body in one of Factorial's shapes (the SDK's own
 * 422 fixture has a top-level `detail`) is shown in Factorial's words.
 */

type Logged = { vendor: string; method: string; path: string; status: number };
const requests = (sandbox: Sandbox) => sandboxControl<Logged[]>(sandbox, 'GET', 'requests');
const employeesWith = async (sandbox: Sandbox, email: string) =>
  (await sandboxControl<{ factorial: { employees: { email: string }[] } }>(sandbox, 'GET', 'state')).factorial.employees.filter((e) => e.email === email).length;

const ON_PRODUCTION =
  'Factorial accepted this key but shows no company behind it (no account, no legal entity). This key most likely belongs to Factorial’s Demo environment: choose “Demo” as the environment and connect again.';
const ON_DEMO =
  'Factorial accepted this key but shows no company behind it (no account, no legal entity). This key most likely belongs to Factorial’s Production environment: choose “Production” as the environment and connect again.';

test.describe('A Factorial key of the other environment', () => {
  test('Factorial HR on Production and Factorial ATS on Demo: not Connected, each card says which environment to choose; the right one connects', async ({ context, options, sandbox }) => {
    await routeVendorHosts(context, sandbox);
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'wrong-environment', times: 0 });
    await sandboxControl(sandbox, 'DELETE', 'requests');

    const hr = options.getByRole('region', { name: 'Factorial HR' });
    await connectCard(options, 'Factorial HR', { environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
    await expect(hr.getByRole('alert')).toHaveText(ON_PRODUCTION);
    await expect(hr.getByText('Connected', { exact: true })).toHaveCount(0);

    const ats = options.getByRole('region', { name: 'ATS' });
    await connectCard(options, 'ATS', { provider: 'Factorial ATS', environment: 'Demo', apiKey: SANDBOX_KEYS.factorial });
    await expect(ats.getByRole('alert')).toHaveText(ON_DEMO);
    await expect(ats.getByText('Connected', { exact: true })).toHaveCount(0);

    // Nothing was stored: after a reload both cards still offer Connect.
    await options.reload();
    await expect(hr.getByRole('button', { name: 'Connect' })).toBeVisible();
    await expect(ats.getByRole('button', { name: 'Connect' })).toBeVisible();
    await expect(options.getByText('Connected', { exact: true })).toHaveCount(0);

    // What Factorial saw: reads only (the key's credential, one legal entity), nothing written.
    const seen = (await requests(sandbox)).filter((r) => r.vendor === 'factorial');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.method === 'GET')).toBe(true);
    expect(seen.map((r) => r.path.split('/resources/')[1])).toContain('companies/legal_entities');

    // The key in its own environment (the fault gone): Connected, as before.
    await sandboxControl(sandbox, 'DELETE', 'faults');
    await connectCard(options, 'Factorial HR', { environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
    await expect(hr.getByText('Connected', { exact: true })).toBeVisible();
  });
});

test.describe('A Factorial key of the other environment, in Spanish', () => {
  test.use({ locale: 'es-ES' });

  test('the card says so in Spanish and names the environment to choose', async ({ context, options, sandbox }) => {
    await routeVendorHosts(context, sandbox);
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'wrong-environment', times: 0 });
    const hr = options.getByRole('region', { name: 'Factorial HR' });
    await hr.getByRole('combobox', { name: 'Entorno' }).selectOption({ label: 'Producción' });
    await hr.getByRole('textbox', { name: 'Clave de API' }).fill(SANDBOX_KEYS.factorial);
    await hr.getByRole('button', { name: 'Conectar' }).click();
    await expect(hr.getByRole('alert')).toHaveText(
      'Factorial ha aceptado esta clave, pero no muestra ninguna empresa detrás (ni cuenta ni entidad legal). Lo más probable es que la clave sea del entorno Demo de Factorial: elige «Demo» como entorno y vuelve a conectar.',
    );
    await expect(hr.getByText('Conectado', { exact: true })).toHaveCount(0);
  });
});

test.describe('Factorial’s own words when it refuses an export', () => {
  async function openLucasExport(context: import('@playwright/test').BrowserContext, extensionId: string, options: Page, sandbox: Sandbox) {
    const opened = await openDemoAtsExport(context, extensionId, options, sandbox, '40112234');
    await opened.dialog.getByRole('combobox', { name: 'Legal entity' }).selectOption({ index: 1 });
    await sandboxControl(sandbox, 'DELETE', 'requests');
    return opened;
  }

  test('a 422 with a top-level detail (the SDK fixture’s shape) shows its words in the dialog, and no employee exists', async ({ context, extensionId, options, sandbox }) => {
    const { dialog, exportButton } = await openLucasExport(context, extensionId, options, sandbox);
    const words = 'The legal entity does not accept new hires until its payroll settings are complete';
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'error-shape', shape: 'detail', status: 422, message: words, method: 'POST', pathIncludes: 'create_with_contract' });
    await exportButton.click();
    await expect(dialog.getByRole('alert')).toContainText(`Factorial did not accept the request. Factorial said: ${words}`);
    await expect(dialog.getByRole('alert')).not.toContainText('No reason was given');
    await expect(dialog.getByText('Exported to Factorial HR')).toHaveCount(0);

    // What Factorial holds: the one create it refused, no employee.
    const creates = (await requests(sandbox)).filter((r) => r.method === 'POST' && r.path.endsWith('create_with_contract'));
    expect(creates.map((r) => r.status)).toEqual([422]);
    expect(await employeesWith(sandbox, 'lucas.moreau@example.com')).toBe(0);
  });

  test('2027-01-01’s {errors: [{code, message, field}]} shows the message too', async ({ context, extensionId, options, sandbox }) => {
    const { dialog, exportButton } = await openLucasExport(context, extensionId, options, sandbox);
    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'error-shape', shape: 'errors-objects', status: 422, message: 'Legal entity must belong to the company', method: 'POST', pathIncludes: 'create_with_contract' });
    await exportButton.click();
    await expect(dialog.getByRole('alert')).toContainText('Factorial said: Legal entity must belong to the company');
    expect(await employeesWith(sandbox, 'lucas.moreau@example.com')).toBe(0);
  });
});

test('Factorial’s demo web app (app.demo.factorial.dev) is declared beside the production one, so its ATS pages get the buttons', async ({ serviceWorker }) => {
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.host_permissions).toEqual(expect.arrayContaining(['https://app.factorialhr.com/*', 'https://app.demo.factorial.dev/*']));
  const scripts = (manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []);
  const registered = await serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []));
  expect([...scripts, ...registered]).toContain('https://app.demo.factorial.dev/*');
});
