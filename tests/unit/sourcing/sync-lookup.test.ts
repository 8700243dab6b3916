import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectorError } from '@/lib/connectors/errors';
import { KOMBO_WRITE_TASK_MS } from '@/lib/connectors/kombo/client';
import { classifyKomboError } from '@/lib/connectors/kombo/errors';
import type { AtsCandidate, AtsPort, CreatedApplication } from '@/lib/connectors/types';
import { db, resetDbForTests } from '@/lib/db';
import type { OperationRecord } from '@/lib/outbox/records';
import type { SyncOperation } from '@/lib/sourcing/operation';

/**
 * Sync to ATS after a create without an answer (issue 23, point 2), against a scripted Kombo and a clock the test
 * moves: the outbox's alarms are fired by hand at the time they were set for, as the browser would.
 */

const port = {
  provider: 'kombo' as const,
  acceptsFiles: true,
  writeSettlesWithinMs: KOMBO_WRITE_TASK_MS,
  findCandidateByEmail: vi.fn<AtsPort['findCandidateByEmail']>(),
  createApplication: vi.fn<AtsPort['createApplication']>(),
  finishApplication: vi.fn<NonNullable<AtsPort['finishApplication']>>(),
};
vi.mock('@/lib/connections', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/connections')>()),
  withAts: (work: (ats: unknown) => unknown) => work(port),
}));

const { enqueue, process, onOperationChange, resumeOutbox } = await import('@/lib/outbox');
const { onOutboxAlarm, OUTBOX_ALARM_PREFIX } = await import('@/lib/outbox/outbox');
const { registerSourcingOperations, toSyncProgress } = await import('@/lib/sourcing/service');
// The worker registers the sync operation and its follower (the activity log) at start; so does this test.
registerSourcingOperations();

const T0 = Date.parse('2026-12-07T10:00:00Z');
/** Kombo's own time for a write (its SDK's write timeout) and the margin for the record to show afterwards. */
const WINDOW_MS = 300_000 + 60_000;
const JOB = 'KJ2';
const fields = { firstName: 'Zoë', lastName: 'Núñez', email: 'zoe.nunez@example.com', phone: '', jobKey: 'kombo:KJ2' };
const zoe = (applications: AtsCandidate['applications'] = []): AtsCandidate => ({ id: 'KC1', firstName: 'Zoë', lastName: 'Núñez', email: fields.email, applications });
/** Zoë with an application for the job (ours, sent earlier, or someone else's). */
const APPLIED = zoe([{ id: 'KA1', jobId: JOB, hired: false }]);
const CREATED: CreatedApplication = { applicationId: 'KA9', candidateId: 'KC1', existingCandidate: false, cvAttached: true, linkAdded: true, warnings: [] };

/** Our own client stopped waiting (as lib/connectors/http.ts reports it). */
const noAnswer = () => new ConnectorError({ vendor: 'Kombo', code: 'timeout', message: 'Kombo did not answer in time.' });
/** Kombo's own answers, read as the connector reads them. */
const kombo = (status: number, code: string) => classifyKomboError(status, { code, message: `Kombo says ${code}` })!;
const taskTimedOut = () => kombo(500, 'PLATFORM.TASK_TIMED_OUT');
const alreadyExists = () => kombo(409, 'ATS.APPLICATION_ALREADY_EXISTS');

async function queueSync(): Promise<string> {
  const { operation } = await enqueue('sync-candidate', 'sourced:lever:8f1c|kombo:KJ2', {
    name: 'Zoë Núñez',
    candidateKey: 'sourced:lever:8f1c',
    jobKey: 'kombo:KJ2',
    jobVendorId: JOB,
    jobName: 'Frontend Engineer',
    fields,
    answers: [],
    sourceName: 'Hirebridge',
    link: { label: 'Profile on Lever', url: 'https://hire.lever.co/candidates/8f1c' },
    note: '',
    pdfFileName: 'Zoe_Nunez.pdf',
    pdfBase64: 'JVBERi0xLjQ=',
  });
  return operation.id;
}

const stored = async (id: string) => (await db().operations.get(id)) as SyncOperation;

/** The browser fires the operation's alarm at its time (or `lateMs` after: a sleeping browser); the outbox's listener runs. */
async function fireAlarm(id: string, lateMs = 0): Promise<SyncOperation> {
  const name = `${OUTBOX_ALARM_PREFIX}${id}`;
  const alarm = await fakeBrowser.alarms.get(name);
  if (!alarm) throw new Error(`no alarm is set for ${id}`);
  await fakeBrowser.alarms.clear(name);
  vi.setSystemTime(alarm.scheduledTime + lateMs);
  await onOutboxAlarm(alarm);
  return stored(id);
}

/** Fire the operation's alarms until it is no longer waiting; the times (since T0) at which it still was. */
async function fireUntilSettled(id: string): Promise<{ operation: SyncOperation; waitingAt: number[] }> {
  const waitingAt: number[] = [];
  for (let i = 0; i < 30; i++) {
    const operation = await fireAlarm(id);
    if (operation.state !== 'queued') return { operation, waitingAt };
    waitingAt.push(Date.now() - T0);
  }
  throw new Error('the operation never settled');
}

/** The activity log's lines for the sync (the follower writes them without being awaited). */
async function logged(): Promise<{ level: string; message: string }[]> {
  await vi.waitFor(async () => expect(await db().activity.count()).toBeGreaterThan(0));
  return (await db().activity.toArray()).map(({ level, message }) => ({ level, message }));
}

beforeEach(async () => {
  // Only Date is faked: IndexedDB (fake-indexeddb) schedules with the real setImmediate.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  fakeBrowser.reset();
  await resetDbForTests();
  for (const mock of [port.findCandidateByEmail, port.createApplication, port.finishApplication]) mock.mockReset();
  port.finishApplication.mockResolvedValue([]);
});
afterEach(() => vi.useRealTimers());

describe('Sync to ATS: a create without an answer is looked up before it is ever sent again', () => {

  it('Kombo’s write limit is its SDK’s 300 s', () => {
    expect(KOMBO_WRITE_TASK_MS).toBe(300_000);
  });

  it('found at the second look: done as created (this sync, not a duplicate), with exactly one create', async () => {
    // At the first look the candidate is there, but only with another job's application: not this sync yet.
    port.findCandidateByEmail.mockResolvedValueOnce(null).mockResolvedValueOnce(zoe([{ id: 'KA0', jobId: 'KJ7', hired: false }])).mockResolvedValueOnce(APPLIED);
    port.createApplication.mockRejectedValueOnce(noAnswer());
    const id = await queueSync();

    const sent = (await process(id)) as SyncOperation;
    expect(sent).toMatchObject({ state: 'queued', delivery: { steps: { create: { sentAt: new Date(T0).toISOString() } } } });
    expect(toSyncProgress(sent).checking).toBe(true);

    const firstLook = await fireAlarm(id);
    expect(firstLook.state).toBe('queued');
    expect(firstLook.lastError).toContain('Not in ');
    const secondLook = await fireAlarm(id);
    expect(secondLook).toMatchObject({ state: 'done', remoteId: 'KA1', delivery: { outcome: 'created' } });
    expect(toSyncProgress(secondLook).outcome).toBe('created');
    expect(port.findCandidateByEmail).toHaveBeenCalledTimes(3);
    expect(port.createApplication).toHaveBeenCalledTimes(1);
    // What the lost answer would have started is finished on the application found.
    expect(port.finishApplication).toHaveBeenCalledWith({ applicationId: 'KA1', candidateId: 'KC1' }, { link: expect.objectContaining({ url: 'https://hire.lever.co/candidates/8f1c' }), sourceName: 'Hirebridge' });
    const [line] = await logged();
    expect(line.message).toContain('Zoë Núñez synced to Frontend Engineer');
    expect(line.message).not.toContain('already synced');
  });

  it('never found within the window: exactly one more create, and only once Kombo’s 300 s + 60 s since the send are over', async () => {
    port.findCandidateByEmail.mockResolvedValue(null);
    port.createApplication.mockRejectedValueOnce(noAnswer()).mockResolvedValueOnce(CREATED);
    const id = await queueSync();
    await process(id);

    const { operation, waitingAt } = await fireUntilSettled(id);
    // It kept looking (by alarm) through the window, never sending meanwhile...
    expect(waitingAt.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...waitingAt)).toBeLessThan(WINDOW_MS);
    // ...and sent again once, when the window was over.
    expect(Date.now() - T0).toBeGreaterThanOrEqual(WINDOW_MS);
    expect(port.createApplication).toHaveBeenCalledTimes(2);
    expect(port.findCandidateByEmail).toHaveBeenCalledTimes(waitingAt.length + 2);
    expect(operation).toMatchObject({ state: 'done', remoteId: 'KA9', delivery: { outcome: 'created' } });
  });

  it('a look that comes early (before the window is over) does not send, whatever woke it', async () => {
    port.findCandidateByEmail.mockResolvedValue(null);
    port.createApplication.mockRejectedValueOnce(noAnswer());
    const id = await queueSync();
    await process(id);
    // A restarted worker finds the operation due just before the window ends.
    await db().operations.update(id, { nextAttemptAt: new Date(T0 + WINDOW_MS - 1_000).toISOString() });
    vi.setSystemTime(T0 + WINDOW_MS - 1_000);
    const early = (await process(id)) as SyncOperation;
    expect(early.state).toBe('queued');
    expect(port.findCandidateByEmail).toHaveBeenCalledTimes(2);
    expect(port.createApplication).toHaveBeenCalledTimes(1);
  });

  it('found only when the window is over, at the look that would have sent again: no second create', async () => {
    // Invisible to reads until the window is over (Kombo's slow commit), then there.
    port.findCandidateByEmail.mockImplementation(async () => (Date.now() - T0 >= WINDOW_MS ? APPLIED : null));
    port.createApplication.mockRejectedValueOnce(noAnswer()).mockResolvedValue(CREATED);
    const id = await queueSync();
    await process(id);

    const { operation } = await fireUntilSettled(id);
    expect(Date.now() - T0).toBeGreaterThanOrEqual(WINDOW_MS);
    expect(operation).toMatchObject({ state: 'done', remoteId: 'KA1', delivery: { outcome: 'created' } });
    expect(port.createApplication).toHaveBeenCalledTimes(1);
  });

  it('a browser asleep past the window: the first look, hours late, finds it and does not send again', async () => {
    port.findCandidateByEmail.mockResolvedValueOnce(null).mockResolvedValue(APPLIED);
    port.createApplication.mockRejectedValueOnce(noAnswer()).mockResolvedValue(CREATED);
    const id = await queueSync();
    await process(id);
    const look = await fireAlarm(id, 3 * 60 * 60_000);
    expect(look).toMatchObject({ state: 'done', remoteId: 'KA1', delivery: { outcome: 'created' } });
    expect(port.createApplication).toHaveBeenCalledTimes(1);
  });

  it('a worker stopped mid-request: the next worker looks instead of sending, and what it finds is this sync', async () => {
    port.findCandidateByEmail.mockResolvedValueOnce(null).mockResolvedValueOnce(null).mockResolvedValueOnce(APPLIED);
    // The request never answers: the worker is stopped during it.
    let requestSent!: () => void;
    const inRequest = new Promise<void>((resolve) => (requestSent = resolve));
    port.createApplication.mockImplementationOnce(() => {
      requestSent();
      return new Promise(() => {});
    });
    const id = await queueSync();
    void process(id);
    await inRequest;
    const cutOff = await stored(id);
    expect(cutOff).toMatchObject({ state: 'sending', delivery: { sends: 1, steps: { create: { sentAt: new Date(T0).toISOString() } } } });

    // A new worker starts on the same database (a copy of the record: this worker still holds the old one).
    vi.setSystemTime(T0 + 120_000);
    const restarted = { ...cutOff, id: 'after-restart', subject: 'after-restart' };
    await db().operations.add(restarted);
    await resumeOutbox();
    // It looked (not there yet) and set an alarm for the next look, without sending.
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(`${OUTBOX_ALARM_PREFIX}${restarted.id}`)).toBeDefined());
    expect(await stored(restarted.id)).toMatchObject({ state: 'queued' });
    expect(port.findCandidateByEmail).toHaveBeenCalledTimes(2);
    expect(port.createApplication).toHaveBeenCalledTimes(1);

    const found = await fireAlarm(restarted.id);
    expect(found).toMatchObject({ state: 'done', remoteId: 'KA1', delivery: { outcome: 'created' } });
    expect(port.createApplication).toHaveBeenCalledTimes(1);
  });
});

describe('Sync to ATS: "already there" is ours after our own unanswered send, someone else’s otherwise', () => {

  it('ATS.APPLICATION_ALREADY_EXISTS after an unanswered send of ours: Synced (created), not Already synced', async () => {
    // Kombo's candidate lookup never shows it, but the ATS has it: the send after the window is refused as existing.
    port.findCandidateByEmail.mockResolvedValue(null);
    port.createApplication.mockRejectedValueOnce(noAnswer()).mockRejectedValueOnce(alreadyExists());
    const id = await queueSync();
    await process(id);
    const { operation } = await fireUntilSettled(id);
    expect(port.createApplication).toHaveBeenCalledTimes(2);
    expect(operation).toMatchObject({ state: 'done', delivery: { outcome: 'created' } });
    expect(toSyncProgress(operation).outcome).toBe('created');
    expect(await logged()).toEqual([{ level: 'success', message: 'Zoë Núñez synced to Frontend Engineer.' }]);
  });

  it('the same answer to a first send, with no earlier send of ours: Already synced (duplicate)', async () => {
    port.findCandidateByEmail.mockResolvedValue(null);
    port.createApplication.mockRejectedValueOnce(alreadyExists());
    const id = await queueSync();
    const operation = (await process(id)) as SyncOperation;
    expect(port.createApplication).toHaveBeenCalledTimes(1);
    expect(operation).toMatchObject({ state: 'done', delivery: { outcome: 'duplicate' } });
    expect(toSyncProgress(operation).outcome).toBe('duplicate');
    expect(await logged()).toEqual([{ level: 'warning', message: 'Zoë Núñez was already synced to Frontend Engineer; nothing new was sent.' }]);
  });

  it('an application found before a first send is someone else’s: Already synced, nothing sent, nothing finished on it', async () => {
    port.findCandidateByEmail.mockResolvedValue(APPLIED);
    const id = await queueSync();
    const operation = (await process(id)) as SyncOperation;
    expect(operation).toMatchObject({ state: 'done', remoteId: 'KA1', delivery: { outcome: 'duplicate' } });
    expect(port.createApplication).not.toHaveBeenCalled();
    expect(port.finishApplication).not.toHaveBeenCalled();
  });
});

describe('Sync to ATS: when the first look comes', () => {
  const alarmOf = (id: string) => fakeBrowser.alarms.get(`${OUTBOX_ALARM_PREFIX}${id}`);
  const reaches = (id: string, state: OperationRecord['state']) =>
    new Promise<OperationRecord>((resolve) => {
      const stop = onOperationChange((op) => {
        if (op.id === id && op.state === state) {
          stop();
          resolve(op);
        }
      });
    });

  it('after Kombo’s PLATFORM.TASK_TIMED_OUT: at once, without waiting for an alarm, and what it finds is this sync', async () => {
    port.findCandidateByEmail.mockResolvedValueOnce(null).mockResolvedValue(APPLIED);
    port.createApplication.mockRejectedValueOnce(taskTimedOut());
    const id = await queueSync();
    const done = reaches(id, 'done');

    const answered = (await process(id)) as SyncOperation;
    // Due the moment Kombo answered, with Kombo's own words; no alarm is needed to wake it.
    expect(answered).toMatchObject({ state: 'queued', nextAttemptAt: new Date(T0).toISOString() });
    expect(answered.lastError).toContain('Kombo gave up waiting for the ATS (PLATFORM.TASK_TIMED_OUT)');
    expect(await alarmOf(id)).toBeUndefined();

    expect(await done).toMatchObject({ remoteId: 'KA1', delivery: { outcome: 'created' } });
    // The clock never moved: the look came without any time passing.
    expect(Date.now()).toBe(T0);
    expect(port.findCandidateByEmail).toHaveBeenCalledTimes(2);
    expect(port.createApplication).toHaveBeenCalledTimes(1);
  });

  it('after Kombo’s PLATFORM.TASK_TIMED_OUT and nothing there yet: the same window from the send, then one more create', async () => {
    port.findCandidateByEmail.mockResolvedValue(null);
    port.createApplication.mockRejectedValueOnce(taskTimedOut()).mockResolvedValueOnce(CREATED);
    const id = await queueSync();
    const firstLook = reaches(id, 'queued');
    await process(id);
    await firstLook; // the send's own "queued" (due at once)
    await vi.waitFor(async () => expect(await alarmOf(id)).toBeDefined()); // the immediate look found nothing: next one by alarm
    expect(port.findCandidateByEmail).toHaveBeenCalledTimes(2);

    const { operation, waitingAt } = await fireUntilSettled(id);
    expect(Math.max(...waitingAt)).toBeLessThan(WINDOW_MS);
    expect(Date.now() - T0).toBeGreaterThanOrEqual(WINDOW_MS);
    expect(port.createApplication).toHaveBeenCalledTimes(2);
    expect(operation).toMatchObject({ state: 'done', remoteId: 'KA9', delivery: { outcome: 'created' } });
  });

  it('after our own client stopped waiting (Kombo may still be working): the first look is by alarm, 30 s after the answer', async () => {
    port.findCandidateByEmail.mockResolvedValue(null);
    port.createApplication.mockRejectedValueOnce(noAnswer());
    const id = await queueSync();
    const answered = (await process(id)) as SyncOperation;
    expect(answered).toMatchObject({ state: 'queued', nextAttemptAt: new Date(T0 + 30_000).toISOString() });
    expect(answered.lastError).toContain('did not answer within 25 s');
    expect((await alarmOf(id))?.scheduledTime).toBe(T0 + 30_000);
    expect(port.findCandidateByEmail).toHaveBeenCalledTimes(1);
  });
});
