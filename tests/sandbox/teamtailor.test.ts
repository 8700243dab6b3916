import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { TEAMTAILOR_SANDBOX_KEY } from '../../sandbox/teamtailor/api';

/**
 * The Teamtailor stand-in against Teamtailor's own docs (tests/vendor/teamtailor/teamtailor-api-excerpts.json, from the
 * docs' example bodies and its Ruby client's tests): the request bodies the docs show are taken, the answers carry the
 * documented attributes (and none the docs do not name), errors come in the documented envelope.
 */
const docs = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'vendor', 'teamtailor', 'teamtailor-api-excerpts.json'), 'utf8'));

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

async function call(path: string, init: RequestInit & { key?: string; version?: string | null; body?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Token token=${init.key ?? TEAMTAILOR_SANDBOX_KEY}`, 'content-type': 'application/vnd.api+json' };
  if (init.version !== null) headers['x-api-version'] = init.version ?? docs.versioning.current;
  const response = await fetch(`${sandbox.url}/teamtailor/v1${path}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}
const send = (path: string, method: string, body: unknown) => call(path, { method, body: JSON.stringify(body) });

type Doc = { attributes: Record<string, unknown>; relationships?: Record<string, unknown> };
/** Every attribute the stand-in writes is one the docs name for that resource. */
const expectDocumented = (resource: Doc, example: { attributes: Record<string, unknown> }, extra: string[] = []) =>
  expect(Object.keys(resource.attributes).filter((k) => !(k in example.attributes) && !extra.includes(k))).toEqual([]);

describe('Teamtailor stand-in, against the docs', () => {
  it('asks for the Token header and a dated X-Api-Version: a wrong key is a bare 401, a missing version the documented 406', async () => {
    const wrongKey = await call('/jobs', { key: 'abc123abc123' });
    expect([wrongKey.status, wrongKey.text]).toEqual([docs.errors['401'].status, docs.errors['401'].body]);
    const noVersion = await call('/jobs', { version: null });
    expect(noVersion.status).toBe(406);
    expect(noVersion.body).toEqual(docs.errors['406'].body);
    const ok = await call('/jobs');
    expect(ok.headers.get('x-api-version')).toBe(docs.versioning.current);
    expect(ok.headers.get('content-type')).toContain('application/vnd.api+json');
  });

  it('pages lists with page[number]/page[size] (max 30), links and meta as the Pagination section shows', async () => {
    const first = await call('/jobs?filter%5Bstatus%5D=all&page%5Bsize%5D=2');
    expect(Object.keys(first.body.meta).sort()).toEqual([...docs.pagination.meta].sort());
    expect(first.body.meta).toEqual({ 'record-count': 5, 'page-count': 3 });
    expect(Object.keys(first.body.links).every((k) => docs.pagination.links.includes(k))).toBe(true);
    expect(new URL(first.body.links.next).searchParams.get('page[number]')).toBe('2');
    const last = await call(`/jobs?filter%5Bstatus%5D=all&page%5Bsize%5D=2&page%5Bnumber%5D=3`);
    expect(last.body.links.next).toBeUndefined();
    expect(last.body.links.prev).toBeDefined();
    const capped = await call('/jobs?filter%5Bstatus%5D=all&page%5Bsize%5D=500');
    expect(new URL(capped.body.links.first).searchParams.get('page[size]')).toBe('30');
    // Default: published jobs only (docs: filter[status] default `published`).
    expect((await call('/jobs')).body.data.map((j: Doc) => j.attributes['human-status'])).toEqual(['published', 'published']);
  });

  it('answers jobs, locations, questions and picked questions with the documented attributes and statuses', async () => {
    const jobs = await call('/jobs?filter%5Bstatus%5D=all&include=locations,picked-questions,picked-questions.question');
    for (const job of jobs.body.data) {
      expectDocumented(job, docs.jobs.example);
      expect(docs.jobs.statusValues).toContain(job.attributes.status);
      expect(docs.jobs.humanStatusValues).toContain(job.attributes['human-status']);
      expect(Object.keys(job.relationships).every((r) => docs.jobs.relations.includes(r))).toBe(true);
    }
    const byType = (type: string) => jobs.body.included.filter((r: { type: string }) => r.type === type);
    for (const location of byType('locations')) expectDocumented(location, docs.locations.example);
    for (const question of byType('questions')) {
      expectDocumented(question, docs.questions.example);
      expect(docs.questions.questionTypes).toContain(question.attributes['question-type']);
    }
    for (const picked of byType('picked-questions')) expectDocumented(picked, docs.pickedQuestions.example);
    expect(jobs.body.data[0].relationships['picked-questions'].data).toHaveLength(4);
  });

  it('answers candidates and job applications with the documented attributes; filters by email and stage type', async () => {
    const candidates = await call('/candidates?filter%5Bemail%5D=lucas.moreau@example.com&include=job-applications,job-applications.stage');
    expect(candidates.body.data).toHaveLength(1);
    expectDocumented(candidates.body.data[0], docs.candidates.example);
    const included = candidates.body.included as (Doc & { type: string })[];
    for (const application of included.filter((r) => r.type === 'job-applications')) expectDocumented(application, docs.jobApplications.example);
    for (const stage of included.filter((r) => r.type === 'stages')) {
      expectDocumented(stage, docs.stages.example);
      expect(docs.stages.stageTypes).toContain(stage.attributes['stage-type']);
    }
    for (const stageType of docs.stages.stageTypes) expect((await call(`/job-applications?filter%5Bstage-type%5D=${encodeURIComponent(stageType)}`)).status).toBe(200);
    const hired = await call('/job-applications?filter%5Bstage-type%5D=Hired');
    expect(hired.body.data.map((a: { id: string }) => a.id)).toEqual(['88001']);
  });

  it('takes the docs’ own create bodies: a candidate (resume by URL, merge), a job application, an answer', async () => {
    const candidate = await send('/candidates', 'POST', docs.candidates.createRequest);
    expect(candidate.status).toBe(201);
    expectDocumented(candidate.body.data, docs.candidates.example);
    expect(candidate.body.data.attributes).toMatchObject({ email: 'jonas@example.com', resume: 'https://www.example.com/path-to-resume.docx' });
    const id = candidate.body.data.id;

    const applicationBody = structuredClone(docs.jobApplications.createRequest);
    applicationBody.data.relationships.candidate.data.id = id;
    applicationBody.data.relationships.job.data.id = '7301';
    const application = await send('/job-applications', 'POST', applicationBody);
    expect(application.status).toBe(201);
    expectDocumented(application.body.data, docs.jobApplications.example);
    expect(application.body.data.attributes.sourced).toBe(true);

    const answerBody = structuredClone(docs.answers.createRequest);
    answerBody.data.relationships.candidate.data.id = id;
    const answer = await send('/answers', 'POST', answerBody);
    expect(answer.status).toBe(201);
    expectDocumented(answer.body.data, docs.answers.example);
    expect(answer.body.data.attributes.choices).toEqual([3, 4]);
    // "If the candidate already has answered the question, the answer will be updated."
    answerBody.data.attributes.choices = [5];
    await send('/answers', 'POST', answerBody);
    const state = (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()).teamtailor;
    expect(state.answers.filter((a: { candidateId: string }) => a.candidateId === id).map((a: { choices: unknown }) => a.choices)).toEqual([[5]]);

    // "Use the merge attribute …": the same email again merges, without it the email is taken.
    expect((await send('/candidates', 'POST', docs.candidates.createRequest)).body.data.id).toBe(id);
    const { merge: _merge, ...withoutMerge } = docs.candidates.createRequest.data.attributes;
    const taken = await send('/candidates', 'POST', { data: { type: 'candidates', attributes: withoutMerge } });
    expect([taken.status, taken.body.errors[0].detail]).toEqual([422, 'email - has already been taken']);
  });

  it('refuses wrong bodies the way the docs show: 422 per attribute with its pointer, missing relations, read-only attributes', async () => {
    const blank = await send('/candidates', 'POST', { data: { type: 'candidates', attributes: { 'first-name': 'Foo', 'last-name': 'Bar', email: null } } });
    expect(blank.status).toBe(422);
    const { code: _code, ...documented } = docs.errors['422'].body.errors[0];
    expect(blank.body.errors[0]).toEqual(documented);

    const noJob = await send('/job-applications', 'POST', { data: { type: 'job-applications', attributes: { sourced: true }, relationships: { candidate: { data: { id: '41877321', type: 'candidates' } } } } });
    expect([noJob.status, noJob.body.errors[0].source.pointer]).toEqual([422, '/data/relationships/job']);

    const readOnly = await send('/candidates', 'POST', { data: { type: 'candidates', attributes: { email: 'a@example.com', 'referring-site': 'Facebook' } } });
    expect([readOnly.status, readOnly.body.errors[0].title]).toEqual([400, docs.errors['400'].body.errors[0].title]);

    const video = await send('/answers', 'POST', { data: { type: 'answers', attributes: { text: 'hi' }, relationships: { candidate: { data: { id: '41877321' } }, question: { data: { id: '6042' } } } } });
    expect(video.status).toBe(422);

    const wrongType = await send('/candidates', 'POST', { data: { type: 'jobs', attributes: {} } });
    expect(wrongType.status).toBe(400);
  });

  it('switches the key’s scope and permission: a non-Admin key cannot read candidates, a read-only key cannot write', async () => {
    const control = (body: unknown) => fetch(`${sandbox.url}/__sandbox/teamtailor/key`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await control({ scope: 'internal' });
    expect((await call('/candidates')).status).toBe(403);
    // Internal keys "can also access internal, unlisted & archived jobs".
    expect((await call('/jobs?filter%5Bstatus%5D=all')).status).toBe(200);
    await control({ scope: 'admin', permission: 'read' });
    expect((await call('/candidates')).status).toBe(200);
    const write = await send('/candidates', 'POST', docs.candidates.createRequest);
    expect([write.status, write.body.errors[0].detail]).toEqual([403, 'This API key does not have write permission.']);
  });

  it('says its limits in the documented X-Rate-Limit-* headers, and a 429 says when to come back', async () => {
    await fetch(`${sandbox.url}/__sandbox/rate-limit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'teamtailor', perMinute: 1, headers: true }) });
    const first = await call('/jobs');
    expect(Object.keys(docs.rateLimitHeaders).map((h) => first.headers.get(h))).toEqual(['1', '0', '60']);
    const second = await call('/jobs');
    expect(second.status).toBe(429);
    expect(second.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(Number(second.headers.get('x-rate-limit-reset'))).toBeGreaterThan(0);
    expect(second.body.errors[0].status).toBe('429');
  });
});
