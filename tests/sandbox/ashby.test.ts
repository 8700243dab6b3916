import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ASHBY_IDS, ASHBY_SANDBOX_KEY } from '../../sandbox/ashby/api';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { specValidator } from './spec';

/** The Ashby stand-in against Ashby's own OpenAPI (tests/vendor/ashby/ashby-openapi.json): bodies both ways. */
const spec = specValidator('ashby/ashby-openapi.json');
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

async function rpc(endpoint: string, body: unknown = {}, opts: { key?: string | null; contentType?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'application/json', accept: 'application/json; version=1' };
  if (opts.key !== null) headers.authorization = basic(opts.key ?? ASHBY_SANDBOX_KEY);
  const response = await fetch(`${sandbox.url}/ashby/${endpoint}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: await response.json(), headers: response.headers };
}
const control = (path: string, body: unknown) =>
  fetch(`${sandbox.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());

/** A request body the spec accepts, sent, and its answer checked against the spec's response schema. */
async function valid(endpoint: string, body: Record<string, unknown> = {}) {
  expect(spec.request(`/${endpoint}`, 'post', body).errors).toBe('No errors');
  const answer = await rpc(endpoint, body);
  expect(answer.status).toBe(200);
  expect(spec.response(`/${endpoint}`, 'post', answer.body).errors).toBe('No errors');
  expect(answer.body.success).toBe(true);
  return answer.body;
}

describe('Ashby stand-in: authentication as developers.ashbyhq.com/docs/authentication says', () => {
  it('answers 401 without a key, 403 with a wrong one, and 403 missing_endpoint_permission without the module permission', async () => {
    const missing = await rpc('job.list', {}, { key: null });
    expect(missing.status).toBe(401);
    expect(missing.body.success).toBe(false);
    const wrong = await rpc('job.list', {}, { key: 'not-the-key' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.errorInfo.code).not.toBe('missing_endpoint_permission');
    // The error envelope is the spec's "Error response".
    expect(spec.response('/job.list', 'post', wrong.body).errors).toBe('No errors');

    await control('ashby/permissions', { revoke: ['offersRead'] });
    const offers = await rpc('offer.list', {});
    expect(offers.status).toBe(403);
    expect(offers.body).toMatchObject({ success: false, errorInfo: { code: 'missing_endpoint_permission' } });
    expect(offers.body.errorInfo.message).toContain('offersRead');
    // Other modules still answer.
    expect((await rpc('job.list', {})).status).toBe(200);
    const key = await valid('apiKey.info');
    expect(key.results.scopes).not.toContain('offers:read');
    expect(key.results.scopes).toContain('jobs:read');
  });
});

describe('Ashby stand-in: reads', () => {
  it('lists open, closed and archived jobs (drafts only when asked) with their location', async () => {
    const jobs = await valid('job.list', { expand: ['location'] });
    const statuses = jobs.results.map((j: { status: string }) => j.status);
    expect(new Set(statuses)).toEqual(new Set(['Open', 'Closed', 'Archived']));
    expect(jobs.results[0].location.address.postalAddress.addressCountry).toBe('France');
    const drafts = await valid('job.list', { status: ['Draft'] });
    expect(drafts.results.map((j: { title: string }) => j.title)).toEqual(['Head of Draft']);
  });

  it('pages by cursor while moreDataAvailable, and gives a syncToken after the last page that returns only later changes', async () => {
    const first = await valid('job.list', { limit: 2 });
    expect(first.results).toHaveLength(2);
    expect(first.moreDataAvailable).toBe(true);
    expect(first.syncToken).toBeUndefined();
    const second = await valid('job.list', { limit: 2, cursor: first.nextCursor });
    expect(second.results[0].id).not.toBe(first.results[0].id);
    expect(second.moreDataAvailable).toBe(false);
    expect(second.nextCursor).toBeUndefined();
    expect(typeof second.syncToken).toBe('string');

    expect((await valid('job.list', { syncToken: second.syncToken })).results).toHaveLength(0);
    await control('ashby/jobs', { id: ASHBY_IDS.designJob, status: 'Closed' });
    const changed = await valid('job.list', { syncToken: second.syncToken });
    expect(changed.results.map((j: { id: string; status: string }) => [j.id, j.status])).toEqual([[ASHBY_IDS.designJob, 'Closed']]);
  });

  it('refuses a body the spec does not allow with 200 and success false (invalid_input)', async () => {
    expect(spec.request('/job.list', 'post', { limit: 'ten' }).valid).toBe(false);
    const badLimit = await rpc('job.list', { limit: 'ten' });
    expect(badLimit.status).toBe(200);
    expect(badLimit.body).toMatchObject({ success: false, errorInfo: { code: 'invalid_input' } });
    expect((await rpc('job.list', { limit: 101 })).body.success).toBe(false);
    expect((await rpc('candidate.info', { id: 'not-a-uuid' })).body.errorInfo.code).toBe('invalid_input');
    expect((await rpc('application.create', { candidateId: ASHBY_IDS.amelie })).body.errorInfo.code).toBe('invalid_input');
    // JSON endpoints want a JSON content type.
    expect((await rpc('job.list', '{}', { contentType: 'text/plain' })).body.success).toBe(false);
  });

  it('finds candidates by email and id, with profileUrl on the web app host naming the same id', async () => {
    const found = await valid('candidate.search', { email: 'Lucas.Moreau@example.com' });
    expect(found.results).toHaveLength(1);
    expect(found.results[0].profileUrl).toBe(`https://app.ashbyhq.com/candidates/${ASHBY_IDS.lucas}`);
    const info = await valid('candidate.info', { id: ASHBY_IDS.lucas });
    expect(info.results.applicationIds).toEqual([ASHBY_IDS.lucasApplication]);
    const none = await rpc('candidate.info', { id: '00000000-0000-4000-8000-000000000000' });
    expect(none.body).toMatchObject({ success: false, errorInfo: { code: 'candidate_not_found' } });
  });

  it('lists hired applications and offers by application, with the accepted offer’s start date', async () => {
    const hired = await valid('application.list', { status: 'Hired' });
    expect(hired.results.map((a: { id: string }) => a.id).sort()).toEqual([ASHBY_IDS.lucasApplication, ASHBY_IDS.jonasApplication].sort());
    expect((await valid('application.info', { applicationId: ASHBY_IDS.amelieApplication })).results.currentInterviewStage.title).toBe('Phone Screen');
    const offers = await valid('offer.list', { applicationId: ASHBY_IDS.lucasApplication });
    expect(offers.results.map((o: { acceptanceStatus: string }) => o.acceptanceStatus).sort()).toEqual(['Accepted', 'Declined']);
    const accepted = await valid('offer.list', { acceptanceStatus: ['Accepted'] });
    expect(accepted.results.find((o: { applicationId: string }) => o.applicationId === ASHBY_IDS.lucasApplication).latestVersion.startDate).toBe('2026-12-01T00:00:00.000Z');
    const sources = await valid('source.list');
    expect(sources.results.map((s: { title: string }) => s.title)).toEqual(['Hirebridge', 'LinkedIn']);
  });
});

describe('Ashby stand-in: writes', () => {
  it('creates a candidate, an application with its source, a note, and takes the resume as multipart', async () => {
    const created = await valid('candidate.create', { name: 'Nora Quist', email: 'nora.quist@example.com', sourceId: ASHBY_IDS.hirebridgeSource, website: 'https://example.com/nora' });
    const candidateId = created.results.id;
    expect(created.results.socialLinks).toEqual([{ type: 'Website', url: 'https://example.com/nora' }]);
    const application = await valid('application.create', { candidateId, jobId: ASHBY_IDS.backendJob, sourceId: ASHBY_IDS.hirebridgeSource });
    expect(application.results).toMatchObject({ status: 'Lead', job: { id: ASHBY_IDS.backendJob }, source: { title: 'Hirebridge' } });
    await valid('candidate.createNote', { candidateId, note: { type: 'text/plain', value: 'Profile: https://example.com/nora' } });

    const form = new FormData();
    form.append('candidateId', candidateId);
    form.append('resume', new Blob([Buffer.from('%PDF-1.4 resume')], { type: 'application/pdf' }), 'Nora Quist.pdf');
    const upload = await fetch(`${sandbox.url}/ashby/candidate.uploadResume`, { method: 'POST', headers: { authorization: basic(ASHBY_SANDBOX_KEY) }, body: form }).then((r) => r.json());
    expect(spec.response('/candidate.uploadResume', 'post', upload).errors).toBe('No errors');
    expect(upload.results.resumeFileHandle.name).toBe('Nora Quist.pdf');
    // The resume under the wrong field is refused.
    const wrongField = new FormData();
    wrongField.append('candidateId', candidateId);
    wrongField.append('file', new Blob([Buffer.from('%PDF-1.4')], { type: 'application/pdf' }), 'x.pdf');
    const refused = await fetch(`${sandbox.url}/ashby/candidate.uploadResume`, { method: 'POST', headers: { authorization: basic(ASHBY_SANDBOX_KEY) }, body: wrongField }).then((r) => r.json());
    expect(refused).toMatchObject({ success: false, errorInfo: { code: 'invalid_input' } });

    const state = (await fetch(`${sandbox.url}/__sandbox/state`).then((r) => r.json())).ashby;
    expect(state.applications.filter((a: { candidateId: string }) => a.candidateId === candidateId)).toHaveLength(1);
    expect(state.candidates.find((c: { id: string }) => c.id === candidateId).resume).toMatchObject({ name: 'Nora Quist.pdf', pdf: true });
    expect(state.notes).toHaveLength(1);
  });

  it('answers the common faults in its own envelope: 429 rate_limit_exceeded, 5xx', async () => {
    await control('faults', { vendor: 'ashby', kind: 'rate-limit', times: 1 });
    const limited = await rpc('job.list', {});
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ success: false, errorInfo: { code: 'rate_limit_exceeded' } });
    await control('faults', { vendor: 'ashby', kind: 'server-error', times: 1 });
    expect((await rpc('job.list', {})).status).toBe(500);
  });
});
