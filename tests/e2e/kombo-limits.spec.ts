import type { Page } from '@playwright/test';
import { SANDBOX_KEYS } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { allowSandboxHost, expect, routeVendorHosts, sandboxControl, test } from './fixtures';

/**
 * Kombo as its docs describe it, on its real hostname: limits said only in headers (ratelimit-*, no Retry-After),
 * deleted jobs purged 14 days after Kombo marks them, and "Only Sync Created Applications" hiding every hire made in
 * the ATS itself.
 */

type Logged = { vendor: string; method: string; path: string; query: string; status: number };

const jobRow = (options: Page, name: string) => options.getByRole('region', { name: 'Jobs' }).getByRole('row').filter({ has: options.getByRole('rowheader', { name, exact: true }) });

async function connectKombo(options: Page) {
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'EU', apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect(options.getByRole('region', { name: 'Jobs' }).getByText(/Last pull .*: 15 new, 0 updated, 0 archived\./)).toBeVisible();
}

test.describe('Kombo limits and deletions', () => {
  test('a pull paced by Kombo’s ratelimit-* headers: every page once, and Kombo never has to refuse one', async ({ context, options, sandbox }) => {
    await routeVendorHosts(context, sandbox);
    await connectKombo(options);
    // 250 new jobs (3 pages), and a window of 2 requests every 2 seconds, said only in headers.
    await sandboxControl(sandbox, 'POST', 'jobs/mutate', { vendor: 'kombo', add: 250 });
    await sandboxControl(sandbox, 'POST', 'rate-limit', { vendor: 'kombo', perMinute: 2, windowMs: 2_000, headers: true });
    await sandboxControl(sandbox, 'DELETE', 'requests');
    const jobs = options.getByRole('region', { name: 'Jobs' });
    await jobs.getByRole('button', { name: 'Sync now' }).click();
    await expect(jobs.getByText(/Last pull .*: 250 new, 0 updated, 0 archived\./)).toBeVisible({ timeout: 30_000 });

    const kombo = (await sandboxControl<Logged[]>(sandbox, 'GET', 'requests')).filter((r) => r.vendor === 'kombo');
    expect(kombo.filter((r) => r.path === '/kombo/v1/ats/jobs')).toHaveLength(3);
    expect(kombo.filter((r) => r.status === 429)).toEqual([]);
  });

  test('after two weeks away, one complete listing archives the jobs Kombo purged meanwhile, the active one too', async ({ context, options, sandbox, serviceWorker }) => {
    await routeVendorHosts(context, sandbox);
    await connectKombo(options);
    await jobRow(options, 'Frontend Engineer').getByRole('button', { name: 'Activate' }).click();
    await expect(jobRow(options, 'Frontend Engineer')).toContainText('Active');

    // Deleted in the ATS while the browser stayed closed; 14 days later Kombo purges them from every listing.
    await sandboxControl(sandbox, 'POST', 'jobs/mutate', { vendor: 'kombo', delete: ['KJ000002', 'KJ000003'] });
    await sandboxControl(sandbox, 'POST', 'kombo/purge', {});
    // The last pull, as this browser remembers it, was 15 days ago.
    await serviceWorker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('hirebridge');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('settings', 'readwrite');
            const store = tx.objectStore('settings');
            const get = store.get('jobPull.watermark');
            get.onsuccess = () => {
              const marks = get.result.value as Record<string, string>;
              const gone = new Date(Date.parse(marks.kombo) - 15 * 24 * 60 * 60 * 1000).toISOString();
              store.put({ key: 'jobPull.watermark', value: { ...marks, kombo: gone } });
              store.put({ key: 'jobPull.complete', value: { kombo: gone } });
            };
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    const renamed = await sandboxControl<{ kombo: { jobs: { id: string; name: string }[] } }>(sandbox, 'GET', 'state');
    const purgedName = (id: string) => renamed.kombo.jobs.find((j) => j.id === id)?.name;
    expect([purgedName('KJ000002'), purgedName('KJ000003')]).toEqual([undefined, undefined]);

    await sandboxControl(sandbox, 'DELETE', 'requests');
    const jobs = options.getByRole('region', { name: 'Jobs' });
    await jobs.getByRole('button', { name: 'Sync now' }).click();
    await expect(jobs.getByText(/Last pull .*: 0 new, 0 updated, 2 archived\./)).toBeVisible();
    await expect(jobRow(options, 'Frontend Engineer')).toContainText('Archived');
    await expect(jobRow(options, 'Frontend Engineer').getByRole('button', { name: 'Activate' })).toBeDisabled();
    await expect(jobRow(options, 'Senior Backend Engineer')).toContainText('Disabled');

    // What Kombo saw: the whole listing (no updated_after, deleted ones included), once.
    const pull = (await sandboxControl<Logged[]>(sandbox, 'GET', 'requests')).filter((r) => r.path === '/kombo/v1/ats/jobs');
    expect(pull).toHaveLength(1);
    expect(new URLSearchParams(pull[0].query).get('updated_after')).toBeNull();
    expect(new URLSearchParams(pull[0].query).get('include_deleted')).toBe('true');

    // The next pull is incremental again, one request.
    await sandboxControl(sandbox, 'DELETE', 'requests');
    await jobs.getByRole('button', { name: 'Sync now' }).click();
    await expect(jobs.getByText(/Last pull .*: 0 new, 0 updated, 0 archived\./)).toBeVisible();
    const next = (await sandboxControl<Logged[]>(sandbox, 'GET', 'requests')).filter((r) => r.path === '/kombo/v1/ats/jobs');
    expect(next).toHaveLength(1);
    expect(new URLSearchParams(next[0].query).get('updated_after')).toBeTruthy();
  });
});

test.describe('Kombo’s “Only Sync Created Applications”', () => {
  test('the popup’s hired list and Export all say why Greenhouse’s hires are missing and what to do', async ({ context, extensionId, options, sandbox }) => {
    await routeVendorHosts(context, sandbox);
    await sandboxControl(sandbox, 'POST', 'kombo/tracking', { syncOnlyCreated: true });
    await connectKombo(options);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const hint = popup.getByText(/^Kombo lists no hired applications from Greenhouse\./);
    await expect(hint).toBeVisible();
    await expect(hint).toContainText('“Only Sync Created Applications”');
    await expect(hint).toContainText('Ask your Kombo admin to switch that setting off, or open a hired candidate’s page in Greenhouse and use Export to FactorialHR there');
    await expect(popup.getByRole('button', { name: 'Export all' })).toHaveAccessibleDescription(/^Kombo lists no hired applications from Greenhouse\./);
    await expect(popup.getByText(/^No hired candidates are waiting\./)).toBeVisible();

    // What Kombo answered: its hired applications, none (the ATS has hires; Kombo does not track them).
    const state = await sandboxControl<{ kombo: { applications: { outcome: string }[] } }>(sandbox, 'GET', 'state');
    expect(state.kombo.applications.filter((a) => a.outcome === 'HIRED').length).toBeGreaterThan(0);
    const asked = (await sandboxControl<Logged[]>(sandbox, 'GET', 'requests')).filter((r) => r.path === '/kombo/v1/ats/applications');
    expect(asked.length).toBeGreaterThan(0);

    // The setting switched off: Kombo lists the hires, and the popup says nothing of the kind.
    await sandboxControl(sandbox, 'POST', 'kombo/tracking', { syncOnlyCreated: false });
    await options.getByRole('region', { name: 'Jobs' }).getByRole('button', { name: 'Sync now' }).click();
    await popup.reload();
    await expect(popup.getByRole('list', { name: 'Hired candidates waiting for export' })).toContainText('Lucas Moreau');
    await expect(popup.getByText(/^Kombo lists no hired applications/)).toHaveCount(0);
  });
});

test.describe('Kombo’s “Only Sync Created Applications”, in Spanish', () => {
  test.use({ locale: 'es-ES' });
  test('the popup says it in Spanish', async ({ context, extensionId, options, sandbox }) => {
    await allowSandboxHost(context, extensionId);
    await sandboxControl(sandbox, 'POST', 'kombo/tracking', { syncOnlyCreated: true });
    const region = options.getByRole('region', { name: 'ATS' });
    await region.getByRole('combobox', { name: 'Proveedor' }).selectOption({ label: 'Kombo' });
    await region.getByRole('combobox', { name: 'Entorno' }).selectOption({ label: 'Personalizado' });
    await region.getByRole('textbox', { name: 'URL base' }).fill(`${sandbox.url}/kombo/v1`);
    await region.getByRole('textbox', { name: 'Clave de API' }).fill(SANDBOX_KEYS.kombo);
    await region.getByRole('textbox', { name: 'ID de integración' }).fill(SANDBOX_KEYS.komboIntegrationId);
    await region.getByRole('button', { name: 'Conectar' }).click();
    await expect(region.getByText('Conectado', { exact: true })).toBeVisible();
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const hint = popup.getByText(/^Kombo no lista ninguna candidatura contratada de Greenhouse\./);
    await expect(hint).toContainText('«Only Sync Created Applications»');
    await expect(hint).toContainText('Pide a la persona que administra Kombo que desactive ese ajuste');
    await expect(popup.getByRole('button', { name: 'Exportar todo' })).toHaveAccessibleDescription(/^Kombo no lista ninguna candidatura contratada/);
  });
});
