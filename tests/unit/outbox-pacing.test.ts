import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectorError } from '@/lib/connectors/errors';
import { db, resetDbForTests } from '@/lib/db';
import { enqueue, process, registerHandler, vendorOf } from '@/lib/outbox/outbox';
import { DEFAULT_PACE_LIMITS, Pacer, resetPacersForTests, setPaceLimits } from '@/lib/outbox/pacing';

/** Grants as they happen: when, and a way to end the send. */
function recorder(pacer: Pacer) {
  const grants: { at: number; id: number; release: () => void }[] = [];
  const ask = (id: number, cost = 1) => pacer.acquire(cost).then((release) => grants.push({ at: Date.now(), id, release }));
  return { grants, ask };
}

describe('Pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('Factorial: 200 starts per minute, the 201st waits for the oldest to leave the window', async () => {
    const pacer = new Pacer({ perWindow: 200, windowMs: 60_000 });
    const { grants, ask } = recorder(pacer);
    for (let i = 0; i < 250; i++) void ask(i);
    await vi.advanceTimersByTimeAsync(0);
    expect(grants).toHaveLength(200);
    grants.forEach((g) => g.release());
    await vi.advanceTimersByTimeAsync(59_999);
    expect(grants).toHaveLength(200);
    await vi.advanceTimersByTimeAsync(1);
    expect(grants).toHaveLength(250);
    // First queued, first sent.
    expect(grants.map((g) => g.id)).toEqual([...Array(250).keys()]);
  });

  it('Kombo: never more than 30 in flight; a finished send lets the next one start', async () => {
    const pacer = new Pacer(DEFAULT_PACE_LIMITS.kombo);
    const { grants, ask } = recorder(pacer);
    for (let i = 0; i < 100; i++) void ask(i);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(grants).toHaveLength(30);
    expect(pacer.stats()).toMatchObject({ inFlight: 30, waiting: 70 });
    grants.slice(0, 5).forEach((g) => g.release());
    await vi.advanceTimersByTimeAsync(0);
    expect(grants).toHaveLength(35);
    // Releasing twice does not free two slots.
    grants[0].release();
    await vi.advanceTimersByTimeAsync(0);
    expect(grants).toHaveLength(35);
  });

  it('a pause (429 with Retry-After) holds every send until it ends', async () => {
    const pacer = new Pacer({ maxInFlight: 5 });
    const { grants, ask } = recorder(pacer);
    pacer.pause(2_000);
    for (let i = 0; i < 3; i++) void ask(i);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(grants).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(grants).toHaveLength(3);
    expect(grants[0].at - new Date('2026-11-22T10:00:00Z').getTime()).toBe(2_000);
  });

  it('counts an operation by its writes (a sync through Factorial ATS makes two POSTs)', async () => {
    const pacer = new Pacer({ perWindow: 5, windowMs: 1_000 });
    const { grants, ask } = recorder(pacer);
    for (let i = 0; i < 4; i++) void ask(i, 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(grants).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(grants).toHaveLength(4);
  });

  it('whatever the arrivals and durations, no window holds more than the limit and in-flight stays bounded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ arriveAfter: fc.integer({ min: 0, max: 300 }), holdFor: fc.integer({ min: 1, max: 2_000 }) }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 6 }),
        async (sends, perWindow, maxInFlight) => {
          const windowMs = 1_000;
          const pacer = new Pacer({ perWindow, windowMs, maxInFlight });
          const starts: number[] = [];
          let inFlight = 0;
          let peak = 0;
          let finished = 0;
          for (const send of sends) {
            await vi.advanceTimersByTimeAsync(send.arriveAfter);
            void pacer.acquire().then((release) => {
              starts.push(Date.now());
              peak = Math.max(peak, ++inFlight);
              setTimeout(() => {
                inFlight -= 1;
                finished += 1;
                release();
              }, send.holdFor);
            });
          }
          await vi.advanceTimersByTimeAsync(sends.length * (windowMs + 2_000));
          expect(finished).toBe(sends.length);
          expect(peak).toBeLessThanOrEqual(maxInFlight);
          for (const t of starts) expect(starts.filter((s) => s >= t && s < t + windowMs).length).toBeLessThanOrEqual(perWindow);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the outbox sends through the pacer', () => {
  const calls: { id: string; start: number; end: number }[] = [];
  let inFlight = 0;
  let peak = 0;
  let failOnce = new Set<string>();

  beforeEach(async () => {
    await resetDbForTests();
    fakeBrowser.reset();
    resetPacersForTests();
    calls.length = 0;
    inFlight = 0;
    peak = 0;
    failOnce = new Set();
    registerHandler('export-employee', async (operation) => {
      const start = Date.now();
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight -= 1;
      calls.push({ id: operation.id, start, end: Date.now() });
      if (failOnce.delete(String(operation.subject))) {
        throw new ConnectorError({ vendor: 'Factorial', code: 'rate-limited', status: 429, message: 'Factorial asked Hirebridge to slow down.', retryAfterMs: 400 });
      }
      return { outcome: 'created', remoteId: String(operation.subject) };
    });
  });

  async function runAll(count: number) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await enqueue('export-employee', `c${i}`, { name: `C ${i}` })).operation.id);
    await Promise.all(ids.map((id) => process(id)));
    return ids;
  }

  it('paces a bulk run to the vendor window and concurrency, sending each once', async () => {
    setPaceLimits('factorial', { perWindow: 5, windowMs: 300, maxInFlight: 3 });
    const ids = await runAll(14);
    const operations = await db().operations.bulkGet(ids);
    expect(operations.every((op) => op?.state === 'done')).toBe(true);
    expect(calls).toHaveLength(14);
    expect(new Set(calls.map((c) => c.id)).size).toBe(14);
    expect(peak).toBeLessThanOrEqual(3);
    const starts = calls.map((c) => c.start).sort((a, b) => a - b);
    // A little slack for timer jitter inside the window.
    for (const t of starts) expect(starts.filter((s) => s >= t && s < t + 280).length).toBeLessThanOrEqual(5);
    // 14 sends at 5 per 300 ms need at least two further windows.
    expect(starts[13] - starts[0]).toBeGreaterThanOrEqual(2 * 300 - 30);
  });

  it('a 429 pauses every other send to that vendor for its Retry-After', async () => {
    setPaceLimits('factorial', { maxInFlight: 1 });
    failOnce.add('c0');
    const ids = await runAll(3);
    const [first, ...others] = calls.sort((a, b) => a.start - b.start);
    expect(first.id).toBe(ids[0]);
    // Nobody started within Retry-After (400 ms) of the 429.
    for (const call of others) expect(call.start - first.end).toBeGreaterThanOrEqual(380);
    const parked = await db().operations.get(ids[0]);
    expect(parked).toMatchObject({ state: 'queued', attempts: 1 });
    expect(Date.parse(parked!.nextAttemptAt!) - first.end).toBeGreaterThanOrEqual(390);
  });

  it('knows which vendor an operation writes to', async () => {
    const op = (kind: 'export-employee' | 'sync-candidate', payload = {}) => ({ id: 'x', kind, state: 'queued' as const, subject: 's', payload, attempts: 0, createdAt: '', updatedAt: '' });
    expect(await vendorOf(op('export-employee'))).toBe('factorial');
    expect(await vendorOf(op('sync-candidate'))).toBeUndefined();
    await db().connections.put({ slot: 'ats', provider: 'kombo', environment: 'eu', baseUrl: 'https://api.kombo.dev/v1', keyHint: '1234', secretId: 's', connectedAt: '', lastCheckAt: '', lastCheckOk: true });
    expect(await vendorOf(op('sync-candidate'))).toBe('kombo');
    expect(await vendorOf(op('sync-candidate', { vendor: 'factorial' }))).toBe('factorial');
  });
});
