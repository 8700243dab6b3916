import { SANDBOX_KEYS } from '../../sandbox/server';
import { connectCard, grantHostPermission } from '../../scripts/browser';
import { allowSandboxHost, expect, test } from './fixtures';

const LUCAS = '40112234';

test.describe('Sites: an admin switches adapters off and on', () => {
  test('a switched-off adapter shows nothing on its pages, until it is switched on again', async ({ context, extensionId, options, sandbox }) => {
    await allowSandboxHost(context, extensionId);
    await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
    await expect(options.getByRole('region', { name: 'ATS' }).getByText('Connected', { exact: true })).toBeVisible();

    const sites = options.getByRole('region', { name: 'Sites' });
    const demo = sites.getByRole('checkbox', { name: 'Demo ATS' });
    await expect(demo).toBeChecked();
    await expect(sites.getByRole('checkbox', { name: 'Greenhouse' })).toBeChecked();

    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/${LUCAS}`);
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toBeVisible();

    await demo.uncheck();
    // The box follows the click at once; the worker's save lands a moment later. A reload shows what was saved.
    await expect
      .poll(async () => {
        await options.reload();
        return options.getByRole('region', { name: 'Sites' }).getByRole('checkbox', { name: 'Demo ATS' }).isChecked();
      })
      .toBe(false);
    await page.reload();
    // The content script still runs, but the worker refuses the page: no button is left behind.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toHaveCount(0, { timeout: 5_000 });

    await options.getByRole('region', { name: 'Sites' }).getByRole('checkbox', { name: 'Demo ATS' }).check();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toBeVisible();
  });

  test('the demo ATS on this computer: offered until allowed, then shown as allowed with a way to remove access', async ({ context, extensionId, options, serviceWorker }) => {
    const sites = options.getByRole('region', { name: 'Sites' });
    const allow = sites.getByRole('button', { name: 'Allow the demo ATS on this computer' });
    await expect(allow).toBeVisible();

    // Headless Chromium cannot click a permission prompt: the host is approved first, as in chrome://extensions,
    // so the extension's own request (the click) resolves at once.
    await allowSandboxHost(context, extensionId);
    await grantHostPermission(context, extensionId, 'http://localhost/*');
    await allow.click();
    await expect(sites.getByRole('status')).toHaveText('Allowed: the demo ATS on this computer now shows Hirebridge’s buttons.');
    await expect(sites.getByText('The demo ATS on this computer is allowed.')).toBeVisible();
    await expect(allow).toHaveCount(0);
    await options.reload();
    await expect(sites.getByText('The demo ATS on this computer is allowed.')).toBeVisible();
    await expect(allow).toHaveCount(0);

    const revoke = sites.getByRole('button', { name: 'Remove access to this computer' });
    await expect(revoke).toHaveAccessibleDescription(/stops working too/);
    await revoke.click();
    await expect(sites.getByRole('status')).toHaveText('Access removed: Hirebridge no longer runs on the demo ATS or reaches this computer.');
    await expect(allow).toBeVisible();
    expect(await serviceWorker.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(false);
  });

  test('the source tag is validated and saved', async ({ options }) => {
    const region = options.getByRole('region', { name: 'Sync to ATS' });
    const source = region.getByRole('textbox', { name: 'Source tag' });
    await expect(source).toHaveValue('Hirebridge');
    await source.fill('x'.repeat(81));
    await expect(source).toHaveAccessibleDescription('Keep the source name under 80 characters.');
    await expect(region.getByRole('button', { name: 'Save source tag' })).toBeDisabled();
    await source.fill('Hirebridge · Sourcing');
    await region.getByRole('button', { name: 'Save source tag' }).click();
    await expect(region.getByRole('status')).toContainText('Hirebridge · Sourcing');
    await options.reload();
    await expect(options.getByRole('region', { name: 'Sync to ATS' }).getByRole('textbox', { name: 'Source tag' })).toHaveValue('Hirebridge · Sourcing');
  });
});
