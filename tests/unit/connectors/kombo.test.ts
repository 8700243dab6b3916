import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, createKomboAts, komboToolFromIntegrationId, resolveKomboBaseUrl } from '@/lib/connectors';
import { classifyKomboError } from '@/lib/connectors/kombo/errors';
import { fixtureServer, type Reply, type Seen } from './fixture-server';

const KEY = 'sekret-KEY-kombo-999';
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function komboWith(answer: (req: Seen) => Reply) {
  const server = await fixtureServer(answer);
  close = server.close;
  return { kombo: createKomboAts({ apiKey: KEY, integrationId: 'greenhouse:abc123', baseUrl: server.url }), server };
}

const success = (data: unknown) => ({ body: { status: 'success', data } });
const error = (status: number, code: string, message = 'nope') => ({ status, body: { status: 'error', error: { code, title: 'x', message, log_url: null } } });
const job = (id: string, extra: Record<string, unknown> = {}) => ({
  id, remote_id: `r${id}`, name: `Job ${id}`, status: 'OPEN', location: { city: 'Berlin', country: 'DE' }, changed_at: '2026-11-01T00:00:00.000Z',
  remote_deleted_at: null, screening_questions: [], ...extra,
});

describe('Kombo quirks', () => {
  it('reads the tool from the integration id, and the base URLs per region', () => {
    expect(komboToolFromIntegrationId('Greenhouse:8d1h')).toBe('greenhouse');
    expect(resolveKomboBaseUrl('eu')).toBe('https://api.kombo.dev/v1');
    expect(resolveKomboBaseUrl('us')).toBe('https://api.us.kombo.dev/v1');
    expect(resolveKomboBaseUrl('custom', 'https://proxy.example.com/kombo/v1/')).toBe('https://proxy.example.com/kombo/v1');
  });

  it('maps error codes to kinds, retrying only rate/concurrency limits, service unavailable and 503', () => {
    const kind = (status: number, code: string) => {
      const e = classifyKomboError(status, { code, message: 'm' });
      return e && [e.code, e.transient];
    };
    expect(kind(429, 'PLATFORM.RATE_LIMIT_EXCEEDED')).toEqual(['rate-limited', true]);
    expect(kind(429, 'PLATFORM.CONCURRENCY_LIMIT_EXCEEDED')).toEqual(['rate-limited', true]);
    expect(kind(503, 'REMOTE.SERVICE_UNAVAILABLE')).toEqual(['server', true]);
    expect(kind(400, 'PLATFORM.INPUT_INVALID')).toEqual(['invalid-request', false]);
    expect(kind(409, 'ATS.APPLICATION_ALREADY_EXISTS')).toEqual(['conflict', false]);
    expect(kind(400, 'ATS.JOB_CLOSED')).toEqual(['invalid-request', false]);
    expect(kind(502, 'REMOTE.UNKNOWN_HTTP_ERROR')).toEqual(['server', false]);
    expect(kind(503, 'REMOTE.UNKNOWN_HTTP_ERROR')).toEqual(['server', true]);
    expect(kind(500, 'PLATFORM.UNKNOWN_ERROR')).toEqual(['server', false]);
    expect(kind(401, 'PLATFORM.AUTHENTICATION_INVALID')).toEqual(['auth', false]);
  });
});

describe('Kombo connector', () => {
  it('verifies the key and the integration, sending both headers', async () => {
    const { kombo, server } = await komboWith((req) => (req.path === '/check-api-key' ? success({ environment_id: 'e', customer_id: 'c' }) : success({ next: null, results: [] })));
    await expect(kombo.verify()).resolves.toEqual({ tool: 'greenhouse' });
    expect(server.seen.map((r) => r.path)).toEqual(['/check-api-key', '/ats/jobs']);
    expect(server.seen[1].headers).toMatchObject({ authorization: `Bearer ${KEY}`, 'x-integration-id': 'greenhouse:abc123' });
  });

  it('pulls jobs incrementally, including deleted ones, passing the cursor back', async () => {
    const { kombo, server } = await komboWith((req) => {
      const q = new URLSearchParams(req.query);
      return q.get('cursor') ? success({ next: null, results: [job('2', { remote_deleted_at: '2026-11-02T00:00:00Z' })] }) : success({ next: 'CUR1', results: [job('1')] });
    });
    const first = await kombo.listJobs({ updatedAfter: '2026-11-01T00:00:00.000Z', pageSize: 100 });
    expect(first).toMatchObject({ next: 'CUR1', jobs: [{ id: '1', status: 'open', country: 'DE', deleted: false }] });
    const second = await kombo.listJobs({ cursor: first.next, updatedAfter: '2026-11-01T00:00:00.000Z', pageSize: 100 });
    expect(second.jobs[0]).toMatchObject({ id: '2', deleted: true });
    const q = new URLSearchParams(server.seen[1].query);
    expect(Object.fromEntries(q)).toEqual({ cursor: 'CUR1', page_size: '100', updated_after: '2026-11-01T00:00:00.000Z', include_deleted: 'true' });
  });

  it('finds a candidate by the remote id the ATS page shows, and reads HIRED as hired', async () => {
    const { kombo, server } = await komboWith(() =>
      success({
        next: null,
        results: [
          {
            id: 'KC1', remote_id: '40112233', first_name: 'Marta', last_name: 'Serrano',
            email_addresses: [{ email_address: 'marta@x.io', type: 'PERSONAL' }], phone_numbers: [{ phone_number: '+34 600', type: null }],
            applications: [{ id: 'KA1', outcome: 'HIRED', current_stage: { id: 's', name: 'Hired' }, job: { id: 'KJ1', remote_id: 'r1', name: 'Backend' } }],
          },
        ],
      }),
    );
    const found = await kombo.findCandidateByRemoteId('40112233');
    expect(found).toMatchObject({ id: 'KC1', email: 'marta@x.io', phone: '+34 600', applications: [{ id: 'KA1', jobName: 'Backend', stageName: 'Hired', hired: true }] });
    expect(new URLSearchParams(server.seen[0].query).get('remote_ids')).toBe('40112233');
  });

  it('lists hired applications with outcomes=HIRED', async () => {
    const { kombo, server } = await komboWith(() =>
      success({ next: null, results: [{ id: 'KA1', outcome: 'HIRED', job_id: 'KJ1', candidate: { id: 'KC1', remote_id: '1', first_name: 'A', last_name: 'B', email_addresses: [] }, job: { id: 'KJ1', remote_id: '1', name: 'Backend' }, current_stage: null }] }),
    );
    const page = await kombo.listHiredApplications({});
    expect(page.items).toMatchObject([{ applicationId: 'KA1', jobName: 'Backend', candidate: { id: 'KC1' } }]);
    expect(new URLSearchParams(server.seen[0].query).get('outcomes')).toBe('HIRED');
  });

  it('does not retry a read on a plain 500, but does on 429 and 503', async () => {
    let calls = 0;
    const failing = await komboWith(() => (calls++, error(500, 'PLATFORM.UNKNOWN_ERROR')));
    await expect(failing.kombo.listJobs({})).rejects.toMatchObject({ code: 'server', transient: false });
    expect(calls).toBe(1);
    await close!();
    calls = 0;
    const flaky = await komboWith(() => (++calls === 1 ? { ...error(429, 'PLATFORM.RATE_LIMIT_EXCEEDED'), headers: { 'retry-after': '0' } } : success({ next: null, results: [] })));
    await expect(flaky.kombo.listJobs({})).resolves.toEqual({ jobs: [], next: null });
    expect(calls).toBe(2);
  });

  it('keeps the key out of every error, whatever went wrong', async () => {
    const answers: Reply[] = [
      error(401, 'PLATFORM.AUTHENTICATION_INVALID', `key ${KEY} invalid`),
      error(403, 'INTEGRATION.PERMISSION_MISSING', KEY),
      error(400, 'PLATFORM.INPUT_INVALID', `Bearer ${KEY}`),
      { raw: `not json ${KEY}` },
      { body: { status: 'success', data: { next: null, results: [{ id: 1 }] } } },
    ];
    for (const answer of answers) {
      const { kombo } = await komboWith(() => answer);
      const e = (await kombo.listJobs({}).catch((x) => x)) as ConnectorError;
      expect(e).toBeInstanceOf(ConnectorError);
      await close!();
      close = undefined;
      if (answer.status === 401) expect(e.message).toBe('The API key was rejected by Kombo. Make sure it was copied completely and has not expired.');
      // Vendor messages are shown, so a vendor echoing the key would leak it: it must be scrubbed.
      expect(`${e.message} ${JSON.stringify(e.toJSON())}`).not.toContain(KEY);
    }
  });
});
