import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '@/lib/connectors';
import { ashby } from '@/lib/connectors/ashby';
import { countryCode, linkField, splitName } from '@/lib/connectors/ashby/client';
import { ASHBY_IDS, ASHBY_SANDBOX_KEY } from '../../../sandbox/ashby/api';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

/** The Ashby port against the stand-in (sandbox/ashby/api.ts), started here. */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

const port = (secret = ASHBY_SANDBOX_KEY) => ashby.create({ secret, baseUrl: `${sandbox.url}/ashby` });
const control = (path: string, body: unknown) =>
  fetch(`${sandbox.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
const state = async () => (await fetch(`${sandbox.url}/__sandbox/state`).then((r) => r.json())).ashby;
const requests = async () => (await fetch(`${sandbox.url}/__sandbox/requests`).then((r) => r.json())) as { vendor: string; path: string; status: number }[];
const failure = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return error as ConnectorError;
  }
  throw new Error('expected a failure');
};

const PDF = Buffer.from('%PDF-1.4 Hirebridge profile').toString('base64');
const newApplication = (extra: Partial<Parameters<ReturnType<typeof port>['createApplication']>[0]> = {}) => ({
  jobId: ASHBY_IDS.backendJob,
  existingCandidateId: null,
  candidate: { firstName: 'Nora', lastName: 'Quist', email: 'nora.quist@example.com', phone: '+46 70 123 45 67' },
  cv: { fileName: 'Nora Quist.pdf', base64: PDF },
  answers: [],
  sourceName: 'Hirebridge',
  link: { label: 'Profile', url: 'https://www.linkedin.com/in/nora-quist' },
  note: 'Strong Go and Postgres.',
  ...extra,
});

describe('Ashby card', () => {
  it('asks for the API Key as Ashby labels it, calls one host, and refuses what Basic auth could not send', () => {
    expect(ashby.fields.map((f) => [f.key, f.label])).toEqual([['secret', 'API Key']]);
    expect(ashby.baseUrl('production', undefined)).toBe('https://api.ashbyhq.com');
    expect(ashby.apiHosts).toEqual(['https://api.ashbyhq.com/*']);
    expect(ashby.fields[0].check?.('abc:def')).toMatch(/no spaces or colons/);
    expect(ashby.fields[0].check?.(ASHBY_SANDBOX_KEY)).toBeUndefined();
    expect(ashby.tool).toBe('ashby');
  });

  it('reads names, countries and links Ashby’s way', () => {
    expect(splitName('Jean-Luc  de la Cruz')).toEqual({ firstName: 'Jean-Luc', lastName: 'de la Cruz' });
    expect(countryCode('France')).toBe('FR');
    expect(countryCode('de')).toBe('DE');
    expect(countryCode('Atlantis')).toBeUndefined();
    expect(linkField('https://www.linkedin.com/in/x')).toBe('linkedInUrl');
    expect(linkField('https://github.com/x')).toBe('githubUrl');
    expect(linkField('https://sourcing.example.com/p/1')).toBe('website');
  });
});

describe('Ashby connect', () => {
  it('verifies with one read of the key’s scopes, and names what is missing', async () => {
    expect(await port().verify()).toEqual({ label: 'Hirebridge sandbox key', tool: 'ashby' });
    expect((await requests()).filter((r) => r.vendor === 'ashby').map((r) => r.path)).toEqual(['/ashby/apiKey.info']);
    await control('ashby/permissions', { revoke: ['offersRead', 'candidatesWrite'] });
    const error = await failure(port().verify());
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('Offers: Read (offersRead)');
    expect(error.message).toContain('Candidates: Write (candidatesWrite)');
    expect(error.message).not.toContain('Jobs');
  });

  it('without “API Keys: Read”, proves the key with a one-job list instead', async () => {
    await control('ashby/permissions', { revoke: ['apiKeysRead'] });
    expect(await port().verify()).toEqual({ label: undefined, tool: 'ashby' });
    const log = (await requests()).filter((r) => r.vendor === 'ashby').map((r) => [r.path, r.status]);
    expect(log).toEqual([['/ashby/apiKey.info', 403], ['/ashby/job.list', 200]]);
  });

  it('says a wrong key is wrong (403) and a missing one missing (401), never echoing it', async () => {
    const wrong = await failure(port('wrong-key-123').verify());
    expect(wrong.code).toBe('auth');
    expect(wrong.message).toMatch(/wrong or has been deactivated/);
    expect(wrong.message).not.toContain('wrong-key-123');
    const none = await failure(port('').verify());
    expect(none.code).toBe('auth');
  });
});

describe('Ashby jobs', () => {
  it('lists open, closed and archived jobs with location and country, paging by cursor', async () => {
    const ats = port();
    const first = await ats.listJobs({ pageSize: 2 });
    expect(first.jobs).toHaveLength(2);
    expect(first.next).toEqual(expect.any(String));
    const second = await ats.listJobs({ pageSize: 2, cursor: first.next });
    expect(second.next).toBeNull();
    const jobs = [...first.jobs, ...second.jobs];
    expect(jobs.map((j) => [j.name, j.status])).toEqual([
      ['Backend Engineer', 'open'],
      ['Product Designer', 'open'],
      ['Data Analyst', 'closed'],
      ['Sales Lead', 'archived'],
    ]);
    expect(jobs[0]).toMatchObject({ id: ASHBY_IDS.backendJob, locationName: 'Paris', country: 'FR', deleted: false, screeningQuestions: [] });
    expect(jobs[1].country).toBe('DE');
    expect(jobs[2].country).toBe('US');
    expect(first.watermark).toBeUndefined();
    expect(second.watermark).toEqual(expect.any(String));
  });

  it('lists only what changed after the syncToken of the last listing; a time, or a token Ashby refuses, lists everything', async () => {
    const ats = port();
    expect(ats.incrementalJobs).toBe(true);
    const full = await ats.listJobs({});
    expect(full.jobs).toHaveLength(4);
    const none = await ats.listJobs({ updatedAfter: full.watermark });
    expect(none.jobs).toEqual([]);
    expect(none.watermark).toEqual(expect.any(String));
    await control('ashby/jobs', { id: ASHBY_IDS.designJob, status: 'Archived' });
    const changed = await ats.listJobs({ updatedAfter: full.watermark });
    expect(changed.jobs.map((j) => [j.name, j.status])).toEqual([['Product Designer', 'archived']]);
    expect((await ats.listJobs({ updatedAfter: '2026-12-01T10:00:00.000Z' })).jobs).toHaveLength(4);
    await control('ashby/expire-sync-tokens', {});
    const expired = await ats.listJobs({ updatedAfter: changed.watermark });
    expect(expired.jobs).toHaveLength(4);
    expect((await ats.listJobs({ updatedAfter: expired.watermark })).jobs).toEqual([]);
  });

  it('a refused syncToken is never mistaken for a missing permission', async () => {
    const full = await port().listJobs({});
    await control('ashby/permissions', { revoke: ['jobsRead'] });
    expect((await failure(port().listJobs({ updatedAfter: full.watermark }))).code).toBe('forbidden');
  });

  it('a job removed in Ashby is simply absent from the next listing (the pull archives it)', async () => {
    await control('ashby/jobs', { id: ASHBY_IDS.designJob, remove: true });
    const page = await port().listJobs({});
    expect(page.jobs.map((j) => j.id)).not.toContain(ASHBY_IDS.designJob);
  });

  it('names the missing Jobs permission in plain words', async () => {
    await control('ashby/permissions', { revoke: ['jobsRead'] });
    const error = await failure(port().listJobs({}));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('“Jobs: Read” permission (jobsRead)');
    expect(error.message).toContain('Admin → Integrations → API Keys');
  });

  it('reads a 429 as rate-limited and transient, and a malformed answer as a bad response', async () => {
    await control('faults', { vendor: 'ashby', kind: 'rate-limit', times: 1 });
    const limited = await failure(port().listJobs({}));
    expect([limited.code, limited.transient, limited.status, limited.vendorCode]).toEqual(['rate-limited', true, 429, 'rate_limit_exceeded']);
    await control('faults', { vendor: 'ashby', kind: 'malformed', times: 1 });
    expect((await failure(port().listJobs({}))).code).toBe('bad-response');
  });

  it('reads a 200 with success false as the failure it is: a refusal in Ashby’s words, or “not found” as no record', async () => {
    // Ashby refuses an email that is not one (the spec's candidate.create); its answer is a 200.
    const refused = await failure(port().createApplication(newApplication({ candidate: { firstName: 'No', lastName: 'Mail', email: 'not-an-email' } })));
    expect([refused.code, refused.status, refused.vendorCode, refused.transient]).toEqual(['invalid-request', 200, 'invalid_input', false]);
    expect(refused.message).toMatch(/^Ashby did not accept the request \(invalid_input\)\. Ashby said: email:/);
    expect(await port().findCandidateById('00000000-0000-4000-8000-000000000000')).toBeNull();
    // The spec's limit is 100 a page: a bigger page size is asked as 100, never refused.
    expect((await port().listJobs({ pageSize: 500 })).jobs).toHaveLength(4);
  });
});

describe('Ashby candidates', () => {
  it('finds the candidate of a web-app URL id with applications, stage and hired status', async () => {
    const lucas = await port().findCandidateByRemoteId(ASHBY_IDS.lucas);
    expect(lucas).toMatchObject({
      id: ASHBY_IDS.lucas,
      firstName: 'Lucas',
      lastName: 'Moreau',
      email: 'lucas.moreau@example.com',
      phone: '+33 6 12 34 56 78',
      applications: [{ id: ASHBY_IDS.lucasApplication, jobId: ASHBY_IDS.backendJob, jobName: 'Backend Engineer', stageName: 'Hired', hired: true }],
    });
    const both = await port().findCandidatesByRemoteIds([ASHBY_IDS.lucas, ASHBY_IDS.amelie, '00000000-0000-4000-8000-000000000000']);
    expect(both.map((c) => c.lastName)).toEqual(['Moreau', 'Laurent']);
  });

  it('finds by email, exact and case-insensitive', async () => {
    expect((await port().findCandidateByEmail(' Amelie.Laurent@Example.com '))?.id).toBe(ASHBY_IDS.amelie);
    expect(await port().findCandidateByEmail('nobody@example.com')).toBeNull();
  });

  it('lists hired applications with the accepted offer’s start date, or why there is none', async () => {
    const { items, next } = await port().listHiredApplications({});
    expect(next).toBeNull();
    const lucas = items.find((i) => i.applicationId === ASHBY_IDS.lucasApplication);
    expect(lucas).toMatchObject({ startDate: '2026-12-01', jobName: 'Backend Engineer', candidate: { firstName: 'Lucas', email: 'lucas.moreau@example.com' } });
    const jonas = items.find((i) => i.applicationId === ASHBY_IDS.jonasApplication);
    expect(jonas).toMatchObject({ startDateGap: 'no-start-date' });
    expect(items).toHaveLength(2);
    expect(await port().hireStartDate!(ASHBY_IDS.lucasApplication)).toEqual({ startDate: '2026-12-01' });
    expect(await port().hireStartDate!(ASHBY_IDS.amelieApplication)).toEqual({ gap: 'no-accepted-offer' });
  });

  it('names the missing Offers permission when the start date is asked for', async () => {
    await control('ashby/permissions', { revoke: ['offersRead'] });
    const error = await failure(port().hireStartDate!(ASHBY_IDS.lucasApplication));
    expect(error.message).toContain('“Offers: Read” permission (offersRead)');
    expect(error.message).toContain('start date');
  });
});

describe('Ashby Sync to ATS', () => {
  it('creates one candidate with source and link, one application on the job with the source, the resume and a note', async () => {
    const created = await port().createApplication(newApplication());
    expect(created).toMatchObject({ existingCandidate: false, cvAttached: true, linkAdded: true, warnings: [] });
    const s = await state();
    const nora = s.candidates.filter((c: { emails: string[] }) => c.emails.includes('nora.quist@example.com'));
    expect(nora).toHaveLength(1);
    expect(nora[0]).toMatchObject({ id: created.candidateId, name: 'Nora Quist', sourceId: ASHBY_IDS.hirebridgeSource, socialLinks: [{ type: 'LinkedIn', url: 'https://www.linkedin.com/in/nora-quist' }] });
    expect(nora[0].resume).toMatchObject({ name: 'Nora Quist.pdf', contentType: 'application/pdf', pdf: true });
    expect(s.applications.filter((a: { candidateId: string }) => a.candidateId === created.candidateId)).toEqual([
      { id: created.applicationId, candidateId: created.candidateId, jobId: ASHBY_IDS.backendJob, status: 'Lead', sourceId: ASHBY_IDS.hirebridgeSource },
    ]);
    expect(s.notes.map((n: { text: string }) => n.text)).toEqual(['Strong Go and Postgres.']);
    // What the outbox looks up before sending again: the email finds the candidate and their application on the job.
    const found = await port().findCandidateByEmail('nora.quist@example.com');
    expect(found?.applications.map((a) => a.jobId)).toEqual([ASHBY_IDS.backendJob]);
  });

  it('adds the application to an existing candidate: the CV as an extra file, the link in a note, their fields untouched', async () => {
    const created = await port().createApplication(newApplication({ existingCandidateId: ASHBY_IDS.amelie, candidate: { firstName: 'Amélie', lastName: 'Laurent', email: 'amelie.laurent@example.com' } }));
    expect(created).toMatchObject({ existingCandidate: true, candidateId: ASHBY_IDS.amelie, cvAttached: true, linkAdded: true });
    const s = await state();
    expect(s.candidates.filter((c: { emails: string[] }) => c.emails.includes('amelie.laurent@example.com'))).toHaveLength(1);
    const amelie = s.candidates.find((c: { id: string }) => c.id === ASHBY_IDS.amelie);
    expect(amelie).toMatchObject({ resume: null, socialLinks: [], files: [{ name: 'Nora Quist.pdf', pdf: true }] });
    expect(s.notes[0].text).toContain('Profile: https://www.linkedin.com/in/nora-quist');
    expect(s.applications.filter((a: { candidateId: string }) => a.candidateId === ASHBY_IDS.amelie)).toHaveLength(2);
  });

  it('without a source of that name, creates the application without one and says so', async () => {
    const created = await port().createApplication(newApplication({ sourceName: 'Job fair 2024' }));
    expect(created.warnings).toEqual([expect.stringContaining('no source named “Job fair 2024”')]);
    const application = (await state()).applications.find((a: { id: string }) => a.id === created.applicationId);
    expect(application.sourceId).toBeNull();
  });

  it('a key without Candidates: Write is refused at the first write, named, and nothing is created', async () => {
    await control('ashby/permissions', { revoke: ['candidatesWrite'] });
    const error = await failure(port().createApplication(newApplication()));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('“Candidates: Write” permission (candidatesWrite)');
    expect((await state()).applications).toHaveLength(3);
  });

  it('finishing a create found later adds the link only where the candidate lacks it', async () => {
    const created = await port().createApplication(newApplication({ note: undefined }));
    expect(await port().finishApplication!({ applicationId: created.applicationId, candidateId: created.candidateId }, { link: newApplication().link, sourceName: 'Hirebridge' })).toEqual([]);
    expect((await state()).notes).toHaveLength(0);
    await port().finishApplication!({ applicationId: ASHBY_IDS.amelieApplication, candidateId: ASHBY_IDS.amelie }, { link: newApplication().link, sourceName: 'Hirebridge' });
    expect((await state()).notes.map((n: { candidateId: string }) => n.candidateId)).toEqual([ASHBY_IDS.amelie]);
  });

  it('a failed resume upload is a warning, not an undone application', async () => {
    await control('faults', { vendor: 'ashby', kind: 'server-error', times: 1, pathIncludes: 'uploadResume' });
    const created = await port().createApplication(newApplication());
    expect(created.cvAttached).toBe(false);
    expect(created.warnings).toEqual([expect.stringContaining('The PDF profile was not attached in Ashby')]);
    expect((await state()).applications.some((a: { id: string }) => a.id === created.applicationId)).toBe(true);
  });
});
