import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '@/lib/connectors/errors';
import type { VendorLimits } from '@/lib/connectors/http';
import { teamtailorCard } from '@/lib/connectors/teamtailor/card';
import { countryCode, createTeamtailorAts, nextPageNumber } from '@/lib/connectors/teamtailor/client';
import { readTeamtailorError } from '@/lib/connectors/teamtailor/errors';
import { readTeamtailorLimits } from '@/lib/connectors/teamtailor/limits';
import { teamtailor } from '@/lib/connectors/teamtailor';
import type { Sandbox } from '../../../sandbox/server';
import { TEAMTAILOR_SANDBOX_KEY } from '../../../sandbox/teamtailor/api';

let sandbox: Sandbox;
beforeEach(async () => {
  const { startSandbox } = await import('../../../sandbox/server');
  sandbox = await startSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

const port = (secret = TEAMTAILOR_SANDBOX_KEY, hooks?: Parameters<typeof createTeamtailorAts>[1]) => createTeamtailorAts({ secret, baseUrl: `${sandbox.url}/teamtailor/v1` }, hooks);
const post = (path: string, body: unknown) => fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const state = async () => ((await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as { teamtailor: TtState }).teamtailor;
const requests = async () => (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as { vendor: string; method: string; path: string; query: string; status: number }[];
type TtState = {
  candidates: { id: string; email: string; tags: string[]; resume: string | null }[];
  applications: { id: string; candidateId: string; jobId: string; sourced: boolean; referringUrl: string | null }[];
  answers: { questionId: string; candidateId: string; boolean: unknown; range: unknown; choices: unknown }[];
};

const newApplication = (email: string, jobId = '7301', existingCandidateId: string | null = null) => ({
  jobId,
  existingCandidateId,
  candidate: { firstName: 'Ines', lastName: 'Duarte', email, phone: '+34 600 000 000' },
  answers: [],
  sourceName: 'Hirebridge',
  link: { label: 'LinkedIn', url: 'https://www.linkedin.com/in/ines-duarte' },
});

describe('Teamtailor card', () => {
  it('offers both stacks, with the hosts the docs name, and refuses a pasted header', () => {
    expect(teamtailorCard.baseUrl('eu', undefined)).toBe('https://api.teamtailor.com/v1');
    expect(teamtailorCard.baseUrl('na', undefined)).toBe('https://api.na.teamtailor.com/v1');
    expect(teamtailorCard.apiHosts).toEqual(['https://api.teamtailor.com/*', 'https://api.na.teamtailor.com/*']);
    const check = teamtailorCard.fields[0].check!;
    expect(check('Token token=abc123')).toMatch(/without "Token token="/);
    expect(check('abc 123')).toMatch(/no spaces/);
    expect(check('ZXhhbXBsZS1rZXk')).toBeUndefined();
    const created = teamtailor.create({ secret: 'k', baseUrl: 'https://api.teamtailor.com/v1' });
    expect(created.provider).toBe('teamtailor');
    // The Sync dialog reads the card; the send reads the port: both say the PDF cannot go.
    expect([teamtailorCard.acceptsFiles, created.acceptsFiles]).toEqual([false, false]);
  });
});

describe('Teamtailor quirks', () => {
  it('reads the next page from links.next, countries from their English names, limits from X-Rate-Limit-*', () => {
    expect(nextPageNumber('https://api.teamtailor.com/v1/jobs?page%5Bnumber%5D=3&page%5Bsize%5D=30')).toBe('3');
    expect(nextPageNumber(undefined)).toBeNull();
    expect(countryCode('Sweden')).toBe('SE');
    expect(countryCode('United Kingdom')).toBe('GB');
    expect(countryCode('Atlantis')).toBeUndefined();
    const headers = new Headers({ 'x-rate-limit-limit': '50', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '7' });
    expect(readTeamtailorLimits(headers)).toEqual({ rate: { limit: 50, remaining: 0, resetMs: 7000 } });
    expect(readTeamtailorLimits(new Headers())).toBeUndefined();
  });

  it('reads the JSON:API error envelope: every attribute problem of a 422, the title when there is no detail', () => {
    expect(readTeamtailorError({ errors: [{ title: "can't be blank", detail: "email - can't be blank", code: '100', status: '422' }] })).toEqual({ message: "email - can't be blank", code: '100' });
    expect(readTeamtailorError({ errors: [{ detail: 'email - is invalid' }, { detail: 'phone - is invalid' }] }).message).toBe('email - is invalid; phone - is invalid');
    expect(readTeamtailorError({ errors: [{ status: 400, title: 'Bad Request' }] }).message).toBe('Bad Request');
    expect(readTeamtailorError('')).toEqual({});
  });
});

describe('Teamtailor port against the sandbox stand-in', () => {
  it('verifies the key with one read; a wrong key and a key without the Admin scope say so in plain words', async () => {
    await expect(port().verify()).resolves.toEqual({});
    const wrong = port('tt-not-a-key-9f8e7d');
    const refused = await wrong.verify().catch((e: unknown) => e as ConnectorError);
    expect(refused).toMatchObject({ code: 'auth', status: 401 });
    expect((refused as ConnectorError).message).toMatch(/rejected the API key.*stack/);
    expect((refused as ConnectorError).message).not.toContain('tt-not-a-key');

    await post('/__sandbox/teamtailor/key', { scope: 'internal' });
    await expect(port().verify()).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/cannot read candidates.*Admin scope.*Read and Write/) });
  });

  it('names the write permission when a read-only key tries to sync', async () => {
    await post('/__sandbox/teamtailor/key', { permission: 'read' });
    await expect(port().verify()).resolves.toEqual({});
    await expect(port().createApplication(newApplication('new.person@example.com'))).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Admin scope and both Read and Write/) });
    expect((await state()).candidates.some((c) => c.email === 'new.person@example.com')).toBe(false);
  });

  it('lists every job (open, unlisted, archived, draft) page by page, with location, country and screening questions', async () => {
    const ats = port();
    const pages = [];
    let cursor: string | null = null;
    do {
      const page = await ats.listJobs({ cursor, pageSize: 2 });
      pages.push(page);
      cursor = page.next;
    } while (cursor);
    expect(pages.map((p) => p.next)).toEqual(['2', '3', null]);
    const jobs = pages.flatMap((p) => p.jobs);
    expect(jobs.map((j) => [j.id, j.name, j.status, j.country, j.locationName])).toEqual([
      ['7301', 'Frontend Engineer', 'open', 'SE', 'Stockholm'],
      ['7302', 'Account Executive', 'open', 'FR', 'Paris'],
      ['7303', 'Customer Success Manager', 'open', 'DE', 'Berlin'],
      ['7304', 'Data Analyst', 'archived', 'DE', 'Berlin'],
      ['7305', 'Office Manager', 'draft', 'SE', 'Stockholm'],
    ]);
    expect(jobs[0].screeningQuestions).toEqual([
      { id: '6040', title: 'Do you have the right to work in the EU?', required: true, format: 'BOOLEAN' },
      { id: '6041', title: 'Years of experience with React', required: false, format: 'NUMBER' },
      { id: '6039', title: 'Which of these have you worked with?', required: false, format: 'MULTI_SELECT', options: [{ id: '3', name: 'React' }, { id: '4', name: 'TypeScript' }, { id: '5', name: 'GraphQL' }] },
    ]);
    // A video question cannot be answered through the API ("It is not possible to create file or video answer"): not offered.
    expect(ats.incrementalJobs).toBe(false);
    const listed = (await requests()).filter((r) => r.vendor === 'teamtailor' && r.path === '/teamtailor/v1/jobs');
    expect(listed.map((r) => new URLSearchParams(r.query).get('page[number]'))).toEqual(['1', '2', '3']);
    expect(listed.every((r) => new URLSearchParams(r.query).get('filter[status]') === 'all')).toBe(true);
  });

  it('finds a candidate by the id the web app shows, with their applications, stage and hired status', async () => {
    const ats = port();
    const lucas = await ats.findCandidateByRemoteId('41877321');
    expect(lucas).toMatchObject({ id: '41877321', firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com', phone: '+33 6 12 34 56 78' });
    expect(lucas!.applications).toEqual([{ id: '88001', remoteId: '88001', jobId: '7301', jobName: 'Frontend Engineer', stageName: 'Hired', hired: true }]);
    expect(await ats.findCandidateByRemoteId('999')).toBeNull();
    expect(await ats.findCandidateByRemoteId('not-an-id')).toBeNull();
    expect((await ats.findCandidatesByRemoteIds(['41877322', '999', '41877323'])).map((c) => c.lastName)).toEqual(['Lindqvist', 'Berg']);
  });

  it('finds a candidate by email whatever its case, and nobody for an unknown email', async () => {
    const ats = port();
    expect((await ats.findCandidateByEmail(' Emma.Lindqvist@Example.com '))?.id).toBe('41877322');
    expect(await ats.findCandidateByEmail('nobody@example.com')).toBeNull();
  });

  it('lists hired applications with the hire date of the stage, and claims no start date (no offers in the docs)', async () => {
    const ats = port();
    const { items, next } = await ats.listHiredApplications({});
    expect(next).toBeNull();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ applicationId: '88001', jobId: '7301', jobName: 'Frontend Engineer', hiredAt: '2026-11-20T09:00:00.000+01:00', candidate: { firstName: 'Lucas', email: 'lucas.moreau@example.com' } });
    expect(items[0].startDate).toBeUndefined();
    expect(items[0].startDateGap).toBeUndefined();
    expect(ats.hireStartDate).toBeUndefined();
  });

  it('syncs a new candidate with the source tag, a sourced application with the link back, the answers, and says the CV was not attached', async () => {
    const ats = port();
    expect(ats.acceptsFiles).toBe(false);
    const created = await ats.createApplication({
      ...newApplication('ines.duarte@example.com'),
      answers: [
        { questionId: '6040', value: true },
        { questionId: '6041', value: 4 },
        { questionId: '6039', value: ['3', '4'] },
      ],
    });
    expect(created).toMatchObject({ existingCandidate: false, cvAttached: false, linkAdded: true });
    expect(created.warnings).toEqual([expect.stringMatching(/PDF profile was not attached.*only as a link/)]);
    const s = await state();
    const candidate = s.candidates.filter((c) => c.email === 'ines.duarte@example.com');
    expect(candidate).toEqual([expect.objectContaining({ id: created.candidateId, tags: ['Hirebridge'], resume: null })]);
    expect(s.applications.filter((a) => a.candidateId === created.candidateId)).toEqual([
      expect.objectContaining({ id: created.applicationId, jobId: '7301', sourced: true, referringUrl: 'https://www.linkedin.com/in/ines-duarte' }),
    ]);
    expect(s.answers.filter((a) => a.candidateId === created.candidateId).map((a) => [a.questionId, a.boolean, a.range, a.choices])).toEqual([
      ['6040', true, null, null],
      ['6041', null, 4, null],
      ['6039', null, null, [3, 4]],
    ]);

    // The outbox's look-up before a second send finds the candidate and the application on that job.
    const found = await ats.findCandidateByEmail('ines.duarte@example.com');
    expect(found?.applications.map((a) => a.jobId)).toEqual(['7301']);
  });

  it('adds an existing candidate’s application without a second candidate, and tags them once', async () => {
    const ats = port();
    const lucas = await ats.findCandidateByEmail('lucas.moreau@example.com');
    const first = await ats.createApplication(newApplication('lucas.moreau@example.com', '7302', lucas!.id));
    expect(first).toMatchObject({ existingCandidate: true, candidateId: '41877321' });
    await ats.finishApplication!({ applicationId: first.applicationId, candidateId: '41877321' }, { sourceName: 'Hirebridge' });
    const s = await state();
    expect(s.candidates.filter((c) => c.email === 'lucas.moreau@example.com')).toEqual([expect.objectContaining({ tags: ['Hirebridge'] })]);
    expect(s.applications.filter((a) => a.candidateId === '41877321').map((a) => a.jobId)).toEqual(['7301', '7302']);
  });

  it('never duplicates a candidate whose email appeared after the look-up (merge: true)', async () => {
    const ats = port();
    // The caller saw nobody, but Emma exists: the create merges into her.
    const created = await ats.createApplication(newApplication('EMMA.LINDQVIST@example.com', '7302'));
    expect(created.candidateId).toBe('41877322');
    expect((await state()).candidates.filter((c) => c.email.toLowerCase() === 'emma.lindqvist@example.com')).toHaveLength(1);
  });

  it('a refused answer or a video question is a warning, not a failed sync', async () => {
    const created = await port().createApplication({ ...newApplication('ana.b@example.com'), answers: [{ questionId: '6039', value: ['99'] }, { questionId: '6042', value: 'x' }] });
    expect(created.warnings).toEqual([
      expect.stringMatching(/answer to “Which of these have you worked with\?” was not saved.*choices - is invalid/),
      expect.stringMatching(/cannot take an answer to “Introduce yourself in one minute”/),
      expect.stringMatching(/PDF profile was not attached/),
    ]);
  });

  it('a body Teamtailor refuses comes back in its own words (422 per attribute)', async () => {
    await expect(port().createApplication(newApplication('not-an-email'))).rejects.toMatchObject({ code: 'invalid-request', status: 422, message: 'Teamtailor did not accept the request. Teamtailor said: email - is invalid' });
  });

  it('a 429 carries its X-Rate-Limit-Reset as the wait; a read is retried after it; the limits reach the pacing hook', async () => {
    const seen: VendorLimits[] = [];
    const ats = port(TEAMTAILOR_SANDBOX_KEY, { onLimits: (_info, limits) => void seen.push(limits) });
    await post('/__sandbox/faults', { vendor: 'teamtailor', kind: 'rate-limit', method: 'POST', retryAfterSeconds: 42 });
    const refused = await ats.createApplication(newApplication('rate.limited@example.com')).catch((e: unknown) => e as ConnectorError);
    expect(refused).toMatchObject({ code: 'rate-limited', status: 429, transient: true, retryAfterMs: 42_000 });
    expect(seen).toContainEqual({ rate: { limit: undefined, remaining: 0, resetMs: 42_000 } });

    await post('/__sandbox/faults', { vendor: 'teamtailor', kind: 'rate-limit', method: 'GET', retryAfterSeconds: 0 });
    expect((await ats.findCandidateByEmail('noah.berg@example.com'))?.id).toBe('41877323');

    await post('/__sandbox/rate-limit', { vendor: 'teamtailor', perMinute: 100, headers: true });
    await ats.verify();
    expect(seen.at(-1)).toEqual({ rate: { limit: 100, remaining: 99, resetMs: 60_000 } });
  });

  it('server errors and malformed answers are plain words, and the key is never in them', async () => {
    await post('/__sandbox/faults', { vendor: 'teamtailor', kind: 'server-error', times: 3 });
    const failed = await port().verify().catch((e: unknown) => e as ConnectorError);
    expect(failed).toMatchObject({ code: 'server', transient: true });
    await post('/__sandbox/faults', { vendor: 'teamtailor', kind: 'malformed', times: 3 });
    await expect(port().listJobs({})).rejects.toMatchObject({ code: 'bad-response' });
    expect(JSON.stringify(failed)).not.toContain(TEAMTAILOR_SANDBOX_KEY);
  });
});
