import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SANDBOX_KEYS, startSandbox, type Sandbox } from '../../sandbox/server';
import { specValidator } from './spec';

const spec = specValidator('factorial/factorial-openapi-2024-10-01.json');
const SPEC_PREFIX = '/api/2024-10-01/resources/';
// The version the connector speaks: Factorial's official 2026-07-01 spec (the excerpt Hirebridge uses).
const spec2026 = specValidator('factorial/oas-2026-07-01-excerpt/openapi.json');
const V = '2026-07-01';
const P2026 = `/api/${V}/resources/`;
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

  it('answers every list of the 2026-07-01 spec as {data, meta} that validates whole against that spec', async () => {
    const lists = ['companies/legal_entities', 'teams/teams', 'locations/locations', 'ats/job_postings', 'ats/candidates', 'ats/applications', 'ats/application_phases', 'ats/candidate_sources', 'contracts/contract_versions', 'api_public/credentials'];
    for (const resource of [...lists, 'employees/employees?only_active=false&only_managers=false']) {
      const { status, body } = await call(V, resource);
      expect(status, resource).toBe(200);
      expect(body.data.length, resource).toBeGreaterThan(0);
      expect(spec2026.response(P2026 + resource.split('?')[0], 'get', body).errors, resource).toBe('No errors');
    }
  });

  it('pages by opaque cursors: after_id is the previous end_cursor, never an id, and an unknown cursor is refused', async () => {
    const first = await call(V, 'ats/job_postings?limit=5');
    expect(first.body.data).toHaveLength(5);
    const cursor = first.body.meta.end_cursor as string;
    expect(first.body.meta.has_next_page).toBe(true);
    expect(cursor).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(cursor).not.toBe(first.body.data[4].id);
    const second = await call(V, `ats/job_postings?limit=5&after_id=${encodeURIComponent(cursor)}`);
    expect(Number(second.body.data[0].id)).toBeGreaterThan(Number(first.body.data[4].id));
    // What the connector used to send: the last item's id. The live API answers that with "Invalid cursor".
    const byId = await call(V, `ats/job_postings?limit=5&after_id=${first.body.data[4].id}`);
    expect(byId.status).toBe(400);
    expect(byId.body.message).toBe('Invalid cursor');
    // A well-formed base64 cursor this server never handed out is refused too.
    expect((await call(V, `ats/job_postings?limit=5&after_id=${encodeURIComponent(btoa('99999'))}`)).status).toBe(400);
    const all = await call(V, 'ats/job_postings?limit=500');
    expect(all.body.meta.limit).toBe(100);
  });

  it('a company with hundreds of teams and locations: every page follows from end_cursor until has_next_page is false', async () => {
    await fetch(`${sandbox.url}/__sandbox/factorial/org`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ teams: 250, locations: 180 }) });
    for (const [resource, expected, last] of [['teams/teams', 253, 'Team 0250'], ['locations/locations', 184, 'Office 0180']] as const) {
      const names: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      for (;;) {
        const { status, body } = await call(V, `${resource}${cursor ? `?after_id=${encodeURIComponent(cursor)}` : ''}`);
        expect(status, resource).toBe(200);
        expect(spec2026.response(P2026 + resource, 'get', body).errors).toBe('No errors');
        pages += 1;
        names.push(...body.data.map((row: { name: string }) => row.name));
        if (!body.meta.has_next_page) break;
        cursor = body.meta.end_cursor;
      }
      expect(pages, resource).toBe(Math.ceil(expected / 100));
      expect(names, resource).toHaveLength(expected);
      expect(new Set(names).size, resource).toBe(expected);
      expect(names.at(-1)).toBe(last);
    }
  });

  it('filters employees by Rails-style emails[] and requires the two booleans', async () => {
    expect((await call('2026-07-01', 'employees/employees?emails[]=marta.serrano@example.com')).status).toBe(400);
    const found = await call('2026-07-01', 'employees/employees?emails[]=MARTA.SERRANO@example.com&only_active=false&only_managers=false');
    expect(found.body.data.map((e: { email: string }) => e.email)).toEqual(['marta.serrano@example.com']);
  });

  it('creates an employee with create_with_contract, and refuses the same email twice', async () => {
    const body = { company_id: '1', first_name: 'Ana', last_name: 'Vidal', email: 'ana.vidal@example.com', legal_entity_id: '11', contract_starts_on: '2026-12-01' };
    expect(spec.request(SPEC_PREFIX + 'employees/employees/create_with_contract', 'post', { ...body, company_id: 1, legal_entity_id: 11 }).errors).toBe('No errors');
    expect(spec2026.request(P2026 + 'employees/employees/create_with_contract', 'post', body).errors).toBe('No errors');
    const created = await call('2026-07-01', 'employees/employees/create_with_contract', { method: 'POST', body: JSON.stringify(body) });
    // Both specs answer create_with_contract with 200 (not 201).
    expect(created.status).toBe(200);
    expect(spec2026.response(P2026 + 'employees/employees/create_with_contract', 'post', created.body).errors).toBe('No errors');
    expect(created.body).toMatchObject({ first_name: 'Ana', email: 'ana.vidal@example.com', id: expect.any(String) });
    const again = await call('2026-07-01', 'employees/employees/create_with_contract', { method: 'POST', body: JSON.stringify(body) });
    expect(again.status).toBe(422);
    const invalid = await call('2026-07-01', 'employees/employees/create_with_contract', { method: 'POST', body: JSON.stringify({ ...body, email: 'not-an-email' }) });
    expect(invalid.status).toBe(422);
    expect(JSON.stringify(invalid.body)).toContain('email');
  });

  it('creates the employee with a contract version whose job title is written with PUT contracts/contract_versions/{id}', async () => {
    const created = await call(V, 'employees/employees/create_with_contract', { method: 'POST', body: JSON.stringify({ company_id: '1', first_name: 'Ana', last_name: 'Vidal', email: 'ana.vidal@example.com', contract_starts_on: '2026-12-01' }) });
    const versions = await call(V, `contracts/contract_versions?employee_ids[]=${created.body.id}`);
    expect(spec2026.response(P2026 + 'contracts/contract_versions', 'get', versions.body).errors).toBe('No errors');
    expect(versions.body.data).toEqual([expect.objectContaining({ employee_id: created.body.id, effective_on: '2026-12-01' })]);
    expect(versions.body.data[0]).not.toHaveProperty('job_title');
    const id = versions.body.data[0].id;
    const update = { id, job_title: 'Product Manager' };
    expect(spec2026.request(P2026 + 'contracts/contract_versions/{id}', 'put', update).errors).toBe('No errors');
    const put = await call(V, `contracts/contract_versions/${id}`, { method: 'PUT', body: JSON.stringify(update) });
    expect(put.status).toBe(200);
    expect(spec2026.response(P2026 + 'contracts/contract_versions/{id}', 'put', put.body).errors).toBe('No errors');
    expect((await call(V, `contracts/contract_versions/${id}`)).body.job_title).toBe('Product Manager');
    expect((await call(V, `contracts/contract_versions/${id}`, { method: 'PUT', body: JSON.stringify({ id: '1', job_title: 'x' }) })).status).toBe(422);
    expect((await call(V, 'contracts/contract_versions/424242', { method: 'PUT', body: JSON.stringify({ id: '424242', job_title: 'x' }) })).status).toBe(404);
  });

  it('custom fields: fields, options and values as the 2026-07-01 spec has them; a value of the wrong type is refused with 422', async () => {
    const added = await fetch(`${sandbox.url}/__sandbox/factorial/custom-fields`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Badge photo taken on', field_type: 'date', required: true, legal_entity_id: 12 }),
    }).then((r) => r.json());
    const fields = await call(V, 'custom_fields/fields');
    expect(spec2026.response(P2026 + 'custom_fields/fields', 'get', fields.body).errors).toBe('No errors');
    expect(fields.body.data).toContainEqual(expect.objectContaining({ id: added.id, field_type: 'date', label_text: 'Badge photo taken on', required: true, legal_entity_id: '12', legal_entity_name: 'Hirebridge Demo GmbH' }));
    const options = await call(V, 'custom_fields/options?field_ids[]=501');
    expect(spec2026.response(P2026 + 'custom_fields/options', 'get', options.body).errors).toBe('No errors');
    expect(options.body.data.map((o: { value: string }) => o.value)).toEqual(['S', 'M', 'L']);

    const employee = (await call(V, 'employees/employees/create_with_contract', { method: 'POST', body: JSON.stringify({ company_id: '1', first_name: 'Ana', last_name: 'Vidal', email: 'ana.vidal@example.com' }) })).body.id;
    const value = { field_id: added.id, valuable_type: 'Employee', valuable_id: employee, value: '2027-01-04' };
    expect(spec2026.request(P2026 + 'custom_fields/values', 'post', value).errors).toBe('No errors');
    const created = await call(V, 'custom_fields/values', { method: 'POST', body: JSON.stringify(value) });
    expect(created.status).toBe(201);
    expect(spec2026.response(P2026 + 'custom_fields/values', 'post', created.body).errors).toBe('No errors');
    const values = await call(V, `custom_fields/values?employee_ids[]=${employee}`);
    expect(spec2026.response(P2026 + 'custom_fields/values', 'get', values.body).errors).toBe('No errors');
    expect(values.body.data).toEqual([expect.objectContaining({ field_id: added.id, valuable_id: employee, value: '2027-01-04' })]);

    const wrong = await call(V, 'custom_fields/values', { method: 'POST', body: JSON.stringify({ field_id: '501', valuable_type: 'Employee', valuable_id: employee, value: 'XXL' }) });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toContain('not one of the options');
    expect((await call(V, 'custom_fields/values', { method: 'POST', body: JSON.stringify({ ...value, value: '04/01/2027' }) })).status).toBe(422);
    expect((await call(V, 'custom_fields/values', { method: 'POST', body: JSON.stringify({ ...value, field_id: '999999' }) })).status).toBe(422);
  });

  it('filters applications by phase, and shows the read-only cv from 2026-07-01 only', async () => {
    const phases = await call(V, 'ats/application_phases');
    const hired = phases.body.data.filter((p: { phase_type: string }) => p.phase_type === 'hired').map((p: { id: string }) => p.id);
    const lucia = await call(V, `ats/applications?ats_application_phase_id=${hired[0]}`);
    expect(lucia.body.data.map((a: { ats_candidate_id: string }) => a.ats_candidate_id)).toEqual(['401']);
    expect(lucia.body.data[0].cv).toMatchObject({ filename: 'Lucia-Fernandez-CV.pdf', url: expect.stringMatching(/^https:/), content_type: 'application/pdf' });
    expect(spec2026.response(P2026 + 'ats/applications', 'get', lucia.body).errors).toBe('No errors');
    const old = await call('2024-10-01', 'ats/applications?ats_application_phase_id=' + hired[0]);
    expect(old.body.data[0]).not.toHaveProperty('cv');
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

  it('can limit POSTs only, in a shorter window (the time-scaled minute of the bench)', async () => {
    await fetch(`${sandbox.url}/__sandbox/rate-limit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'factorial', perMinute: 2, windowMs: 400, methods: ['POST'] }) });
    const post = () => call('2026-07-01', 'teams/teams', { method: 'POST', body: JSON.stringify({ name: 'x', company_id: 1 }) });
    const first = [(await post()).status, (await post()).status];
    const third = await post();
    // GETs are outside the limit; a POST is counted again once the oldest left the window.
    const gets = [];
    for (let i = 0; i < 4; i++) gets.push((await call('2026-07-01', 'teams/teams')).status);
    expect(first.every((s) => s !== 429)).toBe(true);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('1');
    expect(gets).toEqual([200, 200, 200, 200]);
    await new Promise((r) => setTimeout(r, 450));
    expect((await post()).status).not.toBe(429);
  });

  it('logs vendor requests without keys', async () => {
    await call('2026-07-01', 'teams/teams');
    const log = await (await fetch(`${sandbox.url}/__sandbox/requests`)).json();
    expect(log.at(-1)).toMatchObject({ vendor: 'factorial', method: 'GET', status: 200 });
    expect(JSON.stringify(log)).not.toContain(SANDBOX_KEYS.factorial);
  });
});

describe('Factorial behaviours from its docs and SDK, as switchable faults', () => {
  const fault = (body: object) => fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const sdk = (name: string) => readFileSync(resolve(import.meta.dirname, '..', 'vendor', 'factorial', 'sdk', name), 'utf8');

  it('wrong-environment: every read answers empty (still valid against the spec), a record or a write is not found, until cleared', async () => {
    await fault({ vendor: 'factorial', kind: 'wrong-environment', times: 0 });
    for (const resource of ['api_public/credentials', 'companies/legal_entities', 'teams/teams', 'ats/job_postings', 'employees/employees?only_active=false&only_managers=false']) {
      const { status, body } = await call(V, resource);
      expect(status, resource).toBe(200);
      expect(body.data, resource).toEqual([]);
      expect(spec2026.response(P2026 + resource.split('?')[0], 'get', body).errors, resource).toBe('No errors');
    }
    expect((await call(V, 'ats/job_postings/1')).status).toBe(404);
    const create = await call(V, 'employees/employees/create_with_contract', { method: 'POST', body: JSON.stringify({ company_id: '1', first_name: 'A', last_name: 'B', email: 'a@example.com' }) });
    expect(create.status).toBe(404);
    const state = await (await fetch(`${sandbox.url}/__sandbox/state`)).json();
    expect(state.factorial.employees.some((e: { email: string }) => e.email === 'a@example.com')).toBe(false);
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    expect((await call(V, 'api_public/credentials')).body.data).toHaveLength(1);
  });

  it('error-shape: each body Factorial uses, with the asked status; detail is the SDK fixture’s shape', async () => {
    const expected: Record<string, unknown> = {
      errors: { errors: ['Nope'] },
      'errors-objects': { errors: [{ code: 'validation_failed', message: 'Nope', field: null }] },
      'errors-nested': { errors: { errors: ['Nope'] } },
      error: { error: 'Nope' },
      message: { message: 'Nope' },
      detail: { detail: 'Nope' },
    };
    for (const [shape, body] of Object.entries(expected)) {
      await fault({ vendor: 'factorial', kind: 'error-shape', shape, message: 'Nope', method: 'POST', pathIncludes: 'create_with_contract' });
      // A read is untouched: the fault waits for the write it names.
      expect((await call(V, 'teams/teams')).status).toBe(200);
      const answer = await call(V, 'employees/employees/create_with_contract', { method: 'POST', body: JSON.stringify({ company_id: '1', first_name: 'A', last_name: 'B', email: `${shape}@example.com` }) });
      expect(answer.status, shape).toBe(422);
      expect(answer.body, shape).toEqual(body);
    }
    // The shapes named are the SDK's: its 422 fixture is `{ detail }`, its 500 `{ errors: ["boom"] }`, 2027-01-01's ErrorResponse has code/message/field.
    expect(sdk('client.test.ts.excerpt.txt')).toContain('jsonResponse(422, { detail })');
    expect(sdk('client.test.ts.excerpt.txt')).toContain('jsonResponse(500, { errors: ["boom"] })');
    for (const field of ['code: ErrorResponseErrorsItemCode', 'message: str', 'field: None | str', '"validation_failed"']) expect(sdk('error_response.2027-01-01.py.txt')).toContain(field);
    await fault({ vendor: 'factorial', kind: 'error-shape', shape: 'message', status: 403, message: 'Forbidden here' });
    expect(await call(V, 'teams/teams')).toMatchObject({ status: 403, body: { message: 'Forbidden here' } });
    const state = await (await fetch(`${sandbox.url}/__sandbox/state`)).json();
    // What the vendor holds afterwards: none of the refused creates made an employee.
    const emails = Object.keys(expected).map((shape) => `${shape}@example.com`);
    expect(state.factorial.employees.filter((e: { email: string }) => emails.includes(e.email))).toEqual([]);
  });

  it('a job posting set to deleted is listed with that status from 2026-07-01 (valid against its spec), and not at all by 2024-10-01', async () => {
    const before = await call(V, 'ats/job_postings');
    const id = before.body.data[0].id as string;
    const set = await fetch(`${sandbox.url}/__sandbox/factorial/job-postings/${id}/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'deleted' }) });
    expect(set.status).toBe(200);
    const after = await call(V, 'ats/job_postings');
    expect(after.body.data.find((p: { id: string }) => p.id === id).status).toBe('deleted');
    expect(spec2026.response(P2026 + 'ats/job_postings', 'get', after.body).errors).toBe('No errors');
    const old = await call('2024-10-01', 'ats/job_postings');
    expect(old.body.data.map((p: { id: number }) => String(p.id))).not.toContain(id);
    // The SDK's generated enum has the same statuses the sandbox accepts.
    const statuses = [...sdk('ats_job_posting_status.py.txt').matchAll(/= "([a-z_]+)"/g)].map((m) => m[1]).sort();
    expect(statuses).toEqual(['archived', 'cancelled', 'deleted', 'draft', 'published', 'unlisted']);
    expect((await fetch(`${sandbox.url}/__sandbox/factorial/job-postings/${id}/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'gone' }) })).status).toBe(400);
  });

  it('contract_versions: no job catalog filter means any node (as the SDK sends it); a node filter narrows', async () => {
    const all = await call(V, 'contracts/contract_versions?employee_ids[]=101');
    expect(all.body.data.length).toBeGreaterThan(0);
    const narrowed = await call(V, 'contracts/contract_versions?employee_ids[]=101&job_catalog_tree_node_uuids[]=jobcatalog_treelevel-14');
    expect(narrowed.body.data).toEqual([]);
  });
});
