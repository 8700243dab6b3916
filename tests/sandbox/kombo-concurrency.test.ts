import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createKomboAts } from '@/lib/connectors';
import { db, resetDbForTests } from '@/lib/db';
import { enqueue, process, registerHandler } from '@/lib/outbox/outbox';
import '@/lib/connections/pacing'; // declares Kombo's limits, as the worker does when it loads the connections
import { pacedHooks, pacerFor, resetPacersForTests } from '@/lib/outbox/pacing';
// The kind this test queues, as Export to FactorialHR defines it (the payload schema it is read with).
import '@/lib/export/operation';
import { SANDBOX_KEYS, startSandbox, type Sandbox } from '../../sandbox/server';

/**
 * Kombo's concurrency limit varies per integration and is said in `Concurrency-Limit` / `Concurrency-Remaining`
 * (docs.kombo.dev concurrency-limiting guide): operations sent through the outbox follow what the headers say, not
 * the documented 30. Counted at the sandbox: what Kombo refused, and that every write happened exactly once.
 */

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  await resetDbForTests();
  fakeBrowser.reset();
  resetPacersForTests();
});

const control = (path: string, body: unknown) =>
  fetch(`${sandbox.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());

type Logged = { method: string; path: string; status: number; t: number };

describe('Kombo actions in flight, by its headers', () => {
  it('an integration allowing 2: once its answers say so, Kombo refuses nothing more; each candidate created once', async () => {
    await control('kombo/concurrency', { limit: 2 });
    await control('faults', { vendor: 'kombo', kind: 'latency', ms: 150, method: 'POST', times: 0 });
    const before = (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as { kombo: { jobs: { id: string; status: string; remote_deleted_at: string | null }[] } };
    const job = before.kombo.jobs.find((j) => j.status === 'OPEN' && !j.remote_deleted_at)!.id;
    // Any operation kind will do: this one's handler writes to Kombo, and says so.
    registerHandler(
      'export-employee',
      async (operation) => {
        const kombo = createKomboAts({ apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId, baseUrl: `${sandbox.url}/kombo/v1` }, pacedHooks('kombo'));
        const email = `${operation.subject}@example.com`;
        await kombo.createApplication({ jobId: job, existingCandidateId: null, candidate: { firstName: 'Pace', lastName: String(operation.subject), email }, answers: [], sourceName: 'Hirebridge' });
        return { outcome: 'created', remoteId: String(operation.subject) };
      },
      { vendor: 'kombo' },
    );
    const ids: string[] = [];
    const fields = { firstName: 'Pace', lastName: 'Test', email: 'p@example.com', startDate: '2026-12-01', legalEntityId: '11' };
    for (let i = 0; i < 8; i++) ids.push((await enqueue('export-employee', `pace-${i}`, { fields, companyId: '1', name: `P ${i}` })).operation.id);
    await Promise.all(ids.map((id) => process(id)));
    await vi.waitFor(async () => expect((await db().operations.bulkGet(ids)).every((op) => op?.state === 'done')).toBe(true), { timeout: 20_000, interval: 100 });

    const state = (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as {
      kombo: { candidates: { email_addresses: { email_address: string }[] }[]; applications: unknown[] };
    };
    const created = state.kombo.candidates.flatMap((c) => c.email_addresses.map((e) => e.email_address)).filter((e) => e.startsWith('pace-'));
    expect(created.sort()).toEqual(ids.map((_, i) => `pace-${i}@example.com`).sort());
    // Refused only in the first burst, sent before any answer said the limit: each op at most once, and no retry
    // refused again (with the documented 30 the retries would collide and be refused anew).
    const operations = await db().operations.bulkGet(ids);
    const refused = ((await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as Logged[]).filter((r) => r.method === 'POST' && r.status === 429);
    expect(operations.every((op) => op!.attempts <= 2)).toBe(true);
    expect(refused).toHaveLength(operations.filter((op) => op!.attempts === 2).length);
    const { maxInFlight } = pacerFor('kombo').stats();
    expect(maxInFlight).toBeGreaterThanOrEqual(1);
    expect(maxInFlight).toBeLessThanOrEqual(2);
  }, 30_000);
});
