import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError, directAts, type AtsPort, type HiredApplication, type NewApplication } from '@/lib/connectors';
import type { VendorLimits } from '@/lib/connectors/http';
import { workableCard, workableSubdomain } from '@/lib/connectors/workable/card';
import { classifyWorkableError, namingScope, readWorkableError } from '@/lib/connectors/workable/errors';
import { readWorkableLimits, workableResetMs } from '@/lib/connectors/workable/limits';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { workable as standIn } from '../../../sandbox/workable/api';

/** The Workable connector against the Workable stand-in (sandbox/workable/api.ts), started here. */
const excerpt = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'vendor', 'workable', 'spi-v3-excerpt.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

const TOKEN = standIn.keys['API access token'];
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

const limitsSeen: VendorLimits[] = [];
function port(token = TOKEN): AtsPort {
  return directAts('workable')!.create({ secret: token, accountId: 'hirebridge-demo', baseUrl: `${sandbox.url}/workable/spi/v3` }, { onLimits: (_info, limits) => limitsSeen.push(limits) });
}
const control = (path: string, body: unknown) => fetch(`${sandbox.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
const state = async () => (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()).workable;
const requests = async () => ((await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as { vendor: string; method: string; path: string; query: string }[]).filter((r) => r.vendor === 'workable');
const failure = async (work: Promise<unknown>) => {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
};

const PDF = Buffer.from('%PDF-1.4\n% Mia Keller, screened\n%%EOF\n').toString('base64');
const application = (extra: Partial<NewApplication> = {}): NewApplication => ({
  jobId: 'HB0001',
  existingCandidateId: null,
  candidate: { firstName: 'Mia', lastName: 'Keller', email: 'mia.keller@example.com', phone: '+49 170 1234567' },
  cv: { fileName: 'Mia Keller.pdf', base64: PDF },
  answers: [
    { questionId: '2128d717', value: 'Your product' },
    { questionId: '1d3f348f', value: true },
    { questionId: '1914385', value: '1135a194' },
  ],
  sourceName: 'Hirebridge',
  link: { label: 'Screened profile', url: 'https://sourcing.example.com/p/mia-keller' },
  ...extra,
});

describe('Workable card', () => {
  it('asks for what Workable’s admin screen gives, and builds the account’s own API host', () => {
    expect(workableCard.fields.map((f) => [f.key, f.label])).toEqual([['accountId', 'Subdomain'], ['secret', 'API access token']]);
    expect(workableCard.baseUrl('production', 'https://Acme-Labs.workable.com/backend')).toBe('https://acme-labs.workable.com/spi/v3');
    expect(workableSubdomain('acme.workable.com')).toBe('acme');
    const subdomain = workableCard.fields[0];
    expect(subdomain.check?.('acme')).toBeUndefined();
    expect(subdomain.check?.('acme labs')).toMatch(/part before \.workable\.com/);
    // Reads count against the limit too: every method is paced.
    expect(workableCard.pace).toMatchObject({ perWindow: 10, windowMs: 10_000, methods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH']) });
  });
});

describe('Workable connect', () => {
  it('verifies the token with reads, naming the account', async () => {
    await expect(port().verify()).resolves.toEqual({ label: 'Hirebridge Demo', tool: 'workable' });
    const seen = await requests();
    expect(seen.map((r) => r.path)).toEqual(['/workable/spi/v3/jobs', '/workable/spi/v3/candidates']);
  });

  it('says a wrong token is wrong, in plain words, without the token', async () => {
    const error = await failure(port('wrong-token-123').verify());
    expect(error.code).toBe('auth');
    expect(error.message).toMatch(/rejected by Workable/);
    expect(error.message).not.toContain('wrong-token-123');
  });

  it('names the scope the token lacks', async () => {
    await control('workable/scopes', { scopes: ['r_jobs', 'w_candidates'] });
    const noCandidates = await failure(port().verify());
    expect(noCandidates.code).toBe('forbidden');
    expect(noCandidates.message).toMatch(/no r_candidates scope/);

    await control('workable/scopes', { scopes: ['r_candidates', 'w_candidates'] });
    expect((await failure(port().verify())).message).toMatch(/no r_jobs scope/);

    // w_candidates has no read to prove it: the first write says it.
    await control('workable/scopes', { scopes: ['r_jobs', 'r_candidates'] });
    const ats = port();
    await ats.verify();
    const write = await failure(ats.createApplication(application()));
    expect(write.code).toBe('forbidden');
    expect(write.message).toMatch(/no w_candidates scope, which Hirebridge needs to add candidates/);
  });
});

describe('Workable jobs', () => {
  it('pages with since_id to the end: open and closed jobs with locations, states mapped, questions of open jobs', async () => {
    const ats = port();
    const jobs = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await ats.listJobs({ cursor, pageSize: 2 });
      jobs.push(...page.jobs);
      cursor = page.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(jobs.map((j) => [j.id, j.status, j.country])).toEqual([
      ['HB0001', 'open', 'DE'],
      ['HB0002', 'open', 'ES'],
      ['HB0003', 'open', 'PT'],
      ['HB0004', 'closed', 'FR'],
      ['HB0005', 'archived', 'GB'],
      ['HB0006', 'draft', 'NL'],
    ]);
    expect(jobs[0]).toMatchObject({ name: 'Backend Engineer', locationName: 'Berlin, Berlin, Germany', deleted: false, url: 'https://hirebridge-demo.workable.com/jobs/4087255' });
    expect(jobs[0].screeningQuestions.map((q) => [q.id, q.format, q.required])).toEqual([
      ['2128d717', 'TEXT', true],
      ['1d3f348f', 'BOOLEAN', true],
      ['1914385', 'SINGLE_SELECT', false],
    ]);
    expect(jobs[3].screeningQuestions).toEqual([]);
    // The next pull of the same connector lists from the start again (its pages are not taken for a loop).
    await expect(ats.listJobs({ pageSize: 2 }).then((p) => ats.listJobs({ cursor: p.next, pageSize: 2 }))).resolves.toMatchObject({ jobs: [{ id: 'HB0003' }, { id: 'HB0004' }] });
    const listed = (await requests()).filter((r) => r.path.endsWith('/jobs')).slice(0, 3);
    expect(listed.map((r) => new URLSearchParams(r.query).get('since_id'))).toEqual([null, jobs[2].remoteId, jobs[4].remoteId]);
  });

  it('pulls incrementally with updated_after (Unix time), seeing a job closed in Workable since', async () => {
    const ats = port();
    expect(ats.incrementalJobs).toBe(true);
    const since = new Date(Date.now() - 60_000).toISOString();
    expect((await ats.listJobs({ updatedAfter: since })).jobs).toEqual([]);
    await control('workable/jobs/HB0002', { state: 'closed' });
    const changed = await ats.listJobs({ updatedAfter: since });
    expect(changed.jobs.map((j) => [j.id, j.status])).toEqual([['HB0002', 'closed']]);
    const sent = (await requests()).filter((r) => r.path.endsWith('/jobs')).map((r) => new URLSearchParams(r.query).get('updated_after'));
    expect(sent).toEqual([String(Math.floor(Date.parse(since) / 1000)), String(Math.floor(Date.parse(since) / 1000))]);
  });
});

describe('Workable candidates', () => {
  it('finds a person by email, case aside: one application per job record', async () => {
    const amira = await port().findCandidateByEmail('AMIRA.Haddad@example.com');
    expect(amira).toMatchObject({ firstName: 'Amira', lastName: 'Haddad', email: 'amira.haddad@example.com' });
    expect(amira!.applications.map((a) => [a.jobId, a.stageName, a.hired])).toEqual([
      ['HB0002', 'Interview', false],
      ['HB0001', 'Applied', false],
    ]);
    expect(amira!.applications.every((a) => /^\d+$/.test(a.remoteId ?? ''))).toBe(true);
    await expect(port().findCandidateByEmail('nobody@example.com')).resolves.toBeNull();
  });

  it('resolves the web app’s candidate id (not the API’s) through profile_url, with phone, stage and hired status', async () => {
    const ats = port();
    const lucas = await ats.findCandidateByRemoteId('370715912');
    expect(lucas).toMatchObject({ remoteId: '370715912', firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com', phone: '+33 6 12 34 56 78' });
    expect(lucas!.id).not.toBe('370715912');
    expect(lucas!.applications).toEqual([expect.objectContaining({ jobId: 'HB0001', jobName: 'Backend Engineer', stageName: 'Hired', hired: true })]);
    await expect(ats.findCandidateById(lucas!.id)).resolves.toMatchObject({ email: 'lucas.moreau@example.com' });
    await expect(ats.findCandidateByRemoteId('999999')).resolves.toBeNull();
    const many = await ats.findCandidatesByRemoteIds(['370715912', '370716020', '1']);
    expect(many.map((c) => c.lastName).sort()).toEqual(['Moreau', 'Weber']);
  });

  it('narrows that look-up to the job the page’s URL names (the numeric id ending the job’s url), and still finds a person the URL’s job does not hold', async () => {
    await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
    const lucas = await port().findCandidateByRemoteId('370715912', { candidateRemoteId: '370715912', jobRemoteId: '4087255' });
    expect(lucas).toMatchObject({ lastName: 'Moreau', applications: [{ jobId: 'HB0001' }] });
    const scans = (await requests()).filter((r) => r.path.endsWith('/candidates'));
    expect(scans.map((r) => new URLSearchParams(r.query).get('shortcode'))).toEqual(['HB0001']);

    await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
    const elsewhere = await port().findCandidateByRemoteId('370716020', { candidateRemoteId: '370716020', jobRemoteId: '4087255' });
    expect(elsewhere).toMatchObject({ lastName: 'Weber', applications: [{ jobId: 'HB0003' }] });
    expect((await requests()).filter((r) => r.path.endsWith('/candidates')).map((r) => new URLSearchParams(r.query).get('shortcode'))).toEqual(['HB0001', null]);
  });

  it('lists hires page by page, with the start date of the offer, or why there is none', async () => {
    const ats = port();
    const items: HiredApplication[] = [];
    let cursor: string | null = null;
    do {
      const page = await ats.listHiredApplications({ cursor });
      items.push(...page.items);
      cursor = page.next;
    } while (cursor);
    const byEmail = Object.fromEntries(items.map((i) => [i.candidate.email, i]));
    expect(Object.keys(byEmail).sort()).toEqual(['ana.garcia@example.com', 'lucas.moreau@example.com', 'sofia.rossi@example.com']);
    expect(byEmail['lucas.moreau@example.com']).toMatchObject({ startDate: '2027-01-11', jobId: 'HB0001', jobName: 'Backend Engineer', hiredAt: '2026-11-20T16:00:00Z' });
    expect(byEmail['ana.garcia@example.com'].startDateGap).toBe('no-start-date');
    expect(byEmail['sofia.rossi@example.com'].startDateGap).toBe('no-accepted-offer');
    await expect(ats.hireStartDate!(byEmail['lucas.moreau@example.com'].applicationId)).resolves.toEqual({ startDate: '2027-01-11' });
  });
});

describe('Workable sync', () => {
  it('creates a sourced candidate on the job: resume as a file, answers keyed by question, source tag, link back', async () => {
    const created = await port().createApplication(application());
    expect(created).toMatchObject({ existingCandidate: false, cvAttached: true, linkAdded: true, warnings: [] });
    const world = await state();
    const mia = world.candidates.find((c: { id: string }) => c.id === created.applicationId);
    expect(mia).toMatchObject({ email: 'mia.keller@example.com', job: { shortcode: 'HB0001' }, stage: 'Sourced', sourced: true, tags: ['Hirebridge'], phone: '+49 170 1234567' });
    expect(mia.resume).toEqual({ name: 'Mia Keller.pdf', bytes: Buffer.from(PDF, 'base64').length, pdf: true });
    expect(mia.answers.map((a: { answer: unknown }) => a.answer)).toEqual([{ body: 'Your product' }, { checked: true }, { choices: ['1135a194'] }]);
    expect(mia.cover_letter).toContain('https://sourcing.example.com/p/mia-keller');
    // The body sent is one the reference's field table accepts.
    const check = ajv.compile(excerpt.operations['POST /jobs/:shortcode/candidates'].requestSchema);
    expect(check(world.writes[0].body), ajv.errorsText(check.errors)).toBe(true);
    // The outbox's look-up finds it on that job afterwards.
    const found = await port().findCandidateByEmail('mia.keller@example.com');
    expect(found!.applications.map((a) => [a.id, a.jobId])).toEqual([[created.applicationId, 'HB0001']]);
  });

  it('puts an existing candidate on another job as Workable does (a copy), says the PDF was not attached, and never doubles the tag', async () => {
    const ats = port();
    const jonas = await ats.findCandidateByEmail('jonas.weber@example.com');
    const created = await ats.createApplication(application({ existingCandidateId: jonas!.id, candidate: { firstName: 'Jonas', lastName: 'Weber', email: 'jonas.weber@example.com' } }));
    expect(created).toMatchObject({ existingCandidate: true, cvAttached: false, linkAdded: true });
    expect(created.warnings.join(' ')).toMatch(/already a candidate in Workable.*PDF profile was not attached/);
    expect(created.warnings.join(' ')).toMatch(/answers were not added/);
    const world = await state();
    const copy = world.candidates.find((c: { id: string }) => c.id === created.applicationId);
    expect(copy).toMatchObject({ job: { shortcode: 'HB0001' }, originating_candidate_id: jonas!.id, tags: ['Hirebridge'] });
    expect(copy.cover_letter).toContain('https://sourcing.example.com/p/mia-keller');
    const copyWrite = world.writes.find((w: { path: string }) => w.path.endsWith('/copy'));
    const check = ajv.compile(excerpt.operations['POST /candidates/:id/copy'].requestSchema);
    expect(check(copyWrite.body)).toBe(true);

    // A create found later is finished again: the tag and the link stay single.
    await ats.finishApplication!({ applicationId: created.applicationId, candidateId: jonas!.id }, { sourceName: 'Hirebridge', link: application().link });
    const after = (await state()).candidates.find((c: { id: string }) => c.id === created.applicationId);
    expect(after.tags).toEqual(['Hirebridge']);
    expect(after.cover_letter.split('https://sourcing.example.com/p/mia-keller')).toHaveLength(2);
    expect((await ats.findCandidateByEmail('jonas.weber@example.com'))!.applications.map((a) => a.jobId)).toEqual(['HB0003', 'HB0001']);
  });

  it('reads Workable’s 422 for an email already on the job as a conflict (the outbox’s duplicate), in plain words', async () => {
    await port().createApplication(application());
    const again = await failure(port().createApplication(application()));
    expect(again.code).toBe('conflict');
    expect(again.message).toBe('Workable already has a candidate with this email on this job. Workable said: Validation failed: Email candidate already exists');
  });

  it('checks the PDF against the resume rules of Workable’s application form', async () => {
    const ats = port();
    await expect(ats.checkCv!({ sizeBytes: 200_000, contentType: 'application/pdf' })).resolves.toEqual({ ok: true });
    await expect(ats.checkCv!({ sizeBytes: 6_000_000, contentType: 'application/pdf' })).resolves.toEqual({ ok: false, reason: 'too-large', maxBytes: 5_242_880 });
    await expect(ats.checkCv!({ sizeBytes: 1000, contentType: 'image/png' })).resolves.toMatchObject({ ok: false, reason: 'type' });
    expect(ats.acceptsFiles).toBe(true);
  });
});

describe('Workable limits and errors', () => {
  it('reads X-Rate-Limit-* on every answer; a refused write carries when to come back from X-Rate-Limit-Reset; a read waits and goes through', async () => {
    limitsSeen.length = 0;
    await control('rate-limit', { vendor: 'workable', perMinute: 1, windowMs: 1_000, headers: true });
    const ats = port();
    await ats.findCandidateByEmail('lucas.moreau@example.com');
    expect(limitsSeen.at(-1)?.rate).toMatchObject({ limit: 1, remaining: 0 });
    // No answers: the create is the first request past the window (a question look-up would be a read, retried).
    const refused = await failure(ats.createApplication(application({ answers: [] })));
    expect(refused.code).toBe('rate-limited');
    expect(refused.transient).toBe(true);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(3_000);
    // Reads are retried after the reset the 429 named.
    await expect(ats.findCandidateByEmail('lucas.moreau@example.com')).resolves.toMatchObject({ lastName: 'Moreau' });
    expect((await state()).writes).toEqual([]);
  }, 15_000);

  it('reads X-Rate-Limit-Reset as the documented timestamp, and in the other forms an answer may take', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(workableResetMs(String(now / 1000 + 7), now)).toBe(7_000);
    expect(workableResetMs(String(now + 2_500), now)).toBe(2_500);
    expect(workableResetMs('4', now)).toBe(4_000);
    expect(workableResetMs('2026-12-07T12:00:03Z', now)).toBe(3_000);
    expect(readWorkableLimits(new Headers({ 'x-rate-limit-limit': '10', 'x-rate-limit-remaining': '3', 'x-rate-limit-reset': String(now / 1000 + 5) }), now)).toEqual({ rate: { limit: 10, remaining: 3, resetMs: 5_000 } });
    expect(readWorkableLimits(new Headers(), now)).toBeUndefined();
  });

  it('a 401 names the scope only once the token was proven, and then says it may also have been revoked', () => {
    const refused = new ConnectorError({ vendor: 'Workable', code: 'auth', status: 401, message: 'x' });
    const first = namingScope(refused, 'w_candidates', false) as ConnectorError;
    expect([first.code, first.message]).toEqual(['auth', 'The API key was rejected by Workable. Make sure it was copied completely and has not expired.']);
    const later = namingScope(refused, 'w_candidates', true) as ConnectorError;
    expect(later.message).toMatch(/either it has no w_candidates scope, which Hirebridge needs to add candidates to jobs, or it was revoked/);
    const forbidden = namingScope(new ConnectorError({ vendor: 'Workable', code: 'forbidden', status: 403, message: 'x' }), 'r_jobs', false) as ConnectorError;
    expect([forbidden.code, forbidden.message]).toEqual(['forbidden', expect.stringMatching(/^The Workable access token has no r_jobs scope, which Hirebridge needs to read your jobs\./)]);
    const other = new ConnectorError({ vendor: 'Workable', code: 'server', status: 500, message: 'x' });
    expect(namingScope(other, 'r_jobs', true)).toBe(other);
  });

  it('turns Workable’s envelope into plain words', async () => {
    expect(readWorkableError(excerpt.errors['422'])).toEqual({ message: 'Validation failed: Email candidate already exists' });
    expect(readWorkableError({ validation_errors: { email: ["can't be blank"] } })).toEqual({ message: "email: can't be blank" });
    const refused = classifyWorkableError(422, { message: 'Validation failed: Email is invalid' });
    expect([refused?.code, refused?.transient, refused?.message]).toEqual(['invalid-request', false, 'Workable did not accept the candidate: Validation failed: Email is invalid']);
    expect(classifyWorkableError(500, {})).toBeUndefined();
    await control('faults', { vendor: 'workable', kind: 'server-error', times: 5 });
    const server = await failure(port().verify());
    expect(server.code).toBe('server');
    expect(server.message).toBe('Workable is having trouble right now (error 500). Hirebridge will try again.');
  });
});
