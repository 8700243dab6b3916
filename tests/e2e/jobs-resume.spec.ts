import { SANDBOX_KEYS } from '../../sandbox/server';
import { connectCard } from '../../scripts/browser';
import { allowSandboxHost, expect, sandboxControl, test } from './fixtures';

type Logged = { vendor: string; method: string; path: string; query: string };

/** The pull's stored state and the number of stored jobs, read from the extension's IndexedDB. */
const pullState = (options: import('@playwright/test').Page) =>
  options.evaluate(
    () =>
      new Promise<{ running?: boolean; pages?: number; jobs: number }>((resolve) => {
        const open = indexedDB.open('hirebridge');
        open.onsuccess = () => {
          const tx = open.result.transaction(['settings', 'jobs']);
          const state = tx.objectStore('settings').get('jobPull.state');
          const count = tx.objectStore('jobs').count();
          tx.oncomplete = () => resolve({ running: state.result?.value?.running, pages: state.result?.value?.counts?.pages, jobs: count.result });
        };
      }),
  );

test('a pull survives the service worker being stopped: it resumes from the stored cursor, and the alarm is back', async ({ context, extensionId, options, sandbox }) => {
  test.setTimeout(90_000);
  await sandboxControl(sandbox, 'POST', 'jobs', { vendor: 'kombo', count: 2500 });
  // Slow pages, so the worker can be stopped in the middle of the pull.
  await sandboxControl(sandbox, 'POST', 'faults', { vendor: 'kombo', kind: 'latency', ms: 300, method: 'GET', pathIncludes: '/ats/jobs', times: 1000 });
  await allowSandboxHost(context, extensionId);
  await connectCard(options, 'ATS', { provider: 'Kombo', environment: 'Custom', baseUrl: `${sandbox.url}/kombo/v1`, apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId });
  await expect.poll(async () => (await pullState(options)).pages ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(5);

  const cdp = await context.newCDPSession(options);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`))!;
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  const stoppedAt = await pullState(options);
  expect(stoppedAt.running).toBe(true);
  expect(stoppedAt.jobs).toBeLessThan(2500);

  // Anything that wakes the worker resumes the pull from its cursor.
  await options.reload();
  await expect.poll(async () => pullState(options), { timeout: 60_000 }).toMatchObject({ running: false, jobs: 2500 });
  const firstPages = (await sandboxControl<Logged[]>(sandbox, 'GET', 'requests')).filter((r) => r.path.endsWith('/ats/jobs') && !/cursor=/.test(r.query));
  // Asked from the start once (plus the connect check's one-job read), never restarted from scratch.
  expect(firstPages.filter((r) => /page_size=100/.test(r.query))).toHaveLength(1);

  const revived = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? (await context.waitForEvent('serviceworker'));
  const alarm = await revived.evaluate(() => chrome.alarms.get('hirebridge:job-pull'));
  expect(alarm?.periodInMinutes).toBe(180);
});
