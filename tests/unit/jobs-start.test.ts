import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** The job-pull alarm, as lib/jobs starts it: each alarm's pull, then what other features follow it with, in order. */

const calls: string[] = [];
vi.mock('@/lib/jobs/service', () => ({
  onJobPullAlarm: vi.fn(async (alarm: { name: string }) => void calls.push(`pull on ${alarm.name}`)),
  catchUpMissedPull: vi.fn(async () => void calls.push('catch up')),
  resumeInterruptedPull: vi.fn(async () => void calls.push('resume')),
  runJobPull: vi.fn(),
}));
vi.mock('@/lib/jobs/schedule', () => ({ ensureJobPullAlarm: vi.fn(async () => void calls.push('ensure alarm')), writePullInterval: vi.fn() }));
// The worker's start work, held until the test says the first answers are out (then it runs at once, as the server's).
const held: (() => unknown)[] = [];
let answered = false;
vi.mock('@/lib/messaging/server', () => ({ afterStartAnswers: (work: () => unknown) => void (answered ? work() : held.push(work)) }));
async function firstAnswersSent() {
  answered = true;
  for (const work of held.splice(0)) await work();
}

const { afterJobPullAlarm, startJobPulls } = await import('@/lib/jobs/handlers');

describe('job pulls at start-up', () => {
  it('resumes a pull a stopped worker left (after its first answers); each alarm pulls, then its followers run one after the other', async () => {
    fakeBrowser.reset();
    startJobPulls();
    // Nothing is read before the worker's first answers; then the interrupted pull is resumed.
    expect(calls).toEqual([]);
    await firstAnswersSent();
    expect(calls).toEqual(['resume']);
    afterJobPullAlarm(async () => {
      calls.push('team jobs start');
      await Promise.resolve();
      calls.push('team jobs end');
    });
    afterJobPullAlarm(async () => void calls.push('second follower'));
    calls.length = 0;
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'hirebridge:job-pull', scheduledTime: 0 } as never);
    await vi.waitFor(() => expect(calls).toEqual(['pull on hirebridge:job-pull', 'team jobs start', 'team jobs end', 'second follower']));
    calls.length = 0;
    await fakeBrowser.runtime.onStartup.trigger();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    expect(calls).toEqual(['catch up', 'ensure alarm']);
  });
});
