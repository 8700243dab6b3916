import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectorError } from '@/lib/connectors/errors';
import { createFactorialHr } from '@/lib/connectors';
import { db, resetDbForTests } from '@/lib/db';
import type { OperationRecord } from '@/lib/outbox/records';
import { enqueue, process, registerHandler, vendorOf } from '@/lib/outbox/outbox';
import { fixtureServer } from './connectors/fixture-server';
import '@/lib/connections/pacing'; // declares Kombo's limits, as the worker does when it loads the connections
import { DEFAULT_PACE_LIMITS, FACTORIAL_POSTS_PER_MINUTE, Pacer, pacedHooks, resetPacersForTests, setPaceLimits } from '@/lib/outbox/pacing';
// The kinds these tests queue, as their features define them (the payload schema each is read with, its vendor).
import '@/lib/export/operation';
import '@/lib/sourcing/operation';

/** Grants as they happen: when, and a way to end the send (or, for a write, to say its answer came back). */
function recorder(pacer: Pacer, kind: 'turn' | 'write' = 'turn') {
  const grants: { at: number; id: number; release: () => void }[] = [];
  const ask = (id: number) =>
    (kind === 'turn' ? pacer.acquire() : pacer.acquireWrite()).then((release) => {
      grants.push({ at: Date.now(), id, release });
      return release;
    });
  return { grants, ask };
}

describe('Pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('Factorial: the documented 200 POSTs a minute, and nothing else counts', () => {
    const pacer = new Pacer(DEFAULT_PACE_LIMITS.factorial);
    expect(DEFAULT_PACE_LIMITS.factorial).toMatchObject({ perWindow: FACTORIAL_POSTS_PER_MINUTE, windowMs: 60_000 });
    expect(FACTORIAL_POSTS_PER_MINUTE).toBe(200);
    expect([pacer.counts('POST'), pacer.counts('post'), pacer.counts('GET'), pacer.counts('PUT')]).toEqual([true, true, false, false]);
    expect(new Pacer(DEFAULT_PACE_LIMITS.kombo!).counts('POST')).toBe(false);
  });

  it('200 writes a minute: the 201st goes one window after the oldest answer, in order', async () => {
    const pacer = new Pacer({ perWindow: 200, windowMs: 60_000 });
    const { grants, ask } = recorder(pacer, 'write');
    for (let i = 0; i < 250; i++) void ask(i);
    await vi.advanceTimersByTimeAsync(0);
    expect(grants).toHaveLength(200);
    await vi.advanceTimersByTimeAsync(100);
    grants.forEach((g) => g.release()); // answered 100 ms after they were sent
    await vi.advanceTimersByTimeAsync(59_999);
    expect(grants).toHaveLength(200);
    await vi.advanceTimersByTimeAsync(1);
    expect(grants).toHaveLength(250);
    expect(grants[200].at - grants[0].at).toBe(60_100);
    // First queued, first sent.
    expect(grants.map((g) => g.id)).toEqual([...Array(250).keys()]);
  });

  it('a write still waiting for its answer holds its place however long it takes', async () => {
    const pacer = new Pacer({ perWindow: 2, windowMs: 1_000 });
    const { grants, ask } = recorder(pacer, 'write');
    for (let i = 0; i < 3; i++) void ask(i);
    await vi.advanceTimersByTimeAsync(0);
    grants[0].release();
    await vi.advanceTimersByTimeAsync(5_000);
    // The first left the window a second after its answer; the second is still out: room for exactly one more.
    expect(grants).toHaveLength(3);
    void ask(3);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(grants).toHaveLength(3);
    grants[1].release();
    await vi.advanceTimersByTimeAsync(999);
    expect(grants).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(grants).toHaveLength(4);
  });

  it('uses the limit to the full: 3 windows of writes answered at once take exactly 3 windows, no margin lost', async () => {
    const pacer = new Pacer({ perWindow: 200, windowMs: 60_000 });
    const { grants, ask } = recorder(pacer, 'write');
    for (let i = 0; i < 601; i++) void ask(i).then((answered) => answered());
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(grants).toHaveLength(601);
    expect(grants[600].at - grants[0].at).toBe(3 * 60_000);
  });

  it('Kombo: never more than 30 in flight; a finished send lets the next one start', async () => {
    const pacer = new Pacer(DEFAULT_PACE_LIMITS.kombo!);
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

  it('a pause (429 with Retry-After) holds every turn and every write until it ends', async () => {
    const pacer = new Pacer({ maxInFlight: 5, perWindow: 10, windowMs: 1_000 });
    const turns = recorder(pacer);
    const writes = recorder(pacer, 'write');
    pacer.pause(2_000);
    for (let i = 0; i < 3; i++) void turns.ask(i);
    void writes.ask(0);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(turns.grants).toHaveLength(0);
    expect(writes.grants).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(turns.grants).toHaveLength(3);
    expect(writes.grants).toHaveLength(1);
    expect(turns.grants[0].at - new Date('2026-11-22T10:00:00Z').getTime()).toBe(2_000);
  });

  it('whatever the latencies, the vendor never sees more than the limit in a window, and turns in flight stay bounded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ arriveAfter: fc.integer({ min: 0, max: 300 }), latency: fc.integer({ min: 1, max: 2_000 }), countedAt: fc.double({ min: 0, max: 1, noNaN: true }) }),
          { minLength: 1, maxLength: 80 },
        ),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 6 }),
        async (sends, perWindow, maxInFlight) => {
          const windowMs = 1_000;
          const pacer = new Pacer({ perWindow, windowMs, maxInFlight });
          // When the vendor counted each write: any moment between its sending and its answer.
          const counted: number[] = [];
          let inFlight = 0;
          let peak = 0;
          let finished = 0;
          for (const send of sends) {
            await vi.advanceTimersByTimeAsync(send.arriveAfter);
            void pacer.acquire().then(async (turn) => {
              peak = Math.max(peak, ++inFlight);
              const answered = await pacer.acquireWrite();
              const sentAt = Date.now();
              counted.push(sentAt + Math.floor(send.countedAt * send.latency));
              setTimeout(() => {
                answered();
                inFlight -= 1;
                finished += 1;
                turn();
              }, send.latency);
            });
          }
          await vi.advanceTimersByTimeAsync(sends.length * (windowMs + 2_500));
          expect(finished).toBe(sends.length);
          expect(peak).toBeLessThanOrEqual(maxInFlight);
          // The vendor's own sliding window: the requests it counted in the minute before each one.
          for (const t of counted) expect(counted.filter((c) => c > t - windowMs && c <= t).length).toBeLessThanOrEqual(perWindow);
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
    const fields = { firstName: 'C', lastName: 'Test', email: 'c@example.com', startDate: '2026-12-01', legalEntityId: '11' };
    for (let i = 0; i < count; i++) ids.push((await enqueue('export-employee', `c${i}`, { fields, companyId: '1', name: `C ${i}` })).operation.id);
    await Promise.all(ids.map((id) => process(id)));
    return ids;
  }

  it('paces a bulk run through the HTTP client: each POST in the window as the vendor counts it, GETs free, each sent once', async () => {
    // A scripted Factorial: nobody there yet; every create answers a new employee. The arrival of each request is kept.
    const arrivals: { method: string; at: number }[] = [];
    const server = await fixtureServer((req) => {
      arrivals.push({ method: req.method, at: Date.now() });
      if (req.method === 'GET') return { body: { data: [], meta: { has_next_page: false } } };
      const body = JSON.parse(req.body);
      return { body: { data: { id: 7000 + arrivals.length, first_name: body.first_name, last_name: body.last_name, email: body.email, company_id: 1 } } };
    });
    try {
      registerHandler('export-employee', async (operation) => {
        peak = Math.max(peak, ++inFlight);
        try {
          // The hooks the stored connections get (lib/connections): the real client, paced.
          const hr = createFactorialHr({ apiKey: 'k', baseUrl: server.url }, pacedHooks('factorial'));
          const email = `${operation.subject}@example.com`;
          if (await hr.findEmployeeByEmail(email)) return { outcome: 'duplicate' };
          const created = await hr.createEmployee({ companyId: '1', firstName: 'C', lastName: String(operation.subject), email, legalEntityId: '11', startDate: '2026-12-01' });
          return { outcome: 'created', remoteId: created.id };
        } finally {
          inFlight -= 1;
        }
      });
      setPaceLimits('factorial', { perWindow: 5, windowMs: 300, maxInFlight: 3 });
      // 3 windows' worth and one more: the limit binds three times.
      const ids = await runAll(16);
      const operations = await db().operations.bulkGet(ids);
      expect(operations.every((op) => op?.state === 'done' && op.delivery.outcome === 'created')).toBe(true);
      const posts = arrivals.filter((a) => a.method === 'POST').map((a) => a.at);
      expect(posts).toHaveLength(16);
      expect(arrivals.filter((a) => a.method === 'GET')).toHaveLength(16);
      expect(peak).toBeLessThanOrEqual(3);
      // Factorial's sliding window, as the server saw the requests arrive: never more than 5 POSTs in 300 ms.
      for (const t of posts) expect(posts.filter((p) => p > t - 300 && p <= t).length).toBeLessThanOrEqual(5);
      expect(Math.max(...posts) - Math.min(...posts)).toBeGreaterThanOrEqual(3 * 300);
    } finally {
      await server.close();
    }
  });

  it('only writes wait for a place in the window: a GET or PUT is sent at once', async () => {
    setPaceLimits('factorial', { perWindow: 1, windowMs: 60_000, writeMethods: ['POST'] });
    const hooks = pacedHooks('factorial');
    const info = (method: string) => ({ vendor: 'Factorial' as const, method, path: 'x' });
    const first = await hooks.beforeSend!(info('POST'));
    first?.();
    expect(hooks.beforeSend!(info('GET'))).toBeUndefined();
    expect(hooks.beforeSend!(info('PUT'))).toBeUndefined();
    let second = false;
    void hooks.beforeSend!(info('POST'))!.then(() => (second = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(second).toBe(false);
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
    const op = (kind: 'export-employee' | 'sync-candidate') => ({ id: 'x', kind, state: 'queued' as const, subject: 's', payload: {}, attempts: 0, delivery: { sends: 0 }, createdAt: '', updatedAt: '' }) as OperationRecord;
    expect(await vendorOf(op('export-employee'))).toBe('factorial');
    expect(await vendorOf(op('sync-candidate'))).toBeUndefined();
    await db().connections.put({ slot: 'ats', provider: 'kombo', environment: 'eu', baseUrl: 'https://api.kombo.dev/v1', keyHint: '1234', secretId: 's', connectedAt: '', lastCheckAt: '', lastCheckOk: true });
    expect(await vendorOf(op('sync-candidate'))).toBe('kombo');
  });
});
