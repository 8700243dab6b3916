import { SANDBOX_KEYS } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { expect, routeVendorHosts, sandboxControl, test } from './fixtures';
import type { Page } from '@playwright/test';

type Logged = { vendor: string; method: string; path: string; query: string; status: number };

const jobRow = (options: Page, name: string) => options.getByRole('region', { name: 'Jobs' }).getByRole('row').filter({ has: options.getByRole('rowheader', { name, exact: true }) });

test.describe('Job pulls', () => {
  test('Kombo on its real hostname: first pull, activate, freeze, archive, new job, incremental pull, alarm', async ({ context, options, sandbox, serviceWorker }) => {
    await routeVendorHosts(context, sandbox);
    await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'EU', apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
    const jobs = options.getByRole('region', { name: 'Jobs' });

    // Connecting pulls at once: new jobs arrive Disabled; closed and deleted ones Archived.
    await expect(jobRow(options, 'Senior Backend Engineer')).toContainText('Disabled');
    await expect(jobRow(options, 'Office Manager')).toContainText('Archived');
    await expect(jobRow(options, 'Legacy Support Role')).toContainText('Archived');
    await expect(jobs.getByText(/Last pull .*: 15 new, 0 updated, 0 archived\./)).toBeVisible();

    await jobRow(options, 'Frontend Engineer').getByRole('button', { name: 'Activate' }).click();
    await expect(jobRow(options, 'Frontend Engineer')).toContainText('Active');
    await jobRow(options, 'Data Engineer').getByRole('button', { name: 'Activate' }).click();
    await expect(jobRow(options, 'Data Engineer').getByRole('button', { name: 'Deactivate' })).toBeVisible();

    // Changes in the ATS: the active job is renamed (frozen: keeps its name), an active one is closed (archived
    // anyway), a disabled one is renamed (follows), and a new job appears.
    await sandboxControl(sandbox, 'POST', 'jobs/mutate', {
      vendor: 'kombo',
      rename: [{ id: 'KJ000002', name: 'Frontend Engineer (React)' }, { id: 'KJ000003', name: 'Enterprise Account Executive' }],
      close: ['KJ000004'],
      add: 1,
    });
    await sandboxControl(sandbox, 'DELETE', 'requests');
    await jobs.getByRole('button', { name: 'Sync now' }).click();
    await expect(jobs.getByText(/Last pull .*: 1 new, 1 updated, 1 archived\./)).toBeVisible();
    await expect(jobRow(options, 'Frontend Engineer')).toContainText('Active');
    await expect(jobRow(options, 'Frontend Engineer (React)')).toHaveCount(0);
    await expect(jobRow(options, 'Data Engineer')).toContainText('Archived');
    await expect(jobRow(options, 'Enterprise Account Executive')).toContainText('Disabled');
    await expect(jobs.getByRole('row').filter({ hasText: /New role/ })).toContainText('Disabled');

    const pull = (await sandboxControl<Logged[]>(sandbox, 'GET', 'requests')).filter((r) => r.path === '/kombo/v1/ats/jobs');
    expect(pull).toHaveLength(1);
    expect(new URLSearchParams(pull[0].query).get('updated_after')).toBeTruthy();
    expect(new URLSearchParams(pull[0].query).get('include_deleted')).toBe('true');

    // Nothing changed: one request, nothing new.
    await sandboxControl(sandbox, 'DELETE', 'requests');
    await jobs.getByRole('button', { name: 'Sync now' }).click();
    await expect(jobs.getByText(/Last pull .*: 0 new, 0 updated, 0 archived\./)).toBeVisible();
    expect((await sandboxControl<Logged[]>(sandbox, 'GET', 'requests')).filter((r) => r.path === '/kombo/v1/ats/jobs')).toHaveLength(1);

    // Deactivating unfreezes: the job is offered no more, and shows as Disabled.
    await jobRow(options, 'Frontend Engineer').getByRole('button', { name: 'Deactivate' }).click();
    await expect(jobRow(options, 'Frontend Engineer')).toContainText('Disabled');

    const alarm = await serviceWorker.evaluate(() => chrome.alarms.get('hirebridge:job-pull'));
    expect(alarm?.periodInMinutes).toBe(180);
  });

  test('search, status filter, country filter and the pull interval', async ({ context, options, sandbox, serviceWorker }) => {
    await routeVendorHosts(context, sandbox);
    await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'EU', apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
    const jobs = options.getByRole('region', { name: 'Jobs' });
    await expect(jobRow(options, 'Senior Backend Engineer')).toBeVisible();
    const body = jobs.getByRole('rowgroup').nth(1);

    await jobs.getByRole('searchbox', { name: 'Search jobs' }).fill('engineer');
    await expect(body.getByRole('row')).toHaveCount(6);
    await jobs.getByRole('searchbox', { name: 'Search jobs' }).fill('');
    await jobs.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Archived' });
    await expect(body.getByRole('row')).toHaveCount(2);
    await jobs.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'All' });

    await jobs.getByRole('textbox', { name: 'Countries' }).fill('es, pt');
    await jobs.getByRole('button', { name: 'Apply' }).click();
    await expect(jobs.getByText(/jobs in other countries are hidden/)).toBeVisible();
    await expect(jobRow(options, 'Frontend Engineer')).toHaveCount(0);
    await expect(jobRow(options, 'Data Engineer')).toBeVisible();
    await options.reload();
    await expect(jobs.getByRole('textbox', { name: 'Countries' })).toHaveValue('ES, PT');

    await jobs.getByRole('combobox', { name: 'Pull' }).selectOption({ label: 'Every hour' });
    await expect.poll(async () => (await serviceWorker.evaluate(() => chrome.alarms.get('hirebridge:job-pull')))?.periodInMinutes).toBe(60);
  });

  test('Factorial ATS: a full listing compared locally, with only real changes written', async ({ context, options, sandbox }) => {
    await routeVendorHosts(context, sandbox);
    await connectCard(options, 'ATS', { provider: 'Factorial ATS', environment: 'Production', apiKey: SANDBOX_KEYS.factorial });
    const jobs = options.getByRole('region', { name: 'Jobs' });
    await expect(jobRow(options, 'Backend Engineer')).toContainText('Disabled');
    await expect(jobRow(options, 'QA Engineer')).toContainText('Archived');
    await expect(jobRow(options, 'Backend Engineer')).toContainText('ES');
    await jobs.getByRole('button', { name: 'Sync now' }).click();
    await expect(jobs.getByText(/Last pull .*: 0 new, 0 updated, 0 archived\./)).toBeVisible();
    await sandboxControl(sandbox, 'POST', 'jobs/mutate', { vendor: 'factorial', delete: ['202'] });
    await jobs.getByRole('button', { name: 'Sync now' }).click();
    await expect(jobs.getByText(/Last pull .*: 0 new, 0 updated, 1 archived\./)).toBeVisible();
    await expect(jobRow(options, 'Frontend Engineer')).toContainText('Archived');
  });
});
