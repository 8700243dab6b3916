import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '@/lib/connectors';
import { recruitee } from '@/lib/connectors/recruitee';
import { companyBase } from '@/lib/connectors/recruitee/client';
import { readRecruiteeError } from '@/lib/connectors/recruitee/errors';
import { recruitee as standIn } from '../../../sandbox/recruitee/api';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

const TOKEN = standIn.keys.token;
const COMPANY = standIn.keys.companyId;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

const port = (secret = TOKEN, company = COMPANY) => recruitee.create({ secret, accountId: company, baseUrl: `${sandbox.url}/recruitee/c/${company}` });
const post = (path: string, body: unknown) =>
  fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const deny = (denied: string[]) => post('/__sandbox/recruitee/rights', { denied });
const state = async () =>
  (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()).recruitee as {
    candidates: {
      id: number;
      name: string;
      emails: string[];
      sources: string[];
      links: string[];
      cv: { fileName: string; contentType: string; bytes: number; isPdf: boolean } | null;
      placements: { id: number; offer_id: number; stage: string }[];
    }[];
  };
const failure = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
};
const PDF_BASE64 = Buffer.from('%PDF-1.4\n% Hirebridge profile\n').toString('base64');
const newApplication = (extra: Record<string, unknown> = {}) => ({
  jobId: '1181300',
  existingCandidateId: null,
  candidate: { firstName: 'Marta', lastName: 'Ruiz Vidal', email: 'marta.ruiz@example.com', phone: '+34 611 222 333' },
  cv: { fileName: 'marta-ruiz.pdf', base64: PDF_BASE64 },
  answers: [],
  sourceName: 'Hirebridge',
  link: { label: 'LinkedIn', url: 'https://www.linkedin.com/in/marta-ruiz' },
  ...extra,
});

describe('Recruitee card', () => {
  it('asks for the company ID and the personal API token, and builds the company’s API base', () => {
    expect(recruitee.fields.map((f) => [f.key, f.label])).toEqual([
      ['accountId', 'Company ID'],
      ['secret', 'Personal API token'],
    ]);
    expect(recruitee.baseUrl('production', ' 89564 ')).toBe('https://api.recruitee.com/c/89564');
    expect(recruitee.fields[0].check?.('89564')).toBeUndefined();
    expect(recruitee.fields[0].check?.('https://app.recruitee.com/#/?company=1')).toMatch(/number/);
    expect(recruitee.apiHosts).toEqual(['https://api.recruitee.com/*']);
  });

  it('puts the company in the path of a Custom base URL that stands for api.recruitee.com, once', () => {
    expect(companyBase('https://proxy.example.com/recruitee/', '89564')).toBe('https://proxy.example.com/recruitee/c/89564');
    expect(companyBase('https://api.recruitee.com/c/89564', '89564')).toBe('https://api.recruitee.com/c/89564');
  });
});

describe('Recruitee connector against the stand-in', () => {
  it('reaches the company through a Custom base URL without the company path', async () => {
    const ats = recruitee.create({ secret: TOKEN, accountId: COMPANY, baseUrl: `${sandbox.url}/recruitee` });
    await expect(ats.listJobs({})).resolves.toMatchObject({ jobs: expect.arrayContaining([expect.objectContaining({ id: '1181300' })]) });
  });

  it('verifies with one read of the jobs; a wrong token, an unknown company and a missing right each say so', async () => {
    await expect(port().verify()).resolves.toEqual({ label: `Recruitee company ${COMPANY}`, tool: 'recruitee' });

    const wrong = await failure(port('rcte_wrong_token_123').verify());
    expect(wrong.code).toBe('auth');
    expect(wrong.message).toMatch(/did not accept the personal API token/);
    expect(wrong.message).not.toContain('rcte_wrong_token_123');

    const company = await failure(port(TOKEN, '424242').verify());
    expect(company.message).toMatch(/no company “424242”/);

    await deny(['offers']);
    const forbidden = await failure(port().verify());
    expect(forbidden.code).toBe('forbidden');
    expect(forbidden.message).toMatch(/not allowed to see the jobs/);
  });

  it('pulls every job in one page: statuses mapped, talent pools left out, location and country kept, not incremental', async () => {
    const ats = port();
    expect(ats.incrementalJobs).toBe(false);
    const page = await ats.listJobs({});
    expect(page.next).toBeNull();
    expect(page.jobs.map((j) => [j.id, j.status, j.country, j.locationName])).toEqual([
      ['1181300', 'open', 'DE', 'Berlin, DE'],
      ['1181301', 'open', 'ES', 'Madrid, ES'],
      ['1181302', 'closed', 'PT', 'Lisbon, PT'],
      ['1181303', 'archived', 'FR', 'Paris, FR'],
    ]);
  });

  it('reads the candidate by the id in the web app’s URL, with job, stage, hire and the start date of the hired placement', async () => {
    const ats = port();
    const lucas = await ats.findCandidateByRemoteId('46044144');
    expect(lucas).toMatchObject({ id: '46044144', firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com', phone: '+33 6 12 34 56 78' });
    expect(lucas?.applications).toEqual([
      expect.objectContaining({ id: '48791516', jobId: '1181300', jobName: 'Senior Backend Engineer', stageName: 'Hired', hired: true }),
    ]);
    await expect(ats.hireStartDate!('48791516')).resolves.toEqual({ startDate: '2027-01-04' });

    const ana = await ats.findCandidateByRemoteId('46044126');
    expect(ana?.applications[0]).toMatchObject({ stageName: 'Interview', hired: false });
    await expect(ats.hireStartDate!('48791494')).resolves.toEqual({ gap: 'no-accepted-offer' });
    await expect(ats.findCandidateByRemoteId('1')).resolves.toBeNull();
    expect((await failure(port().hireStartDate!('48791516'))).code).toBe('not-found');
  });

  it('finds a candidate by the exact email only (Recruitee’s search is fuzzy), whatever its case', async () => {
    const ats = port();
    await expect(ats.findCandidateByEmail('Lucas.Moreau@Example.com')).resolves.toMatchObject({ id: '46044144' });
    await expect(ats.findCandidateByEmail('lucas.moreau@example.net')).resolves.toBeNull();
    await expect(ats.findCandidateByEmail('lucas.moreau@example.org')).resolves.toMatchObject({ id: '46044140', firstName: 'Luca' });
  });

  it('lists hires page by page with the offset as the cursor', async () => {
    // 100 newer candidates push the hired one onto the second page.
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fetch(`${sandbox.url}/recruitee/c/${COMPANY}/candidates`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ candidate: { name: `Filler ${i}` } }),
        }),
      ),
    );
    const ats = port();
    const first = await ats.listHiredApplications({});
    expect(first).toEqual({ items: [], next: '100' });
    const second = await ats.listHiredApplications({ cursor: first.next });
    expect(second.next).toBeNull();
    expect(second.items).toEqual([
      expect.objectContaining({
        applicationId: '48791516',
        jobId: '1181300',
        jobName: 'Senior Backend Engineer',
        startDate: '2027-01-04',
        candidate: expect.objectContaining({ email: 'lucas.moreau@example.com' }),
      }),
    ]);
  });

  it('creates one candidate with one placement on the job, the source, the link back and the PDF as its CV file', async () => {
    const ats = port();
    expect(ats.acceptsFiles).toBe(true);
    const created = await ats.createApplication(newApplication({ answers: [{ questionId: 'q1', value: 'yes' }] }));
    expect(created).toMatchObject({ existingCandidate: false, cvAttached: true, linkAdded: true });
    expect(created.warnings).toEqual([expect.stringMatching(/takes no screening answers/)]);
    const marta = (await state()).candidates.filter((c) => c.emails.includes('marta.ruiz@example.com'));
    expect(marta).toHaveLength(1);
    expect(marta[0]).toMatchObject({
      id: Number(created.candidateId),
      name: 'Marta Ruiz Vidal',
      sources: ['Hirebridge'],
      links: ['https://www.linkedin.com/in/marta-ruiz'],
      cv: { fileName: 'marta-ruiz.pdf', contentType: 'application/pdf', isPdf: true },
    });
    expect(marta[0].placements).toEqual([expect.objectContaining({ id: Number(created.applicationId), offer_id: 1181300, stage: 'Applied' })]);
    expect(marta[0].cv?.bytes).toBe(Buffer.from(PDF_BASE64, 'base64').length);
  });

  it('puts an existing candidate (found by email) on the job, adding the source and link to what they have', async () => {
    const ats = port();
    const ana = await ats.findCandidateByEmail('ana.garcia@example.com');
    const created = await ats.createApplication(
      newApplication({ existingCandidateId: ana!.id, cv: undefined, candidate: { firstName: 'Ana', lastName: 'García', email: 'ana.garcia@example.com' } }),
    );
    expect(created).toMatchObject({ existingCandidate: true, candidateId: '46044126', cvAttached: false, linkAdded: true, warnings: [] });
    const after = (await state()).candidates.find((c) => c.id === 46044126)!;
    expect(after.sources).toEqual(['Referral', 'Hirebridge']);
    expect(after.placements.map((p) => p.offer_id).sort()).toEqual([1181300, 1181301]);
    // The follow-ups are idempotent: run again after a lost answer, they add nothing twice.
    await expect(
      ats.finishApplication!(
        { applicationId: created.applicationId, candidateId: '46044126' },
        { sourceName: 'Hirebridge', link: { label: 'LinkedIn', url: 'https://www.linkedin.com/in/marta-ruiz' } },
      ),
    ).resolves.toEqual([]);
    const again = (await state()).candidates.find((c) => c.id === 46044126)!;
    expect(again.sources).toEqual(['Referral', 'Hirebridge']);
    expect(again.links).toEqual(['https://www.linkedin.com/in/marta-ruiz']);
  });

  it('names the missing right when the token’s user may not add candidates, and sends nothing else', async () => {
    await deny(['candidates:write']);
    const error = await failure(port().createApplication(newApplication()));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/not allowed to add candidates to this job/);
    expect((await state()).candidates.some((c) => c.emails.includes('marta.ruiz@example.com'))).toBe(false);
  });

  it('gives Recruitee’s 422 in plain words and a 429 with its Retry-After', async () => {
    const refused = await failure(port().createApplication(newApplication({ jobId: '999' })));
    expect(refused.code).toBe('invalid-request');
    expect(refused.message).toBe('Recruitee refused this: offers not found');

    await post('/__sandbox/faults', { vendor: 'recruitee', kind: 'rate-limit', count: 5, retryAfterSeconds: 30 });
    const limited = await failure(port().listJobs({}));
    expect(limited.code).toBe('rate-limited');
    expect(limited.retryAfterMs).toBe(30_000);
    expect(limited.transient).toBe(true);
  });

  it('reads every error body shape Recruitee’s Rails API may give', () => {
    expect(readRecruiteeError({ error: 'Unauthorized' })).toEqual({ message: 'Unauthorized' });
    expect(readRecruiteeError({ error: ['Name can’t be blank', 'Email is invalid'] })).toEqual({ message: 'Name can’t be blank; Email is invalid' });
    expect(readRecruiteeError({ errors: { offer_id: ['has already been taken'] } })).toEqual({ message: 'offer id has already been taken' });
    expect(readRecruiteeError('<html>')).toEqual({});
  });
});
