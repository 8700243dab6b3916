import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GREENHOUSE_KEYS } from '../../../sandbox/greenhouse/api';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { ConnectorError } from '../../../lib/connectors/errors';
import type { VendorLimits } from '../../../lib/connectors/http';
import type { AtsPort, NewApplication } from '../../../lib/connectors/types';
import { greenhouse } from '../../../lib/connectors/greenhouse';
import { nextLink, startDateFrom } from '../../../lib/connectors/greenhouse/ats';
import { clearGreenhouseTokens, tokenUrlFor } from '../../../lib/connectors/greenhouse/client';
import { classifyGreenhouseError, namingScope } from '../../../lib/connectors/greenhouse/errors';
import { readGreenhouseLimits } from '../../../lib/connectors/greenhouse/limits';

/** The Greenhouse port against the stand-in (sandbox/greenhouse/api.ts), started here. */

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  clearGreenhouseTokens();
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
});

const port = (secret: string = GREENHOUSE_KEYS.clientSecret, onLimits?: (l: VendorLimits) => void): AtsPort =>
  greenhouse.create({ secret, accountId: GREENHOUSE_KEYS.clientId, baseUrl: `${sandbox.url}/greenhouse/v3` }, onLimits ? { onLimits: (_i, l) => onLimits(l) } : undefined);
const control = (path: string, body: unknown) => fetch(`${sandbox.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const state = async () => (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()).greenhouse;
const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as ConnectorError;
  }
  throw new Error('expected a failure');
};

const newApplication = (over: Partial<NewApplication> = {}): NewApplication => ({
  jobId: '5002',
  existingCandidateId: null,
  candidate: { firstName: 'Zoë', lastName: 'Ñúñez', email: 'zoe.nunez@example.com', phone: '+34 600 000 000' },
  cv: { fileName: 'Zoe Nunez.pdf', base64: Buffer.from('%PDF-1.7 profile').toString('base64') },
  answers: [],
  sourceName: 'Hirebridge',
  link: { label: 'Profile', url: 'https://sourcing.example/p/zoe' },
  ...over,
});

describe('Greenhouse connect and token', () => {
  it('verifies with one token and one read, and keeps the token for the next calls', async () => {
    const ats = port();
    await expect(ats.verify()).resolves.toMatchObject({ tool: 'greenhouse' });
    await ats.listJobs({});
    await ats.findCandidateByEmail('ana.garcia@example.com');
    expect((await state()).tokensIssued).toBe(1);
  });

  it('says in plain words when the Client ID or Secret is wrong, never echoing the secret', async () => {
    const error = await failure(port('wrong-secret-123456').verify());
    expect(error.code).toBe('auth');
    expect(error.message).toMatch(/Client ID or Client Secret/);
    expect(error.message).not.toContain('wrong-secret-123456');
  });

  it('renews a token before it expires, and once more when Greenhouse refuses a cached one', async () => {
    await control('greenhouse/tokens', { seconds: 30 });
    const ats = port();
    await ats.verify();
    await ats.verify();
    // 30 s tokens are inside the renewal margin: each call gets a fresh one.
    expect((await state()).tokensIssued).toBe(2);
    await control('greenhouse/tokens', { seconds: 3600 });
    await ats.verify();
    await control('greenhouse/tokens', { expireAll: true });
    await expect(ats.verify()).resolves.toBeTruthy();
    expect((await state()).tokensIssued).toBe(4);
  });

  it('gets the token beside a custom base, and from auth.greenhouse.io for production', () => {
    expect(tokenUrlFor('https://harvest.greenhouse.io/v3')).toBe('https://auth.greenhouse.io/token');
    expect(tokenUrlFor('http://127.0.0.1:4010/greenhouse/v3/')).toBe('http://127.0.0.1:4010/greenhouse/token');
  });
});

describe('Greenhouse jobs', () => {
  it('pages through the Link header and maps status and office', async () => {
    const ats = port();
    const pages = [];
    let cursor: string | null = null;
    do {
      const page = await ats.listJobs({ cursor, pageSize: 2 });
      pages.push(page.jobs);
      cursor = page.next;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const jobs = pages.flat();
    expect(jobs.map((j) => [j.id, j.status])).toEqual([
      ['5001', 'open'],
      ['5002', 'open'],
      ['5003', 'open'],
      ['5004', 'closed'],
      ['5005', 'draft'],
    ]);
    expect(jobs[0]).toMatchObject({ name: 'Senior Backend Engineer', locationName: 'Paris, France', deleted: false, changedAt: '2026-11-20T09:00:00.000Z' });
    expect(jobs[1].locationName).toBe('Berlin, Germany');
  });

  it('lists only jobs changed since the watermark when asked (updated_at=gte|…)', async () => {
    const ats = port();
    expect(ats.incrementalJobs).toBe(true);
    const { jobs } = await ats.listJobs({ updatedAfter: '2026-11-15T00:00:00.000Z' });
    expect(jobs.map((j) => j.id)).toEqual(['5001', '5003']);
  });

  it('reads the next link of an RFC 8288 Link header, and refuses one that leaves the API', async () => {
    expect(nextLink('<https://harvest.greenhouse.io/v3/jobs?cursor=abc>; rel="next"')).toBe('https://harvest.greenhouse.io/v3/jobs?cursor=abc');
    expect(nextLink('<https://h/prev>; rel="prev", <https://h/n?cursor=x,y>; rel="next"')).toBe('https://h/n?cursor=x,y');
    expect(nextLink(null)).toBeNull();
    const error = await failure(port().listJobs({ cursor: 'https://elsewhere.example/v3/jobs?cursor=abc' }));
    expect(error.code).toBe('bad-response');
    expect(error.message).toContain('elsewhere.example');
  });
});

describe('Greenhouse candidates and hires', () => {
  it('finds the candidate of a /people/:pid page by that id, with the application, job and stage', async () => {
    const lucas = await port().findCandidateByRemoteId('7001');
    expect(lucas).toMatchObject({ id: '7001', firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com', phone: '+33 6 12 34 56 78' });
    expect(lucas!.applications).toEqual([expect.objectContaining({ id: '8001', jobId: '5001', jobName: 'Senior Backend Engineer', stageName: 'Offer', hired: true })]);
    expect(await port().findCandidateByRemoteId('999999')).toBeNull();
    expect(await port().findCandidatesByRemoteIds(['7001', '7002', 'x'])).toHaveLength(2);
  });

  it('finds a candidate by email whatever its case, and nobody for an unknown one', async () => {
    expect((await port().findCandidateByEmail(' Ana.Garcia@EXAMPLE.com '))?.id).toBe('7002');
    expect(await port().findCandidateByEmail('nobody@example.com')).toBeNull();
  });

  it('lists hired applications with the accepted offer’s start date (not the deprecated offer’s), or why there is none', async () => {
    const { items, next } = await port().listHiredApplications({});
    expect(next).toBeNull();
    const lucas = items.find((i) => i.candidate.lastName === 'Moreau');
    expect(lucas).toMatchObject({ applicationId: '8001', jobName: 'Senior Backend Engineer', startDate: '2027-01-04' });
    expect(items.find((i) => i.candidate.lastName === 'Raman')).toMatchObject({ startDateGap: 'no-accepted-offer' });
    expect(await port().hireStartDate!('8001')).toEqual({ startDate: '2027-01-04' });
    expect(startDateFrom([{ id: '1', application_id: '2', status: 'Accepted', start_on: undefined, starts_at: undefined, version: 1, updated_at: undefined, custom_fields: undefined }])).toEqual({ gap: 'no-start-date' });
    expect(startDateFrom([{ id: '1', application_id: '2', status: 'accepted', starts_at: '2027-03-01', start_on: undefined, version: 1, updated_at: undefined, custom_fields: undefined }])).toEqual({ startDate: '2027-03-01' });
  });
});

describe('Greenhouse Sync to ATS', () => {
  it('creates the candidate with the source tag and link, the application on the job, and the PDF as its resume', async () => {
    const created = await port().createApplication(newApplication());
    expect(created).toMatchObject({ existingCandidate: false, cvAttached: true, linkAdded: true, warnings: [] });
    const s = await state();
    const candidate = s.candidates.find((c: { id: number }) => String(c.id) === created.candidateId);
    expect(candidate).toMatchObject({ first_name: 'Zoë', tags: ['Hirebridge'], website_addresses: [{ value: 'https://sourcing.example/p/zoe', type: 'other' }], email_addresses: [{ value: 'zoe.nunez@example.com', type: 'personal' }] });
    expect(s.applications.filter((a: { candidate_id: number }) => String(a.candidate_id) === created.candidateId)).toEqual([expect.objectContaining({ job_id: 5002 })]);
    expect(s.attachments).toEqual([expect.objectContaining({ application_id: Number(created.applicationId), type: 'resume', filename: 'Zoe Nunez.pdf', magic: '%PDF' })]);
  });

  it('gives an existing candidate (found by email) the application, without a second candidate', async () => {
    const ats = port();
    const ana = await ats.findCandidateByEmail('ana.garcia@example.com');
    const created = await ats.createApplication(newApplication({ jobId: '5001', existingCandidateId: ana!.id, candidate: { firstName: 'Ana', lastName: 'García', email: 'ana.garcia@example.com' } }));
    expect(created).toMatchObject({ candidateId: '7002', existingCandidate: true, linkAdded: false });
    const s = await state();
    expect(s.candidates).toHaveLength(3);
    expect((await ats.findCandidateByEmail('ana.garcia@example.com'))!.applications.map((a) => a.jobId).sort()).toEqual(['5001', '5002']);
  });

  it('keeps the application when the CV is refused, and says which permission is missing', async () => {
    await control('greenhouse/scopes', { missing: ['harvest:attachments:create'] });
    const created = await port().createApplication(newApplication({ answers: [{ questionId: 'q1', value: 'yes' }] }));
    expect(created.cvAttached).toBe(false);
    expect(created.warnings.join(' ')).toContain('harvest:attachments:create');
    expect(created.warnings.join(' ')).toMatch(/screening answers/);
    expect((await state()).applications.some((a: { id: number }) => String(a.id) === created.applicationId)).toBe(true);
  });

  it('says in plain words why Greenhouse refused an application (a closed job)', async () => {
    const error = await failure(port().createApplication(newApplication({ jobId: '5004' })));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/job_id: The job is not open/);
  });
});

describe('Greenhouse limits and refusals', () => {
  it('reads X-RateLimit-Limit / -Remaining, and turns a long 429 into a rate-limited error with its wait', async () => {
    const seen: VendorLimits[] = [];
    const ats = port(undefined, (l) => seen.push(l));
    await control('rate-limit', { vendor: 'greenhouse', perMinute: 50, windowMs: 10_000, methods: ['GET'], headers: true });
    await ats.verify();
    expect(seen.at(-1)?.rate).toMatchObject({ limit: 50, remaining: 49 });
    await control('faults', { vendor: 'greenhouse', kind: 'rate-limit', method: 'GET', pathIncludes: '/v3/jobs', retryAfterSeconds: 30 });
    const error = await failure(ats.listJobs({}));
    expect(error.code).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('names the missing scope, and explains the IP allow-list', async () => {
    await control('greenhouse/scopes', { missing: ['harvest:jobs:list'] });
    const scope = await failure(port().verify());
    expect(scope.code).toBe('forbidden');
    expect(scope.message).toContain('“harvest:jobs:list”');
    await control('greenhouse/scopes', { missing: [] });
    await control('greenhouse/ip-allow-list', { refused: true });
    const ip = await failure(port().verify());
    expect(ip.code).toBe('forbidden');
    expect(ip.message).toMatch(/IP allow-list/);
  });

  it('names the permission a call needs when Greenhouse’s 403 names none', () => {
    const plain = classifyGreenhouseError(403, { message: 'Forbidden' }, undefined)!;
    expect(plain.message).not.toContain('harvest:');
    expect(namingScope(plain, 'harvest:offers:list').message).toContain('“harvest:offers:list”');
    const ip = classifyGreenhouseError(403, { message: 'Request from an IP address not on the allow-list' }, undefined)!;
    expect(namingScope(ip, 'harvest:offers:list').message).toMatch(/IP allow-list/);
  });

  it('reads X-RateLimit-Reset as epoch seconds or a date', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    const headers = (h: Record<string, string>) => new Headers(h);
    expect(readGreenhouseLimits(headers({ 'x-ratelimit-reset': String(now / 1000 + 7) }), now)?.rate?.resetMs).toBe(7000);
    expect(readGreenhouseLimits(headers({ 'x-ratelimit-reset': 'Mon, 07 Dec 2026 10:00:05 GMT' }), now)?.rate?.resetMs).toBe(5000);
    expect(readGreenhouseLimits(headers({}), now)).toBeUndefined();
  });
});
