import { SANDBOX_KEYS } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { allowSandboxHost, expect, routeVendorHosts, sandboxControl, test } from './fixtures';

const REJECTED_KEY_MESSAGE = 'The API key was rejected by Factorial. Make sure it was copied completely and has not expired.';

test.describe('Connecting integrations on the options page', () => {
  test('Factorial HR on a custom base URL: connect, view details, remove', async ({ context, extensionId, options, sandbox }) => {
    await allowSandboxHost(context, extensionId);
    const card = options.getByRole('region', { name: 'Factorial HR' });
    await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });

    await expect(card.getByText('Connected', { exact: true })).toBeVisible();
    await card.getByRole('button', { name: 'View' }).click();
    const details = card.getByRole('definition');
    await expect(details.filter({ hasText: 'Custom' })).toHaveCount(1);
    await expect(details.filter({ hasText: `${sandbox.url}/factorial` })).toHaveCount(1);
    await expect(details.filter({ hasText: `••••${SANDBOX_KEYS.factorial.slice(-4)}` })).toHaveCount(1);
    // The key itself never comes back to a page.
    expect(await options.content()).not.toContain(SANDBOX_KEYS.factorial);

    // Survives a reload: it was stored, not just shown.
    await options.reload();
    await expect(card.getByText('Connected', { exact: true })).toBeVisible();

    await card.getByRole('button', { name: 'Remove integration' }).click();
    await expect(card.getByRole('button', { name: 'Connect' })).toBeVisible();
    await options.reload();
    await expect(card.getByRole('textbox', { name: 'API key' })).toBeVisible();
  });

  test('the ATS card names the ATS behind Kombo ("Greenhouse", not its id), and View becomes Hide while the details are open', async ({ context, extensionId, options, sandbox }) => {
    await allowSandboxHost(context, extensionId);
    await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
    const ats = options.getByRole('region', { name: 'ATS' });
    await expect(ats.getByText('Connected', { exact: true })).toBeVisible();
    await expect(ats.getByText('Kombo · Greenhouse · Custom', { exact: true })).toBeVisible();
    await expect(ats.getByText(/greenhouse ·/)).toHaveCount(0);

    const view = ats.getByRole('button', { name: 'View', exact: true });
    await expect(view).toHaveAttribute('aria-expanded', 'false');
    await view.click();
    const hide = ats.getByRole('button', { name: 'Hide', exact: true });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await expect(ats.getByRole('button', { name: 'View', exact: true })).toHaveCount(0);
    await expect(ats.getByRole('definition').filter({ hasText: SANDBOX_KEYS.komboIntegrationId })).toHaveCount(1);
    await hide.click();
    await expect(ats.getByRole('button', { name: 'View', exact: true })).toHaveAttribute('aria-expanded', 'false');
    await expect(ats.getByRole('definition')).toHaveCount(0);
  });

  test('the key was verified against the API before it was saved, and is stored encrypted', async ({ context, extensionId, options, sandbox, serviceWorker }) => {
    await allowSandboxHost(context, extensionId);
    await sandboxControl(sandbox, 'DELETE', 'requests');
    await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandbox.url}/factorial`, apiKey: SANDBOX_KEYS.factorial });
    await expect(options.getByRole('region', { name: 'Factorial HR' }).getByText('Connected', { exact: true })).toBeVisible();

    const requests = await sandboxControl<{ vendor: string; path: string; status: number }[]>(sandbox, 'GET', 'requests');
    expect(requests.some((r) => r.vendor === 'factorial' && r.status === 200)).toBe(true);

    // Read every record of every store straight from IndexedDB: the key is nowhere in clear.
    const dump = await serviceWorker.evaluate(async () => {
      const open = indexedDB.open('hirebridge');
      const database: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))));
      const stores = Array.from(database.objectStoreNames);
      const out: string[] = [];
      for (const name of stores) {
        const rows: unknown[] = await new Promise((ok) => {
          const req = database.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => ok(req.result);
        });
        out.push(
          JSON.stringify(rows, (_k, v) =>
            v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? new TextDecoder().decode(v as ArrayBuffer) : v,
          ),
        );
      }
      return { stores, text: out.join('\n') };
    });
    expect(dump.stores).toEqual(expect.arrayContaining(['connections', 'secrets', 'jobs', 'candidates', 'operations', 'activity', 'settings']));
    // The connection is there (only the key's last four characters, for the masked display)...
    expect(dump.text).toContain(`"keyHint":"${SANDBOX_KEYS.factorial.slice(-4)}"`);
    // ...and the key itself is not, in any store, in any encoding we could decode.
    expect(dump.text).not.toContain(SANDBOX_KEYS.factorial);
  });

  test('a wrong key is rejected with a clear message and nothing is saved', async ({ context, extensionId, options, sandbox }) => {
    await allowSandboxHost(context, extensionId);
    const card = options.getByRole('region', { name: 'Factorial HR' });
    await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: `${sandbox.url}/factorial`, apiKey: 'wrong-key-000000' });
    await expect(card.getByRole('alert')).toHaveText(REJECTED_KEY_MESSAGE);
    await options.reload();
    await expect(card.getByRole('button', { name: 'Connect' })).toBeVisible();
    await expect(card.getByText('Connected', { exact: true })).toHaveCount(0);
  });

  test('an unreachable host and an answer that breaks the schema each get their own message', async ({ context, extensionId, options, sandbox }) => {
    await allowSandboxHost(context, extensionId);
    const card = options.getByRole('region', { name: 'Factorial HR' });
    await connectCard(options, 'Factorial HR', { environment: 'Custom', baseUrl: 'http://127.0.0.1:9', apiKey: SANDBOX_KEYS.factorial });
    await expect(card.getByRole('alert')).toContainText('Could not reach Factorial');

    await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'factorial', kind: 'malformed', times: 0 });
    await card.getByRole('textbox', { name: 'Base URL' }).fill(`${sandbox.url}/factorial`);
    await card.getByRole('button', { name: 'Connect' }).click();
    await expect(card.getByRole('alert')).toContainText('does not understand');
    await expect(card.getByText('Connected', { exact: true })).toHaveCount(0);
  });

  test('form input is checked field by field before anything is sent', async ({ options }) => {
    const card = options.getByRole('region', { name: 'ATS' });
    await card.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Kombo' });
    await card.getByRole('combobox', { name: 'Environment' }).selectOption({ label: 'Custom' });
    await card.getByRole('textbox', { name: 'Base URL' }).fill('ftp://example.com');
    await card.getByRole('textbox', { name: 'Integration ID' }).fill('no-colon');
    await card.getByRole('button', { name: 'Connect' }).click();
    await expect(card.getByRole('textbox', { name: 'API key' })).toHaveAccessibleDescription(/Paste the API key/);
    await expect(card.getByRole('textbox', { name: 'Base URL' })).toHaveAccessibleDescription(/https:\/\//);
    await expect(card.getByRole('textbox', { name: 'Integration ID' })).toHaveAccessibleDescription(/tool name, colon, id/);
  });

  test('default environments on the vendors\' real hostnames: Factorial HR on Production, Kombo on EU', async ({ context, options, sandbox }) => {
    await routeVendorHosts(context, sandbox);
    await connectCard(options, 'Factorial HR', { environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
    const hr = options.getByRole('region', { name: 'Factorial HR' });
    await expect(hr.getByText('Connected', { exact: true })).toBeVisible();
    await hr.getByRole('button', { name: 'View' }).click();
    await expect(hr.getByRole('definition').filter({ hasText: 'https://api.factorialhr.com' })).toHaveCount(1);

    await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'EU', apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
    const ats = options.getByRole('region', { name: 'ATS' });
    await expect(ats.getByText('Connected', { exact: true })).toBeVisible();
    await ats.getByRole('button', { name: 'View' }).click();
    await expect(ats.getByRole('definition').filter({ hasText: 'https://api.kombo.dev/v1' })).toHaveCount(1);
    await expect(ats.getByRole('definition').filter({ hasText: SANDBOX_KEYS.komboIntegrationId })).toHaveCount(1);
  });

  test('Factorial ATS as the system-of-record ATS on Production, and a rejected Kombo key', async ({ context, options, sandbox }) => {
    await routeVendorHosts(context, sandbox);
    const ats = options.getByRole('region', { name: 'ATS' });
    await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'US', apiKey: 'not-the-kombo-key', integrationId: SANDBOX_KEYS.komboIntegrationId });
    await expect(ats.getByRole('alert')).toContainText('API key');
    await expect(ats.getByRole('alert')).toContainText('Kombo');

    await connectCard(options, 'ATS', { provider: 'Factorial ATS', environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
    await expect(ats.getByText('Connected', { exact: true })).toBeVisible();
    await expect(ats.getByText(/Factorial ATS/)).toBeVisible();
  });
});
