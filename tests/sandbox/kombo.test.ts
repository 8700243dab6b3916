import { KomboAtsErrorCode } from '@kombo-api/sdk/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_KEYS, startSandbox, type Sandbox } from '../../sandbox/server';
import { specValidator } from './spec';

const spec = specValidator('kombo/kombo-openapi.json');
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

async function call(path: string, init: RequestInit & { key?: string; integration?: string | null } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${init.key ?? SANDBOX_KEYS.kombo}` };
  if (init.integration !== null) headers['x-integration-id'] = init.integration ?? SANDBOX_KEYS.komboIntegrationId;
  const response = await fetch(`${sandbox.url}/kombo/v1${path}`, { ...init, headers });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const control = (path: string, body: unknown) =>
  fetch(`${sandbox.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());

const expectSpec = (path: string, method: string, body: unknown) => expect(spec.response(path, method, body).errors).toBe('No errors');

describe('Kombo stand-in', () => {
  it('checks the key, with the error envelope on failure', async () => {
    const ok = await call('/check-api-key', { integration: null });
    expect(ok.status).toBe(200);
    expectSpec('/check-api-key', 'get', ok.body);
    const bad = await call('/check-api-key', { key: 'wrong' });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ status: 'error', error: { code: 'PLATFORM.AUTHENTICATION_INVALID' } });
    const noIntegration = await call('/ats/jobs', { integration: 'lever:unknown' });
    expect(noIntegration.body.error.code).toBe('PLATFORM.INTEGRATION_NOT_FOUND');
  });

  it('lists jobs, candidates and applications exactly as the spec describes', async () => {
    const jobs = await call('/ats/jobs?include_deleted=true');
    expectSpec('/ats/jobs', 'get', jobs.body);
    expect(jobs.body.data.results.some((j: { remote_deleted_at: string | null }) => j.remote_deleted_at)).toBe(true);
    const candidates = await call('/ats/candidates');
    expectSpec('/ats/candidates', 'get', candidates.body);
    const applications = await call('/ats/applications?outcomes=HIRED');
    expectSpec('/ats/applications', 'get', applications.body);
    expect(applications.body.data.results.length).toBeGreaterThanOrEqual(4);
    expect(applications.body.data.results.every((a: { outcome: string }) => a.outcome === 'HIRED')).toBe(true);
  });

  it('pages with an opaque cursor that must come back with the same filters', async () => {
    const first = await call('/ats/jobs?page_size=5&include_deleted=true');
    expect(first.body.data.results).toHaveLength(5);
    const next = first.body.data.next as string;
    const second = await call(`/ats/jobs?page_size=5&include_deleted=true&cursor=${encodeURIComponent(next)}`);
    expect(second.body.data.results[0].id).not.toBe(first.body.data.results[0].id);
    const mismatched = await call(`/ats/jobs?page_size=5&cursor=${encodeURIComponent(next)}`);
    expect(mismatched.body.error.code).toBe('PLATFORM.INPUT_INVALID');
    expect((await call('/ats/jobs?page_size=251')).body.error.code).toBe('PLATFORM.INPUT_INVALID');
  });

  it('hides deleted jobs unless asked, and answers an unchanged updated_after with nothing', async () => {
    const all = await call('/ats/jobs?include_deleted=true&page_size=250');
    const visible = await call('/ats/jobs?page_size=250');
    expect(all.body.data.results.length).toBe(visible.body.data.results.length + 1);
    const since = new Date().toISOString();
    const none = await call(`/ats/jobs?include_deleted=true&updated_after=${encodeURIComponent(since)}`);
    expect(none.body.data).toEqual({ next: null, results: [] });
    await fetch(`${sandbox.url}/__sandbox/jobs/mutate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'kombo', close: ['KJ000001'] }) });
    const changed = await call(`/ats/jobs?include_deleted=true&updated_after=${encodeURIComponent(since)}`);
    expect(changed.body.data.results.map((j: { id: string; status: string }) => [j.id, j.status])).toEqual([['KJ000001', 'CLOSED']]);
  });

  it('finds a candidate by remote id or email, with applications and their outcome', async () => {
    const byRemote = await call('/ats/candidates?remote_ids=40112233');
    expect(byRemote.body.data.results).toHaveLength(1);
    expect(byRemote.body.data.results[0].applications[0]).toMatchObject({ outcome: 'HIRED', current_stage: { name: 'Hired' } });
    const byEmail = await call('/ats/candidates?email=MARTA.SERRANO@example.com');
    expect(byEmail.body.data.results[0].remote_id).toBe('40112233');
  });

  it('creates a candidate and application with a CV, and applies rules on duplicates and closed jobs', async () => {
    const body = {
      candidate: { first_name: 'Ana', last_name: 'Vidal', email_address: 'ana.vidal@example.com', phone_number: '+34 600 000 000' },
      attachments: [{ name: 'Ana Vidal - Hirebridge profile.pdf', type: 'CV', content_type: 'application/pdf', data: Buffer.from('%PDF-1.4 test').toString('base64') }],
      source: { name: 'Hirebridge' },
      screening_question_answers: [{ question_id: 'KJ000001-Q1', answer: true }],
    };
    expect(spec.request('/ats/jobs/{job_id}/applications', 'post', body).errors).toBe('No errors');
    const created = await call('/ats/jobs/KJ000001/applications', { method: 'POST', body: JSON.stringify(body) });
    expect(created.status).toBe(200);
    expectSpec('/ats/jobs/{job_id}/applications', 'post', created.body);
    const again = await call('/ats/jobs/KJ000001/applications', { method: 'POST', body: JSON.stringify(body) });
    expect(again.body.error.code).toBe('ATS.APPLICATION_ALREADY_EXISTS');
    const secondJob = await call('/ats/jobs/remote:4400002/applications', { method: 'POST', body: JSON.stringify(body) });
    expect(secondJob.status).toBe(200);
    expect(secondJob.body.data.candidate_id).toBe(created.body.data.candidate_id);
    const closed = await call('/ats/jobs/KJ000013/applications', { method: 'POST', body: JSON.stringify(body) });
    expect(closed.body.error.code).toBe('ATS.JOB_CLOSED');
    const invalid = await call('/ats/jobs/KJ000001/applications', { method: 'POST', body: JSON.stringify({ candidate: { first_name: 'X' } }) });
    expect(invalid.body.error).toMatchObject({ code: 'PLATFORM.INPUT_INVALID', message: expect.stringContaining('candidate.') });
    const state = await (await fetch(`${sandbox.url}/__sandbox/state`)).json();
    expect(state.kombo.attachments).toHaveLength(2);
  });

  it('lists offers with their start dates; hired applications name their offers', async () => {
    const applications = await call('/ats/applications?outcomes=HIRED');
    const lucas = applications.body.data.results.find((a: { candidate: { remote_id: string } }) => a.candidate.remote_id === '40112234');
    expect(lucas.offers.map((o: { status: string }) => o.status)).toEqual(['DECLINED', 'ACCEPTED']);
    const ids = lucas.offers.map((o: { id: string }) => o.id).join(',');
    const offers = await call(`/ats/offers?ids=${ids}`);
    expectSpec('/ats/offers', 'get', offers.body);
    expect(offers.body.data.results.map((o: { status: string; employment_start_date: string }) => [o.status, o.employment_start_date])).toEqual([
      ['DECLINED', '2026-11-16T00:00:00.000Z'],
      ['ACCEPTED', '2026-12-01T00:00:00.000Z'],
    ]);
    expect(offers.body.data.results[1].application).toMatchObject({ candidate: { remote_id: '40112234' }, job: { name: 'Product Manager' } });
    // Aisha's accepted offer has no start date; Sofia was hired without an offer.
    const all = await call('/ats/offers?page_size=250');
    const byCandidate = (remoteId: string) => all.body.data.results.filter((o: { application: { candidate: { remote_id: string } } }) => o.application.candidate.remote_id === remoteId);
    expect(byCandidate('40112235').map((o: { status: string; employment_start_date: null }) => [o.status, o.employment_start_date])).toEqual([['ACCEPTED', null]]);
    expect(byCandidate('40112236')).toEqual([]);
  });

  it('reports a FILE answer back as UNKNOWN, as Kombo does', async () => {
    const body = {
      candidate: { first_name: 'Ana', last_name: 'Vidal', email_address: 'ana.vidal@example.com' },
      screening_question_answers: [{ question_id: 'KJ000001-Q7', answer: { name: 'p.pdf', content_type: 'application/pdf', data: 'JVBERg==' } }],
    };
    const created = await call('/ats/jobs/KJ000001/applications', { method: 'POST', body: JSON.stringify(body) });
    expectSpec('/ats/jobs/{job_id}/applications', 'post', created.body);
    expect(created.body.data.screening_question_answers[0].question).toMatchObject({ title: 'Portfolio', type: 'UNKNOWN' });
  });

  it('"Only Sync Created Applications": ATS-created candidates are invisible until their application is imported', async () => {
    const control = (path: string, body?: unknown) =>
      fetch(`${sandbox.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    await control('kombo/tracking', { syncOnlyCreated: true, importsWaitForSync: true });
    expect((await call('/ats/candidates?remote_ids=40112234')).body.data.results).toEqual([]);
    expect((await call('/ats/applications?outcomes=HIRED')).body.data.results).toEqual([]);
    expect((await call('/ats/offers')).body.data.results).toEqual([]);

    const request = { tracked_at: '2026-11-20T10:00:00.000Z', greenhouse: { id_type: 'application_id', application_id: '90001003' } };
    expect(spec.request('/ats/import-tracked-application', 'post', request).errors).toBe('No errors');
    const imported = await call('/ats/import-tracked-application', { method: 'POST', body: JSON.stringify(request) });
    expect(imported.status).toBe(200);
    expectSpec('/ats/import-tracked-application', 'post', imported.body);
    expect(imported.body.data).toMatchObject({ tracked_at: '2026-11-20T10:00:00.000Z', imported_id: { greenhouse: { application_id: '90001003' } } });
    // Kombo fetches an imported application with its next sync.
    expect((await call('/ats/candidates?remote_ids=40112234')).body.data.results).toEqual([]);
    await control('kombo/sync');
    const lucas = (await call('/ats/candidates?remote_ids=40112234')).body.data.results;
    expect(lucas).toHaveLength(1);
    expect((await call('/ats/applications?outcomes=HIRED')).body.data.results.map((a: { id: string }) => a.id)).toEqual([lucas[0].applications[0].id]);

    // What Kombo refuses: an application Greenhouse does not have, another tool's ids, a body without tracked_at.
    const missing = await call('/ats/import-tracked-application', { method: 'POST', body: JSON.stringify({ ...request, greenhouse: { id_type: 'application_id', application_id: '1' } }) });
    expect([missing.status, missing.body.error.code]).toEqual([400, 'REMOTE.INPUT_INVALID']);
    expect(missing.body.error.message).toContain('Greenhouse');
    const otherTool = await call('/ats/import-tracked-application', { method: 'POST', body: JSON.stringify({ tracked_at: null, recruitee: { id_type: 'placement_id', placement_id: '1' } }) });
    expect(otherTool.body.error.code).toBe('PLATFORM.INPUT_INVALID');
    const noDate = await call('/ats/import-tracked-application', { method: 'POST', body: JSON.stringify({ greenhouse: request.greenhouse }) });
    expect(noDate.body.error).toMatchObject({ code: 'PLATFORM.INPUT_INVALID', message: expect.stringContaining('tracked_at') });

    // Applications created through Kombo are tracked whatever the setting.
    const created = await call('/ats/jobs/KJ000001/applications', {
      method: 'POST',
      body: JSON.stringify({ candidate: { first_name: 'Ana', last_name: 'Vidal', email_address: 'ana.vidal@example.com' } }),
    });
    expect((await call(`/ats/candidates?ids=${created.body.data.candidate_id}`)).body.data.results).toHaveLength(1);
  });

  it('answers rate limits and server faults with Kombo codes', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'kombo', kind: 'rate-limit', retryAfterSeconds: 3 }) });
    const limited = await call('/ats/jobs');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.body.error.code).toBe('PLATFORM.RATE_LIMIT_EXCEEDED');
  });

  it('header-only rate limits, as Kombo sends them: ratelimit-* on every answer, a 429 with no Retry-After', async () => {
    await control('rate-limit', { vendor: 'kombo', perMinute: 2, windowMs: 60_000, headers: true });
    const first = await call('/ats/jobs');
    expectSpec('/ats/jobs', 'get', first.body);
    expect([first.headers.get('ratelimit-limit'), first.headers.get('ratelimit-remaining')]).toEqual(['2', '1']);
    expect((await call('/ats/jobs')).headers.get('ratelimit-remaining')).toBe('0');
    const refused = await call('/ats/jobs');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(Number(refused.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(Object.values(KomboAtsErrorCode)).toContain(refused.body.error.code);
    // The one-off fault says so the same way.
    await control('rate-limit', { vendor: 'kombo', perMinute: null });
    await control('faults', { vendor: 'kombo', kind: 'rate-limit', retryAfterSeconds: 4, headersOnly: true });
    const once = await call('/ats/candidates');
    expect([once.status, once.headers.get('retry-after'), once.headers.get('ratelimit-remaining'), once.headers.get('ratelimit-reset')]).toEqual([429, null, '0', '4']);
  });

  it('a concurrency limit on actions: Concurrency-Limit/Remaining on each, a 429 CONCURRENCY_LIMIT_EXCEEDED beyond', async () => {
    await control('kombo/concurrency', { limit: 1 });
    await control('faults', { vendor: 'kombo', kind: 'latency', ms: 300, method: 'POST', times: 1 });
    const candidate = (await call('/ats/candidates?page_size=1')).body.data.results[0].id as string;
    const tag = () => call(`/ats/candidates/${candidate}/tags`, { method: 'POST', body: JSON.stringify({ tag: { name: 'Hirebridge' } }) });
    const slow = tag();
    // The slow one is in flight when the next arrives.
    await expect.poll(async () => (await (await fetch(`${sandbox.url}/__sandbox/in-flight`)).json()).length).toBe(1);
    const refused = await tag();
    const admitted = await slow;
    expect(admitted.status).toBe(200);
    expect([admitted.headers.get('concurrency-limit'), admitted.headers.get('concurrency-remaining')]).toEqual(['1', '0']);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('PLATFORM.CONCURRENCY_LIMIT_EXCEEDED');
    expect(Object.values(KomboAtsErrorCode)).toContain(refused.body.error.code);
    expect(refused.headers.get('concurrency-remaining')).toBe('0');
    // Reads are not actions: never refused for concurrency, no concurrency headers.
    const read = await call('/ats/jobs');
    expect([read.status, read.headers.get('concurrency-limit')]).toEqual([200, null]);
  });

  it('the 14-day purge: a job marked deleted vanishes from every listing, deleted ones included', async () => {
    const before = await call('/ats/jobs?include_deleted=true&page_size=250');
    const id = before.body.data.results.find((j: { remote_deleted_at: string | null }) => !j.remote_deleted_at).id as string;
    await control('jobs/mutate', { vendor: 'kombo', delete: [id] });
    expect((await call('/ats/jobs?include_deleted=true&page_size=250')).body.data.results.some((j: { id: string }) => j.id === id)).toBe(true);
    const purged = await control('kombo/purge', {});
    expect(purged.purged).toBeGreaterThanOrEqual(1);
    const after = await call('/ats/jobs?include_deleted=true&page_size=250');
    expectSpec('/ats/jobs', 'get', after.body);
    expect(after.body.data.results.some((j: { id: string; remote_deleted_at: string | null }) => j.id === id || j.remote_deleted_at)).toBe(false);
  });
});
