import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectorError, createKomboAts } from '@/lib/connectors';
import { KOMBO_DEFAULT_ACTIONS_IN_FLIGHT, readKomboLimits } from '@/lib/connectors/kombo/limits';
import '@/lib/connections/pacing'; // declares Kombo's limits, as the worker does when it loads the connections
import { DEFAULT_PACE_LIMITS, Pacer, pacedHooks, resetPacersForTests } from '@/lib/outbox/pacing';
import { fixtureServer, type Reply, type Seen } from './connectors/fixture-server';

/**
 * Kombo's limits as it sends them: `ratelimit-limit/remaining/reset` on every answer (no Retry-After promised) and
 * `Concurrency-Limit/Remaining` for actions, which vary per integration (lib/connectors/kombo/limits.ts).
 */

const headers = (h: Record<string, string>) => new Headers(h);

describe('reading Kombo’s limit headers', () => {
  it('reads the rate window and the actions in flight; reset as seconds from now, or as an epoch time', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(readKomboLimits(headers({ 'ratelimit-limit': '100', 'ratelimit-remaining': '7', 'ratelimit-reset': '12' }), now)).toEqual({
      rate: { limit: 100, remaining: 7, resetMs: 12_000 },
    });
    expect(readKomboLimits(headers({ 'ratelimit-reset': String(now / 1000 + 30) }), now)?.rate?.resetMs).toBe(30_000);
    expect(readKomboLimits(headers({ 'Concurrency-Limit': '5', 'Concurrency-Remaining': '0' }), now)).toEqual({ concurrency: { limit: 5, remaining: 0 } });
    expect(readKomboLimits(headers({ 'ratelimit-remaining': 'lots' }), now)).toBeUndefined();
    expect(readKomboLimits(headers({}), now)).toBeUndefined();
  });
});

describe('pacing by what Kombo’s headers say', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('a used-up window holds every request, reads included, until ratelimit-reset', async () => {
    const pacer = new Pacer(DEFAULT_PACE_LIMITS.kombo!);
    const first = await pacer.takeRequest();
    pacer.observe({ rate: { limit: 10, remaining: 0, resetMs: 5_000 } }, 200);
    first();
    let granted = false;
    void pacer.takeRequest().then(() => (granted = true));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(granted).toBe(false);
    expect(pacer.stats().requestsWaiting).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toBe(true);
  });

  it('what remains is shared with the requests already on their way: 2 left and 1 more in flight lets 1 go', async () => {
    const pacer = new Pacer(DEFAULT_PACE_LIMITS.kombo!);
    const a = await pacer.takeRequest();
    await pacer.takeRequest(); // b, still on its way
    pacer.observe({ rate: { remaining: 2, resetMs: 10_000 } }, 200); // a's answer
    a();
    const order: string[] = [];
    void pacer.takeRequest().then(() => order.push('c'));
    void pacer.takeRequest().then(() => order.push('d'));
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['c']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(order).toEqual(['c', 'd']);
  });

  it('a 429 with only ratelimit-reset (no Retry-After) holds the next request until the reset', async () => {
    const pacer = new Pacer(DEFAULT_PACE_LIMITS.kombo!);
    const refused = await pacer.takeRequest();
    pacer.observe({ rate: { resetMs: 3_000 } }, 429);
    refused();
    let granted = false;
    void pacer.takeRequest().then(() => (granted = true));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toBe(true);
  });

  it('writes (actions) in flight, and operations at once, follow Concurrency-Limit / Concurrency-Remaining, not a fixed 30', async () => {
    const pacer = new Pacer(DEFAULT_PACE_LIMITS.kombo!);
    expect(pacer.stats().maxInFlight).toBe(KOMBO_DEFAULT_ACTIONS_IN_FLIGHT);
    expect([pacer.limitsAction('POST'), pacer.limitsAction('GET')]).toEqual([true, false]);
    const releases = await Promise.all([pacer.acquireAction(), pacer.acquireAction()]);
    // This integration allows 4; 1 more is free (others elsewhere use the rest): 2 ours + 1.
    pacer.observe({ concurrency: { limit: 4, remaining: 1 } }, 200);
    expect(pacer.stats().maxInFlight).toBe(3);
    let started = 0;
    for (let i = 0; i < 3; i++) void pacer.acquireAction().then(() => (started += 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(1);
    // Refused (429, Remaining 0) while 3 of ours are in flight: the refused one was not admitted, 2 fit.
    pacer.observe({ concurrency: { limit: 4, remaining: 0 } }, 429);
    expect(pacer.stats().maxInFlight).toBe(2);
    releases[0]();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(1);
    // Everything free again: the integration's own limit, never more.
    pacer.observe({ concurrency: { limit: 4, remaining: 4 } }, 200);
    await vi.advanceTimersByTimeAsync(0);
    expect(pacer.stats().maxInFlight).toBe(4);
    expect(started).toBe(3);
    // Operations take their turns by the same number.
    const turns: number[] = [];
    for (let i = 0; i < 5; i++) void pacer.acquire().then(() => turns.push(i));
    await vi.advanceTimersByTimeAsync(0);
    expect(turns).toHaveLength(4);
  });
});

describe('a Kombo read answered 429 with only ratelimit-* headers', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
    resetPacersForTests();
  });

  /** A Kombo that refuses every request until its window resets, as it says in its headers (no Retry-After). */
  async function limitedKombo(resetSeconds: number) {
    const resetAt = Date.now() + resetSeconds * 1000;
    const server = await fixtureServer((_req: Seen): Reply => {
      const left = Math.ceil((resetAt - Date.now()) / 1000);
      if (left > 0) {
        return {
          status: 429,
          headers: { 'ratelimit-limit': '3', 'ratelimit-remaining': '0', 'ratelimit-reset': String(left) },
          body: { status: 'error', error: { code: 'PLATFORM.RATE_LIMIT_EXCEEDED', title: 'rate limit exceeded', message: 'Rate limit exceeded.', log_url: null } },
        };
      }
      return { headers: { 'ratelimit-limit': '3', 'ratelimit-remaining': '2', 'ratelimit-reset': '60' }, body: { status: 'success', data: { next: null, results: [] } } };
    });
    close = server.close;
    const kombo = createKomboAts({ apiKey: 'k', integrationId: 'greenhouse:abc', baseUrl: server.url }, pacedHooks('kombo'));
    return { kombo, server };
  }

  it('waits until the reset and asks once more, instead of two quick retries that fail', async () => {
    const { kombo, server } = await limitedKombo(2);
    await expect(kombo.listJobs({})).resolves.toEqual({ jobs: [], next: null });
    // One refusal, then the request that went through: none sent inside the closed window.
    expect(server.seen).toHaveLength(2);
  });

  it('a reset longer than a worker may wait is not waited in memory: the error says when to come back', async () => {
    const { kombo, server } = await limitedKombo(45);
    const error = await kombo.listJobs({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'rate-limited', transient: true });
    expect((error as ConnectorError).retryAfterMs).toBeGreaterThan(40_000);
    expect(server.seen).toHaveLength(1);
  });
});
