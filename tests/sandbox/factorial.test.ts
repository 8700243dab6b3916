import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_KEYS, startSandbox, type Sandbox } from '../../sandbox/server';
import { specValidator } from './spec';

const spec = specValidator('factorial/factorial-openapi-2024-10-01.json');
const SPEC_PREFIX = '/api/2024-10-01/resources/';
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

async function call(version: string, resource: string, init: RequestInit & { key?: string | null } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.key !== null) headers['x-api-key'] = init.key ?? SANDBOX_KEYS.factorial;
  const response = await fetch(`${sandbox.url}/factorial/api/${version}/resources/${resource}`, { ...init, headers });
  return { status: response.status, body: await response.json().catch(() => null), headers: response.headers };
}

describe('Factorial stand-in', () => {
  it('rejects a missing or wrong key with 401', async () => {
    expect((await call('2026-07-01', 'teams/teams', { key: null })).status).toBe(401);
    const wrong = await call('2026-07-01', 'teams/teams', { key: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toHaveProperty('message');
  });

  it('answers lists as {data, meta} whose items match the 2024-10-01 spec (integer ids)', async () => {
    for (const resource of ['companies/legal_entities', 'teams/teams', 'locations/locations', 'ats/job_postings', 'ats/candidates', 'ats/applications', 'ats/application_phases', 'ats/candidate_sources']) {
      const { status, body } = await call('2024-10-01', resource);
      expect(status, resource).toBe(200);
      expect(body.meta).toMatchObject({ has_next_page: expect.any(Boolean), total: expect.any(Number), limit: 100 });
      expect(body.data.length, resource).toBeGreaterThan(0);
      for (const item of body.data) {
        const result = spec.response(SPEC_PREFIX + resource, 'get', item, { items: true });
        expect(result.errors, resource).toBe('No errors');
      }
    }
    const employees = await call('2024-10-01', 'employees/employees?only_active=false&only_managers=false');
    for (const item of employees.body.data) expect(spec.response(SPEC_PREFIX + 'employees/employees', 'get', item, { items: true }).errors).toBe('No errors');
  });

  it('writes ids as strings from API version 2026-07-01 on', async () => {
    const old = await call('2024-10-01', 'locations/locations');
    const current = await call('2026-07-01', 'locations/locations');
    expect(typeof old.body.data[0].id).toBe('number');
    expect(typeof current.body.data[0].id).toBe('string');
    expect(typeof current.body.data[0].company_id).toBe('string');
    expect(current.body.data[0].id).toBe(String(old.body.data[0].id));
  });

  it('pages by ascending id with limit and after_id', async () => {
    const first = await call('2026-07-01', 'ats/job_postings?limit=5');
    expect(first.body.data).toHaveLength(5);
    expect(first.body.meta).toMatchObject({ has_next_page: true, end_cursor: first.body.data[4].id });
    const second = await call('2026-07-01', `ats/job_postings?limit=5&after_id=${first.body.meta.end_cursor}`);
    expect(Number(second.body.data[0].id)).toBeGreaterThan(Number(first.body.data[4].id));
    const all = await call('2026-07-01', 'ats/job_postings?limit=500');
    expect(all.body.meta.limit).toBe(100);
  });

  it('filters employees by Rails-style emails[] and requires the two booleans', async () => {
    expect((await call('2026-07-01', 'employees/employees?emails[]=marta.serrano@example.com')).status).toBe(400);
    const found = await call('2026-07-01', 'employees/employees?emails[]=MARTA.SERRANO@example.com&only_active=false&only_managers=false');
    expect(found.body.data.map((e: { email: string }) => e.email)).toEqual(['marta.serrano@example.com']);
  });

  it('creates an employee with create_with_contract, and refuses the same email twice', async () => {
    const body = { company_id: '1', first_name: 'Ana', last_name: 'Vidal', email: 'ana.vidal@example.com', legal_entity_id: '11', contract_starts_on: '2026-12-01' };
    expect(spec.request(SPEC_PREFIX + 'employees/employees/create_with_contract', 'post', { ...body, company_id: 1, legal_entity_id: 11 }).errors).toBe('No errors');
    const created = await call('2026-07-01', 'employees/employees/create_with_contract', { method: 'POST', body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ first_name: 'Ana', email: 'ana.vidal@example.com', id: expect.any(String) });
    const again = await call('2026-07-01', 'employees/employees/create_with_contract', { method: 'POST', body: JSON.stringify(body) });
    expect(again.status).toBe(422);
    const invalid = await call('2026-07-01', 'employees/employees/create_with_contract', { method: 'POST', body: JSON.stringify({ ...body, email: 'not-an-email' }) });
    expect(invalid.status).toBe(422);
    expect(JSON.stringify(invalid.body)).toContain('email');
  });

  it('creates ATS candidates and applications, one application per candidate and job', async () => {
    const candidate = await call('2026-07-01', 'ats/candidates', { method: 'POST', body: JSON.stringify({ first_name: 'Rui', last_name: 'Lopes', company_id: 1, email: 'rui@example.com' }) });
    expect(candidate.status).toBe(201);
    const application = { ats_job_posting_id: '201', ats_candidate_id: candidate.body.id, cover_letter: 'Hello' };
    expect((await call('2026-07-01', 'ats/applications', { method: 'POST', body: JSON.stringify(application) })).status).toBe(201);
    expect((await call('2026-07-01', 'ats/applications', { method: 'POST', body: JSON.stringify(application) })).status).toBe(422);
  });
});

describe('faults and control', () => {
  const fault = (body: object) => fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('injects 429 with Retry-After, 500, 401 and malformed bodies, each for the asked number of requests', async () => {
    await fault({ vendor: 'factorial', kind: 'rate-limit', retryAfterSeconds: 7 });
    const limited = await call('2026-07-01', 'teams/teams');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await call('2026-07-01', 'teams/teams')).status).toBe(200);

    await fault({ vendor: 'factorial', kind: 'server-error', times: 2 });
    expect((await call('2026-07-01', 'teams/teams')).status).toBe(500);
    expect((await call('2026-07-01', 'teams/teams')).status).toBe(500);
    expect((await call('2026-07-01', 'teams/teams')).status).toBe(200);

    await fault({ vendor: 'factorial', kind: 'unauthorized' });
    expect((await call('2026-07-01', 'teams/teams')).status).toBe(401);

    await fault({ vendor: 'factorial', kind: 'malformed' });
    const response = await fetch(`${sandbox.url}/factorial/api/2026-07-01/resources/teams/teams`, { headers: { 'x-api-key': SANDBOX_KEYS.factorial } });
    await expect(response.clone().json()).rejects.toThrow();
  });

  it('adds latency, and holds a timed-out request without answering', async () => {
    await fault({ vendor: 'factorial', kind: 'latency', ms: 300 });
    const started = Date.now();
    expect((await call('2026-07-01', 'teams/teams')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    await fault({ vendor: 'factorial', kind: 'timeout' });
    const aborted = await fetch(`${sandbox.url}/factorial/api/2026-07-01/resources/teams/teams`, { headers: { 'x-api-key': SANDBOX_KEYS.factorial }, signal: AbortSignal.timeout(500) }).catch((e: Error) => e.name);
    expect(aborted).toBe('TimeoutError');
  });

  it('enforces a per-minute rate limit with Retry-After', async () => {
    await fetch(`${sandbox.url}/__sandbox/rate-limit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'factorial', perMinute: 3 }) });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call('2026-07-01', 'teams/teams')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('logs vendor requests without keys', async () => {
    await call('2026-07-01', 'teams/teams');
    const log = await (await fetch(`${sandbox.url}/__sandbox/requests`)).json();
    expect(log.at(-1)).toMatchObject({ vendor: 'factorial', method: 'GET', status: 200 });
    expect(JSON.stringify(log)).not.toContain(SANDBOX_KEYS.factorial);
  });
});
