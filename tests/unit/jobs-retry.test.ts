import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectorError } from '@/lib/connectors/errors';
import type { AtsPort } from '@/lib/connectors/types';
import { resetDbForTests } from '@/lib/db';
import { JOB_PULL_RETRY_ALARM, onJobPullAlarm, runJobPull } from '@/lib/jobs/service';

const fakes = vi.hoisted(() => ({ calls: 0, refuseFor: 0 as number | undefined }));
vi.mock('@/lib/connections', async (original) => ({
  ...(await original<typeof import('@/lib/connections')>()),
  withAts: async <T,>(work: (ats: AtsPort, connection: unknown) => Promise<T>) =>
    work(
      {
        provider: 'kombo',
        listJobs: async () => {
          fakes.calls += 1;
          if (fakes.refuseFor !== undefined) {
            throw new ConnectorError({ vendor: 'Kombo', code: 'rate-limited', transient: true, status: 429, retryAfterMs: fakes.refuseFor, message: 'Kombo is busy.' });
          }
          return { jobs: [], next: null };
        },
      } as unknown as AtsPort,
      { slot: 'ats', provider: 'kombo', tool: 'greenhouse' },
    ),
}));

beforeEach(async () => {
  await resetDbForTests();
  fakeBrowser.reset();
  fakes.calls = 0;
});

describe('a job pull Kombo asks to wait longer than a worker lives', () => {
  it('runs again when Kombo’s window resets, by a one-shot alarm', async () => {
    fakes.refuseFor = 120_000;
    const before = Date.now();
    await expect(runJobPull()).rejects.toMatchObject({ code: 'rate-limited' });
    const alarm = await fakeBrowser.alarms.get(JOB_PULL_RETRY_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + 120_000);
    expect(alarm?.periodInMinutes).toBeUndefined();

    fakes.refuseFor = undefined;
    await onJobPullAlarm({ name: JOB_PULL_RETRY_ALARM });
    expect(fakes.calls).toBe(2);
  });

  it('a pull that goes through sets no such alarm', async () => {
    fakes.refuseFor = undefined;
    await runJobPull();
    expect(await fakeBrowser.alarms.get(JOB_PULL_RETRY_ALARM)).toBeUndefined();
  });
});
