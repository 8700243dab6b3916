import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { workable } from '../../sandbox/workable/api';

/**
 * The Workable stand-in against the vendor's own reference (tests/vendor/workable/spi-v3-excerpt.json): every answer
 * has the keys and value types of the vendor's example for that operation, every request body the tests send is
 * first checked against the reference's field table, and refusals come in Workable's envelope.
 */
const excerpt = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'vendor', 'workable', 'spi-v3-excerpt.json'), 'utf8'));
const op = (name: string) => excerpt.operations[name];
/** A list's example without `paging`: the reference sends it "in case there are more results than the provided limit". */
const onePage = (name: string) => {
  const { paging: _paging, ...rest } = op(name).example;
  return rest;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validBody = (operation: string, body: unknown) => {
  const check = ajv.compile(op(operation).requestSchema);
  return check(body) ? 'valid' : ajv.errorsText(check.errors);
};

/**
 * Where `actual` differs from the vendor's example: a key the example has and the answer lacks, or a value of another
 * JSON type (null stands for "empty" in v3 — "Empty string values are now returned as null" — so a null on either
 * side matches any type). Arrays are compared by their first items.
 */
function differences(actual: unknown, example: unknown, at = '$'): string[] {
  if (example === null || actual === null) return [];
  if (Array.isArray(example)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array`];
    return example.length && actual.length ? differences(actual[0], example[0], `${at}[0]`) : [];
  }
  if (typeof example === 'object') {
    if (typeof actual !== 'object' || Array.isArray(actual)) return [`${at}: expected an object`];
    return Object.entries(example as Record<string, unknown>).flatMap(([key, value]) =>
      key in (actual as object) ? differences((actual as Record<string, unknown>)[key], value, `${at}.${key}`) : [`${at}.${key}: missing`],
    );
  }
  return typeof actual === typeof example ? [] : [`${at}: ${typeof actual} instead of ${typeof example}`];
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

const TOKEN = workable.keys['API access token'];
async function call(path: string, init: { method?: string; body?: unknown; token?: string; host?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${init.token ?? TOKEN}` };
  if (init.host) headers['x-sandbox-host'] = init.host;
  const response = await fetch(`${sandbox.url}/workable/spi/v3${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}
const control = (path: string, body: unknown) => fetch(`${sandbox.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
const state = async () => (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()).workable;

const PDF = Buffer.from('%PDF-1.4\n% a profile\n%%EOF\n').toString('base64');
const newCandidate = (extra: Record<string, unknown> = {}) => ({
  sourced: true,
  candidate: { firstname: 'Mia', lastname: 'Keller', email: 'mia.keller@example.com', tags: ['Hirebridge'], resume: { name: 'Mia Keller.pdf', data: PDF }, ...extra },
});

describe('Workable stand-in: auth the vendor’s way', () => {
  it('takes the account’s bearer token on its own subdomain; anything else gets the documented 401', async () => {
    expect((await call('/jobs', { host: 'hirebridge-demo.workable.com' })).status).toBe(200);
    for (const refused of [await call('/jobs', { token: 'not-the-token' }), await call('/jobs', { host: 'another-company.workable.com' })]) {
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual(excerpt.errors['401']);
    }
  });

  it('refuses an operation whose scope the token lacks, and only that one', async () => {
    await control('workable/scopes', { scopes: ['r_jobs', 'w_candidates'] });
    expect((await call('/jobs')).status).toBe(200);
    const refused = await call('/candidates');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: 'Not authorized' });
    expect((await call('/candidates/3c1d0a01')).status).toBe(403);
  });
});

describe('Workable stand-in: answers shaped as the reference’s examples', () => {
  it('jobs: every example key, all four states, locations, and the documented paging', async () => {
    const all = await call('/jobs');
    expect(differences(all.body, onePage('GET /jobs'))).toEqual([]);
    expect(all.body.paging).toBeUndefined();
    expect(new Set(all.body.jobs.map((j: { state: string }) => j.state))).toEqual(new Set(['draft', 'published', 'closed', 'archived']));
    expect(all.body.jobs.every((j: { location: { country_code: string } }) => /^[A-Z]{2}$/.test(j.location.country_code))).toBe(true);

    const first = await call('/jobs?limit=2');
    expect(first.body.jobs).toHaveLength(2);
    expect(differences(first.body, op('GET /jobs').example)).toEqual([]);
    const next = new URL(first.body.paging.next);
    expect(next.pathname).toBe('/spi/v3/jobs');
    const since = next.searchParams.get('since_id')!;
    const second = await call(`/jobs?limit=2&since_id=${since}`);
    expect(second.body.jobs[0].id).toBe(since);
    expect(second.body.jobs[0].id).toBe(all.body.jobs[2].id);
    expect((await call('/jobs?state=published')).body.jobs.every((j: { state: string }) => j.state === 'published')).toBe(true);
  });

  it('jobs: updated_after in both documented forms (basic ISO 8601 and Unix time); a timestamp it cannot read is refused', async () => {
    expect((await call('/jobs?updated_after=20260701T000000Z')).body.jobs).toEqual([]);
    await control('workable/jobs/HB0002', { state: 'closed' });
    const since = Math.floor(Date.now() / 1000) - 60;
    const changed = await call(`/jobs?updated_after=${since}`);
    expect(changed.body.jobs.map((j: { shortcode: string; state: string }) => [j.shortcode, j.state])).toEqual([['HB0002', 'closed']]);
    const bad = await call('/jobs?updated_after=yesterday');
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body)).toEqual(['error', 'validation_errors']);
  });

  it('stages, members and a job’s questions', async () => {
    expect(differences((await call('/stages')).body, op('GET /stages').example)).toEqual([]);
    expect(differences((await call('/members?role=admin')).body, op('GET /members').example)).toEqual([]);
    expect(differences((await call('/jobs/HB0001/questions')).body, op('GET /jobs/:shortcode/questions').example)).toEqual([]);
    expect((await call('/jobs/NOPE/questions')).body).toEqual(excerpt.errors['404']);
  });

  it('candidates: the collection’s basic record, filters by email and stage slug; the record; the offer', async () => {
    const rows = await call('/candidates');
    expect(differences(rows.body, onePage('GET /candidates'))).toEqual([]);
    expect(differences((await call('/candidates?limit=1')).body, op('GET /candidates').example)).toEqual([]);
    // What's new in v3: the collection has no phone, tags or answers.
    expect(rows.body.candidates[0]).not.toHaveProperty('phone');
    const amira = await call('/candidates?email=AMIRA.HADDAD@example.com');
    expect(amira.body.candidates.map((c: { job: { shortcode: string } }) => c.job.shortcode)).toEqual(['HB0002', 'HB0001']);
    const hired = await call('/candidates?stage=hired');
    expect(hired.body.candidates.every((c: { stage: string }) => c.stage === 'Hired')).toBe(true);
    expect(hired.body.candidates.map((c: { email: string }) => c.email)).toContain('lucas.moreau@example.com');

    const lucas = hired.body.candidates.find((c: { email: string }) => c.email === 'lucas.moreau@example.com');
    // The web app's id ends profile_url; it is not the API's id.
    expect(lucas.profile_url).toMatch(/\/backend\/jobs\/\d+\/candidates\/\d+$/);
    expect(lucas.profile_url.endsWith(`/${lucas.id}`)).toBe(false);
    const record = await call(`/candidates/${lucas.id}`);
    expect(differences(record.body, op('GET /candidates/:id').example)).toEqual([]);
    const offer = await call(`/candidates/${lucas.id}/offer`);
    expect(differences(offer.body, op('GET /candidates/:id/offer').example)).toEqual([]);
    expect(offer.body.document_variables.find((v: { document_variable: { slug: string } }) => v.document_variable.slug === 'start_date').value.body).toBe('2027-01-11');
    const sofia = (await call('/candidates?email=sofia.rossi@example.com')).body.candidates[0];
    expect((await call(`/candidates/${sofia.id}/offer`)).body).toEqual(excerpt.errors['404']);
  });
});

describe('Workable stand-in: writes as the reference describes them', () => {
  it('creates a sourced candidate on a job from a body the reference’s field table accepts, with its resume', async () => {
    const body = newCandidate({ answers: [{ question_key: '2128d717', body: 'The product' }, { question_key: '1d3f348f', checked: true }] });
    expect(validBody('POST /jobs/:shortcode/candidates', body)).toBe('valid');
    const created = await call('/jobs/HB0001/candidates', { method: 'POST', body });
    expect(created.status).toBe(201);
    expect(differences(created.body, op('POST /jobs/:shortcode/candidates').responses['201'])).toEqual([]);
    expect(created.body.candidate).toMatchObject({ stage: 'Sourced', sourced: true, tags: ['Hirebridge'], job: { shortcode: 'HB0001' } });
    const kept = (await state()).candidates.find((c: { id: string }) => c.id === created.body.candidate.id);
    expect(kept.resume).toMatchObject({ name: 'Mia Keller.pdf', pdf: true });
    expect(kept.answers.map((a: { answer: unknown }) => a.answer)).toEqual([{ body: 'The product' }, { checked: true }]);
  });

  it('refuses the same email on the same job with the documented 422; another job takes it', async () => {
    await call('/jobs/HB0001/candidates', { method: 'POST', body: newCandidate() });
    const again = await call('/jobs/HB0001/candidates', { method: 'POST', body: newCandidate() });
    expect(again.status).toBe(422);
    expect(again.body).toEqual(op('POST /jobs/:shortcode/candidates').responses['422']);
    expect((await call('/jobs/HB0002/candidates', { method: 'POST', body: newCandidate() })).status).toBe(201);
  });

  it('refuses bodies the field table does not allow, naming the field, in Workable’s envelope', async () => {
    const cases = [
      newCandidate({ email: undefined }),
      { sourced: true, candidate: { email: 'x@example.com' } },
      newCandidate({ resume: { name: 'cv.pdf', data: 'not base64 at all!' } }),
      newCandidate({ answers: [{ body: 'no key' }] }),
    ];
    const fields = [];
    for (const body of cases) {
      const refused = await call('/jobs/HB0001/candidates', { method: 'POST', body });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatch(/^Validation failed: /);
      fields.push(Object.keys(refused.body.validation_errors)[0]);
    }
    expect(fields).toEqual(['email', 'name', 'resume', 'answers.0.question_key']);
    // The first three are refused by the reference's own field table too (the resume's content is the stand-in's check).
    expect(validBody('POST /jobs/:shortcode/candidates', cases[0])).not.toBe('valid');
    expect(validBody('POST /jobs/:shortcode/candidates', cases[1])).not.toBe('valid');
    expect(validBody('POST /jobs/:shortcode/candidates', cases[3])).not.toBe('valid');
  });

  it('copies a candidate to another job (member_id and target_job_shortcode required), and replaces tags', async () => {
    const jonas = (await call('/candidates?email=jonas.weber@example.com')).body.candidates[0];
    const body = { member_id: '13e0eb0e', target_job_shortcode: 'HB0001', target_stage: 'sourced' };
    expect(validBody('POST /candidates/:id/copy', body)).toBe('valid');
    const copied = await call(`/candidates/${jonas.id}/copy`, { method: 'POST', body });
    expect(copied.status).toBe(201);
    expect(differences(copied.body, op('POST /candidates/:id/copy').responses['201'])).toEqual([]);
    const copy = (await call(`/candidates/${copied.body.candidate.id}`)).body.candidate;
    expect(copy).toMatchObject({ email: 'jonas.weber@example.com', job: { shortcode: 'HB0001' }, stage: 'Sourced', originating_candidate_id: jonas.id });
    expect((await call(`/candidates/${jonas.id}/copy`, { method: 'POST', body: { target_job_shortcode: 'HB0002' } })).body.validation_errors).toHaveProperty('member_id');

    const tags = await call(`/candidates/${copy.id}/tags`, { method: 'PUT', body: { tags: ['Hirebridge'] } });
    expect(tags.status).toBe(202);
    expect(tags.body).toEqual({ tags: ['Hirebridge'] });
  });
});

describe('Workable stand-in: limits and faults in the vendor’s words', () => {
  it('says its window in X-Rate-Limit-* on every answer and refuses with a 429 past it, reset as a timestamp', async () => {
    await control('rate-limit', { vendor: 'workable', perMinute: 2, windowMs: 10_000, headers: true });
    const first = await call('/stages');
    expect(first.headers.get('x-rate-limit-limit')).toBe('2');
    expect(first.headers.get('x-rate-limit-remaining')).toBe('1');
    await call('/stages');
    const refused = await call('/stages');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-rate-limit-remaining')).toBe('0');
    const reset = Number(refused.headers.get('x-rate-limit-reset'));
    expect(reset * 1000).toBeGreaterThan(Date.now());
    expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 11_000);
  });

  it('answers a server fault in its envelope', async () => {
    await control('faults', { vendor: 'workable', kind: 'server-error', times: 1 });
    const failed = await call('/jobs');
    expect(failed.status).toBe(500);
    expect(Object.keys(failed.body)).toEqual(['error']);
  });
});
