import { SANDBOX_KEYS } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { allowSandboxHost, expect, test } from './fixtures';

test.describe('Spanish UI (browser language es-ES)', () => {
  test.use({ locale: 'es-ES' });

  test('the buttons on an ATS page speak Spanish', async ({ context, extensionId, options, sandbox }) => {
    await allowSandboxHost(context, extensionId);
    await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo-ats/candidates/40112234`);
    await expect(page.getByRole('button', { name: 'Exportar a FactorialHR' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export to FactorialHR' })).toHaveCount(0);
  });
});
