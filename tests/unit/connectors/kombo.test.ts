import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, createKomboAts, komboToolFamily, komboToolFromIntegrationId, resolveKomboBaseUrl } from '@/lib/connectors';
import { classifyKomboError } from '@/lib/connectors/kombo/errors';
import { fixtureServer, type Reply, type Seen } from './fixture-server';

const KEY = 'sekret-KEY-kombo-999';
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function komboWith(answer: (req: Seen) => Reply) {
  const server = await fixtureServer(answer);
  close = server.close;
  return { kombo: createKomboAts({ apiKey: KEY, integrationId: 'greenhouse:abc123', baseUrl: server.url }), server };
}

const success = (data: unknown) => ({ body: { status: 'success', data } });
const error = (status: number, code: string, message = 'nope') => ({ status, body: { status: 'error', error: { code, title: 'x', message, log_url: null } } });
const job = (id: string, extra: Record<string, unknown> = {}) => ({
  id, remote_id: `r${id}`, name: `Job ${id}`, status: 'OPEN', location: { city: 'Berlin', country: 'DE' }, changed_at: '2026-11-01T00:00:00.000Z',
  remote_deleted_at: null, screening_questions: [], ...extra,
});

describe('Kombo quirks', () => {
  it('reads the tool from the integration id, and the base URLs per region', () => {
    expect(komboToolFromIntegrationId('Greenhouse:8d1h')).toBe('greenhouse');
    // Greenhouse Harvest v3 (Kombo's SDK names the tool greenhousev3) is still Greenhouse's web app.
    expect(komboToolFamily('greenhousev3')).toBe('greenhouse');
    expect(komboToolFamily('lever')).toBe('lever');
    expect(resolveKomboBaseUrl('eu')).toBe('https://api.kombo.dev/v1');
    expect(resolveKomboBaseUrl('us')).toBe('https://api.us.kombo.dev/v1');
    expect(resolveKomboBaseUrl('custom', 'https://proxy.example.com/kombo/v1/')).toBe('https://proxy.example.com/kombo/v1');
  });

  it('maps error codes to kinds: limits, unavailable and unknown errors are transient (Kombo’s errors guide); refusals are not', () => {
    const kind = (status: number, code: string) => {
      const e = classifyKomboError(status, { code, message: 'm' });
      return e && [e.code, e.transient];
    };
    expect(kind(429, 'PLATFORM.RATE_LIMIT_EXCEEDED')).toEqual(['rate-limited', true]);
    expect(kind(429, 'PLATFORM.CONCURRENCY_LIMIT_EXCEEDED')).toEqual(['rate-limited', true]);
    expect(kind(503, 'REMOTE.SERVICE_UNAVAILABLE')).toEqual(['server', true]);
    expect(kind(400, 'PLATFORM.INPUT_INVALID')).toEqual(['invalid-request', false]);
    expect(kind(409, 'ATS.APPLICATION_ALREADY_EXISTS')).toEqual(['conflict', false]);
    expect(kind(400, 'ATS.JOB_CLOSED')).toEqual(['invalid-request', false]);
    expect(kind(502, 'REMOTE.UNKNOWN_HTTP_ERROR')).toEqual(['server', true]);
    expect(kind(503, 'REMOTE.UNKNOWN_HTTP_ERROR')).toEqual(['server', true]);
    expect(kind(500, 'PLATFORM.UNKNOWN_ERROR')).toEqual(['server', true]);
    expect(kind(409, 'INTEGRATION.QA_FAILED')).toEqual(['setup', false]);
    expect(kind(500, 'PLATFORM.TASK_TIMED_OUT')).toEqual(['timeout', true]);
    expect(kind(401, 'PLATFORM.AUTHENTICATION_INVALID')).toEqual(['auth', false]);
  });
});

describe('Kombo connector', () => {
  it('verifies the key and the integration, sending both headers', async () => {
    const { kombo, server } = await komboWith((req) => (req.path === '/check-api-key' ? success({ environment_id: 'e', customer_id: 'c' }) : success({ next: null, results: [] })));
    await expect(kombo.verify()).resolves.toEqual({ tool: 'greenhouse' });
    expect(server.seen.map((r) => r.path)).toEqual(['/check-api-key', '/ats/jobs']);
    expect(server.seen[1].headers).toMatchObject({ authorization: `Bearer ${KEY}`, 'x-integration-id': 'greenhouse:abc123' });
  });

  it('pulls jobs incrementally, including deleted ones, passing the cursor back', async () => {
    const { kombo, server } = await komboWith((req) => {
      const q = new URLSearchParams(req.query);
      return q.get('cursor') ? success({ next: null, results: [job('2', { remote_deleted_at: '2026-11-02T00:00:00Z' })] }) : success({ next: 'CUR1', results: [job('1')] });
    });
    const first = await kombo.listJobs({ updatedAfter: '2026-11-01T00:00:00.000Z', pageSize: 100 });
    expect(first).toMatchObject({ next: 'CUR1', jobs: [{ id: '1', status: 'open', country: 'DE', deleted: false }] });
    const second = await kombo.listJobs({ cursor: first.next, updatedAfter: '2026-11-01T00:00:00.000Z', pageSize: 100 });
    expect(second.jobs[0]).toMatchObject({ id: '2', deleted: true });
    const q = new URLSearchParams(server.seen[1].query);
    expect(Object.fromEntries(q)).toEqual({ cursor: 'CUR1', page_size: '100', updated_after: '2026-11-01T00:00:00.000Z', include_deleted: 'true' });
  });

  it('reads a job Kombo emptied 14 days after marking it deleted (every field null) as deleted', async () => {
    const emptied = { ...job('3'), remote_id: null, name: null, status: null, location: null, remote_url: null, post_url: null, remote_deleted_at: null, screening_questions: null };
    const { kombo } = await komboWith(() => success({ next: null, results: [emptied, job('4')] }));
    const { jobs } = await kombo.listJobs({});
    expect(jobs.map((j) => [j.id, j.deleted])).toEqual([['3', true], ['4', false]]);
  });

  it('finds a candidate by the remote id the ATS page shows, and reads HIRED as hired', async () => {
    const { kombo, server } = await komboWith(() =>
      success({
        next: null,
        results: [
          {
            id: 'KC1', remote_id: '40112233', first_name: 'Marta', last_name: 'Serrano',
            email_addresses: [{ email_address: 'marta@x.io', type: 'PERSONAL' }], phone_numbers: [{ phone_number: '+34 600', type: null }],
            applications: [{ id: 'KA1', outcome: 'HIRED', current_stage: { id: 's', name: 'Hired' }, job: { id: 'KJ1', remote_id: 'r1', name: 'Backend' } }],
          },
        ],
      }),
    );
    const found = await kombo.findCandidateByRemoteId('40112233');
    expect(found).toMatchObject({ id: 'KC1', email: 'marta@x.io', phone: '+34 600', applications: [{ id: 'KA1', jobName: 'Backend', stageName: 'Hired', hired: true }] });
    expect(new URLSearchParams(server.seen[0].query).get('remote_ids')).toBe('40112233');
  });

  it('lists hired applications with outcomes=HIRED', async () => {
    const { kombo, server } = await komboWith(() =>
      success({ next: null, results: [{ id: 'KA1', outcome: 'HIRED', job_id: 'KJ1', candidate: { id: 'KC1', remote_id: '1', first_name: 'A', last_name: 'B', email_addresses: [] }, job: { id: 'KJ1', remote_id: '1', name: 'Backend' }, current_stage: null }] }),
    );
    const page = await kombo.listHiredApplications({});
    expect(page.items).toMatchObject([{ applicationId: 'KA1', jobName: 'Backend', candidate: { id: 'KC1' } }]);
    expect(new URLSearchParams(server.seen[0].query).get('outcomes')).toBe('HIRED');
  });

  // Offer rows shaped like GET /ats/offers' results in Kombo's OpenAPI (the fields the connector reads).
  const offer = (id: string, status: string, start: string | null, updated = '2026-10-01T00:00:00.000Z') => ({
    id, remote_id: `r${id}`, status, employment_start_date: start, application_id: 'KA1', remote_updated_at: updated, remote_deleted_at: null, changed_at: updated,
  });
  const hiredApp = (id: string, offers: { id: string; status: string }[]) => ({
    id, remote_id: `r${id}`, outcome: 'HIRED', job_id: 'KJ1', current_stage: null, job: { id: 'KJ1', remote_id: '1', name: 'Backend' },
    candidate: { id: `C${id}`, remote_id: `9${id}`, first_name: 'A', last_name: id, email_addresses: [] }, offers: offers.map((o) => ({ ...o, remote_id: null })),
  });

  it('reads a hire’s start date from the accepted offer: the last updated one, its day; or says why there is none', async () => {
    const offers = [offer('O1', 'ACCEPTED', '2026-12-01T00:00:00.000Z', '2026-10-01T00:00:00Z'), offer('O2', 'ACCEPTED', '2027-01-04T00:00:00.000Z', '2026-11-01T00:00:00Z'), offer('O3', 'ACCEPTED', null), offer('O4', 'SENT', '2027-02-01T00:00:00.000Z')];
    const applications: Record<string, ReturnType<typeof hiredApp>> = {
      A: hiredApp('A', [{ id: 'O1', status: 'ACCEPTED' }, { id: 'O2', status: 'ACCEPTED' }, { id: 'O4', status: 'SENT' }]),
      B: hiredApp('B', [{ id: 'O3', status: 'ACCEPTED' }]),
      C: hiredApp('C', [{ id: 'O4', status: 'SENT' }]),
    };
    const { kombo, server } = await komboWith((req) => {
      const q = new URLSearchParams(req.query);
      const ids = q.get('ids')?.split(',') ?? [];
      if (req.path === '/ats/offers') return success({ next: null, results: offers.filter((o) => ids.includes(o.id)) });
      return success({ next: null, results: ids.map((id) => applications[id]) });
    });
    await expect(kombo.hireStartDate!('A')).resolves.toEqual({ startDate: '2027-01-04' });
    // Only the accepted offers are asked for, by id.
    expect(new URLSearchParams(server.seen[1].query).get('ids')).toBe('O1,O2');
    await expect(kombo.hireStartDate!('B')).resolves.toEqual({ gap: 'no-start-date' });
    const before = server.seen.length;
    await expect(kombo.hireStartDate!('C')).resolves.toEqual({ gap: 'no-accepted-offer' });
    expect(server.seen.slice(before).map((r) => r.path)).toEqual(['/ats/applications']);
  });

  it('adds the start dates to a page of hires with one offers request', async () => {
    const offers = [offer('O1', 'ACCEPTED', '2026-12-01T00:00:00.000Z'), offer('O3', 'ACCEPTED', null)];
    const { kombo, server } = await komboWith((req) =>
      req.path === '/ats/offers'
        ? success({ next: null, results: offers })
        : success({ next: 'N', results: [hiredApp('A', [{ id: 'O1', status: 'ACCEPTED' }]), hiredApp('B', [{ id: 'O3', status: 'ACCEPTED' }]), hiredApp('C', [])] }),
    );
    const page = await kombo.listHiredApplications({});
    expect(page.items.map((i) => [i.applicationId, i.startDate, i.startDateGap])).toEqual([
      ['A', '2026-12-01', undefined],
      ['B', undefined, 'no-start-date'],
      ['C', undefined, 'no-accepted-offer'],
    ]);
    expect(server.seen.map((r) => r.path)).toEqual(['/ats/applications', '/ats/offers']);
    expect(Object.fromEntries(new URLSearchParams(server.seen[1].query))).toEqual({ ids: 'O1,O3', page_size: '2' });
  });

  it('carries the application’s and the accepted offer’s custom fields as text; the candidates’ only when asked (one request more)', async () => {
    const withCustom = (id: string, offers: { id: string; status: string }[], custom: unknown) => ({ ...hiredApp(id, offers), custom_fields: custom });
    const offers = [{ ...offer('O1', 'ACCEPTED', '2026-12-01T00:00:00.000Z'), custom_fields: { compensation: { amount: 52000, currency: 'EUR', history: [{ x: 1 }] }, remote: true } }];
    const { kombo, server } = await komboWith((req) => {
      if (req.path === '/ats/offers') return success({ next: null, results: offers });
      if (req.path === '/ats/candidates') return success({ next: null, results: [{ id: 'CA', first_name: 'A', last_name: 'A', custom_fields: { shirt: 'M', languages: ['es', 'en'], empty: '  ' } }] });
      // B's custom fields are not an object: dropped, the rest of the page is read.
      return success({ next: null, results: [withCustom('A', [{ id: 'O1', status: 'ACCEPTED' }], { cost_centre: 'R&D-7', headcount: 3 }), withCustom('B', [], 'broken')] });
    });
    const page = await kombo.listHiredApplications({});
    expect(page.items.map((i) => i.atsValues)).toEqual([
      { application: { cost_centre: 'R&D-7', headcount: '3' }, offer: { 'compensation.amount': '52000', 'compensation.currency': 'EUR', remote: 'true', employment_start_date: '2026-12-01' } },
      {},
    ]);
    expect(server.seen.map((r) => r.path)).toEqual(['/ats/applications', '/ats/offers']);

    const asked = await kombo.listHiredApplications({ candidateCustomFields: true });
    expect(asked.items[0].atsValues?.candidate).toEqual({ shirt: 'M', languages: 'es,en' });
    expect(server.seen.slice(2).map((r) => r.path)).toEqual(['/ats/applications', '/ats/offers', '/ats/candidates']);
    expect(new URLSearchParams(server.seen[4].query).get('ids')).toBe('CA,CB');
  });

  it('imports into Kombo’s tracking with the tool’s id_type, and knows when it cannot', async () => {
    const { kombo, server } = await komboWith(() => success({ id: 'B1Ps8fBZs4bQjVDUM2ZFsCLn', tracked_at: '2026-11-20T10:00:00.000Z', imported_id: {} }));
    expect(kombo.tracking!.plan({ candidateRemoteId: '1', applicationRemoteId: '2' })).toEqual({ possible: true });
    expect(kombo.tracking!.plan({ candidateRemoteId: '1' })).toEqual({ possible: false, reason: 'needs-application-id' });
    await kombo.tracking!.importApplication({ candidateRemoteId: '1', applicationRemoteId: '2' });
    expect(server.seen[0]).toMatchObject({ method: 'POST', path: '/ats/import-tracked-application' });
    const body = JSON.parse(server.seen[0].body);
    expect(body).toEqual({ tracked_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), greenhouse: { id_type: 'application_id', application_id: '2' } });
    await expect(kombo.tracking!.importApplication({ candidateRemoteId: '1' })).rejects.toMatchObject({ code: 'invalid-request' });
    expect(server.seen).toHaveLength(1);

    const { trackingImportPlan, trackingImportBody } = await import('@/lib/connectors/kombo/tracking');
    expect(trackingImportPlan('lever', { candidateRemoteId: '1', applicationRemoteId: '2' })).toEqual({ possible: false, reason: 'unsupported' });
    expect(trackingImportPlan('factorial', { candidateRemoteId: '1', applicationRemoteId: '2' })).toEqual({ possible: false, reason: 'unsupported' });
    expect(trackingImportPlan('smartrecruiters', { candidateRemoteId: '1' })).toEqual({ possible: false, reason: 'needs-job-id' });
    expect(trackingImportBody('smartrecruiters', { candidateRemoteId: 'c1', jobRemoteId: 'j1' }, new Date('2026-11-20T10:00:00Z'))).toEqual({
      tracked_at: '2026-11-20T10:00:00.000Z',
      smartrecruiters: { id_type: 'candidate_and_job_remote_ids', candidate_remote_id: 'c1', job_remote_id: 'j1' },
    });
    expect(trackingImportBody('recruitee', { candidateRemoteId: 'c1', applicationRemoteId: 'p1' }, new Date(0))).toMatchObject({ recruitee: { id_type: 'placement_id', placement_id: 'p1' } });
  });

  it('says who refused an import, with Kombo’s code and words once; a hiccup stays a hiccup', async () => {
    const cases: [Reply, RegExp][] = [
      [error(400, 'REMOTE.INPUT_INVALID', 'Greenhouse answered 404 for /applications/2.'), /^Greenhouse refused to let Kombo import this application into its tracking \(REMOTE\.INPUT_INVALID\)\. Kombo said: Greenhouse answered 404 for \/applications\/2\.$/],
      [error(403, 'INTEGRATION.ACTION_NOT_AVAILABLE', 'Not available for this tool.'), /^The Greenhouse integration in Kombo does not allow importing applications into its tracking \(INTEGRATION\.ACTION_NOT_AVAILABLE\)\. Kombo said: Not available for this tool\.$/],
      [error(400, 'PLATFORM.INPUT_INVALID', 'tracked_at: Required'), /^Kombo did not import this application into its tracking \(PLATFORM\.INPUT_INVALID\)\. Kombo said: tracked_at: Required$/],
    ];
    for (const [reply, message] of cases) {
      const { kombo } = await komboWith(() => reply);
      const e = (await kombo.tracking!.importApplication({ candidateRemoteId: '1', applicationRemoteId: '2' }).catch((x) => x)) as ConnectorError;
      await close!();
      close = undefined;
      expect(e).toBeInstanceOf(ConnectorError);
      expect(e.message).toMatch(message);
      expect(e.vendorCode).toBe((reply.body as { error: { code: string } }).error.code);
    }
    const { kombo } = await komboWith(() => ({ ...error(429, 'PLATFORM.RATE_LIMIT_EXCEEDED'), headers: { 'retry-after': '0' } }));
    await expect(kombo.tracking!.importApplication({ candidateRemoteId: '1', applicationRemoteId: '2' })).rejects.toMatchObject({ code: 'rate-limited', transient: true, message: expect.stringContaining('slow down') });
  });

  it('does not retry a read on a plain 500 at once (the caller retries later), but does on 429 and 503', async () => {
    let calls = 0;
    const failing = await komboWith(() => (calls++, error(500, 'PLATFORM.UNKNOWN_ERROR')));
    await expect(failing.kombo.listJobs({})).rejects.toMatchObject({ code: 'server', transient: true });
    expect(calls).toBe(1);
    await close!();
    calls = 0;
    const flaky = await komboWith(() => (++calls === 1 ? { ...error(429, 'PLATFORM.RATE_LIMIT_EXCEEDED'), headers: { 'retry-after': '0' } } : success({ next: null, results: [] })));
    await expect(flaky.kombo.listJobs({})).resolves.toEqual({ jobs: [], next: null });
    expect(calls).toBe(2);
  });

  it('keeps the key out of every error, whatever went wrong', async () => {
    const answers: Reply[] = [
      error(401, 'PLATFORM.AUTHENTICATION_INVALID', `key ${KEY} invalid`),
      error(403, 'INTEGRATION.PERMISSION_MISSING', KEY),
      error(400, 'PLATFORM.INPUT_INVALID', `Bearer ${KEY}`),
      { raw: `not json ${KEY}` },
      { body: { status: 'success', data: { next: null, results: [{ id: 1 }] } } },
    ];
    for (const answer of answers) {
      const { kombo } = await komboWith(() => answer);
      const e = (await kombo.listJobs({}).catch((x) => x)) as ConnectorError;
      expect(e).toBeInstanceOf(ConnectorError);
      await close!();
      close = undefined;
      if (answer.status === 401) expect(e.message).toBe('The API key was rejected by Kombo. Make sure it was copied completely and has not expired.');
      // Vendor messages are shown, so a vendor echoing the key would leak it: it must be scrubbed.
      expect(`${e.message} ${JSON.stringify(e.toJSON())}`).not.toContain(KEY);
    }
  });
});
