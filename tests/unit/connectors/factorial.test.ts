import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, createFactorialAts, createFactorialHr, FACTORIAL_API_VERSION } from '@/lib/connectors';
import { createFactorialClient } from '@/lib/connectors/factorial/client';
import { currentContractVersion, factorialList, railsQuery, readFactorialError } from '@/lib/connectors/factorial/quirks';
import { Employee, LegalEntity, Team } from '@/lib/connectors/factorial/schemas';
import { fixtureServer, type Reply, type Seen } from './fixture-server';

const KEY = 'sekret-KEY-123456';
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function hrWith(answer: (req: Seen) => Reply) {
  const server = await fixtureServer(answer);
  close = server.close;
  return { hr: createFactorialHr({ apiKey: KEY, baseUrl: server.url }), ats: createFactorialAts({ apiKey: KEY, baseUrl: server.url }), server };
}

// Shaped like the spec's examples (2024-10-01: integer ids; live API: {data, meta} envelope).
const legalEntity = { id: 11, company_id: 1, country: 'es', legal_name: 'Acme S.L.', currency: 'EUR' };
const employee = (id: number | string, email: string, login = email) => ({
  id, access_id: 5, first_name: 'Marta', last_name: 'Serrano', full_name: 'Marta Serrano', company_id: 1, email, login_email: login,
  created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z', is_terminating: false,
});

describe('Factorial quirks', () => {
  it('accepts integer and string ids and stores strings', () => {
    expect(LegalEntity.parse(legalEntity).id).toBe('11');
    expect(LegalEntity.parse({ ...legalEntity, id: '11', company_id: '1' })).toMatchObject({ id: '11', company_id: '1' });
    expect(() => LegalEntity.parse({ ...legalEntity, id: 1.5 })).toThrow();
  });

  it('accepts a list as {data, meta} and as a bare array', () => {
    const list = factorialList(Employee);
    expect(list.parse({ data: [employee(1, 'a@x.io')], meta: { has_next_page: true, total: 2 } })).toMatchObject({ items: [{ id: '1' }], hasNextPage: true });
    expect(list.parse([employee(2, 'b@x.io')])).toMatchObject({ items: [{ id: '2' }], hasNextPage: false });
  });

  it('links people to the web app of the key’s environment: app.factorialhr.com, or app.demo.factorial.dev for the demo', async () => {
    const { FACTORIAL_BASE_URLS, factorialEmployeeUrl, factorialEnvironmentOf } = await import('@/lib/connectors/factorial/environments');
    expect(factorialEmployeeUrl(FACTORIAL_BASE_URLS.production, '7')).toBe('https://app.factorialhr.com/employees/7');
    expect(factorialEmployeeUrl(FACTORIAL_BASE_URLS.demo, '7')).toBe('https://app.demo.factorial.dev/employees/7');
    expect(factorialEnvironmentOf('https://api.demo.factorial.dev')).toBe('demo');
    expect(factorialEnvironmentOf('http://127.0.0.1:4780/factorial')).toBeUndefined();
  });

  it('picks the contract version in force from the latest effective_on (ties: the higher numeric id)', () => {
    expect(currentContractVersion([{ id: '10', effective_on: '2026-01-01' }, { id: '9', effective_on: '2026-12-01' }])?.id).toBe('9');
    expect(currentContractVersion([{ id: '9', effective_on: '2026-12-01' }, { id: '10', effective_on: '2026-12-01' }])?.id).toBe('10');
    expect(currentContractVersion([])).toBeUndefined();
  });

  it('writes array params Rails style', () => {
    expect(railsQuery({ emails: ['a@x.io', 'b+c@x.io'], only_active: false, skip: undefined })).toBe('emails[]=a%40x.io&emails[]=b%2Bc%40x.io&only_active=false');
  });

  it('reads every error shape seen in the wild', () => {
    expect(readFactorialError({ errors: { errors: ['Email has already been taken'] } }).message).toBe('Email has already been taken');
    expect(readFactorialError({ errors: ['first_name is missing'] }).message).toBe('first_name is missing');
    expect(readFactorialError({ message: 'Invalid token' }).message).toBe('Invalid token');
    expect(readFactorialError({ error: 'Forbidden' }).message).toBe('Forbidden');
    expect(readFactorialError({ errors: { email: ['is invalid'] } }).message).toBe('email is invalid');
    expect(readFactorialError('<html>')).toEqual({ message: '<html>' });
  });

  it('reads the other shapes Factorial uses: objects in errors (with their field and code), error objects, a top-level detail', () => {
    // 2027-01-01's documented ErrorResponse: {errors: [{code, message, field}]}.
    expect(readFactorialError({ errors: [{ code: 'validation_failed', message: 'has already been taken', field: 'email' }] })).toEqual({ message: 'email has already been taken', code: 'validation_failed' });
    expect(readFactorialError({ errors: [{ code: 'validation_failed', message: 'First name can\'t be blank', field: 'first_name' }] }).message).toBe('First name can\'t be blank');
    expect(readFactorialError({ errors: [{ code: 'forbidden', message: 'Not allowed', field: null }] }).message).toBe('Not allowed');
    expect(readFactorialError({ error: { message: 'Company is blocked' } }).message).toBe('Company is blocked');
    expect(readFactorialError({ detail: 'Legal entity is not enabled' }).message).toBe('Legal entity is not enabled');
    // A shape that says nothing falls through to the next one that does.
    expect(readFactorialError({ errors: null, detail: 'Nope' }).message).toBe('Nope');
    expect(readFactorialError({ errors: [], message: 'Bad' }).message).toBe('Bad');
    expect(readFactorialError({ errors: null })).toEqual({ code: undefined });
    expect(readFactorialError({ errors: ['a', 'b', 'c', 'd'] }).message).toBe('a; b; c');
  });
});

describe('Factorial HR connector', () => {
  it('sends the key in x-api-key to the pinned version path', async () => {
    const { hr, server } = await hrWith(() => ({ body: { data: [{ id: 1, company_id: 1, employee_id: 2, name: 'Acme', legal_name: 'Acme S.L.' }] } }));
    await expect(hr.verify()).resolves.toEqual({ label: 'Acme S.L.', companyId: '1' });
    expect(server.seen[0].headers['x-api-key']).toBe(KEY);
    expect(server.seen[0].path).toBe(`/api/${FACTORIAL_API_VERSION}/resources/api_public/credentials`);
  });

  it('finds an employee by email with the exact query Factorial wants, matching login_email case-insensitively', async () => {
    const { hr, server } = await hrWith(() => ({ body: { data: [employee('7', 'personal@x.io', 'Work@Acme.io')], meta: { has_next_page: false } } }));
    const found = await hr.findEmployeeByEmail('work@acme.io');
    expect(found).toMatchObject({ id: '7', loginEmail: 'Work@Acme.io' });
    expect(server.seen[0].query).toBe('emails[]=work%40acme.io&only_active=false&only_managers=false&limit=100');
  });

  it('does not report a different person whose email merely came back', async () => {
    const { hr } = await hrWith(() => ({ body: { data: [employee(1, 'someone@else.io')] } }));
    expect(await hr.findEmployeeByEmail('me@x.io')).toBeNull();
  });

  it('follows pages by after_id = the previous end_cursor (opaque), never an item id, until has_next_page is false', async () => {
    // Shaped like the live API: a base64 cursor ("MTE=" is "11") that the client must pass back untouched.
    const { hr, server } = await hrWith((req) => {
      const after = new URLSearchParams(req.query).get('after_id');
      if (after === null) return { body: { data: [legalEntity], meta: { has_next_page: true, end_cursor: 'MTE=', has_previous_page: false, limit: 100, total: 2 } } };
      if (after === 'MTE=') return { body: { data: [{ ...legalEntity, id: 12 }], meta: { has_next_page: false, end_cursor: 'MTI=', has_previous_page: true, limit: 100, total: 2 } } };
      return { status: 400, body: { message: 'Invalid cursor' } };
    });
    expect((await hr.listLegalEntities()).map((l) => l.id)).toEqual(['11', '12']);
    expect(server.seen.map((r) => new URLSearchParams(r.query).get('after_id'))).toEqual([null, 'MTE=']);
  });

  it('stops with a clear error when the server repeats a cursor, or says more follow without one', async () => {
    const looping = await hrWith((req) => {
      const after = new URLSearchParams(req.query).get('after_id');
      return { body: { data: [{ id: after === 'QQ==' ? 2 : 1, name: 'Eng' }], meta: { has_next_page: true, end_cursor: after === 'QQ==' ? 'Qg==' : 'QQ==' } } };
    });
    // Page 1 → "QQ==", page 2 → "Qg==", page 3 (asked with "Qg==") answers "QQ==" again: a loop.
    const error = (await looping.hr.listTeams().catch((e) => e)) as ConnectorError;
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'bad-response', transient: false });
    expect(error.message).toBe('Factorial sent the same page twice while listing teams, so Hirebridge stopped instead of reading in a loop. Try again later; if it keeps happening, tell Factorial support.');
    expect(looping.server.seen).toHaveLength(3);
    await close!();

    const same = await hrWith(() => ({ body: { data: [{ id: 1, name: 'Eng' }], meta: { has_next_page: true, end_cursor: 'QQ==' } } }));
    await expect(same.hr.listTeams()).rejects.toMatchObject({ message: expect.stringContaining('same page twice while listing teams') });
    expect(same.server.seen).toHaveLength(2);
    await close!();

    const noCursor = await hrWith(() => ({ body: { data: [{ id: 1, name: 'Lisbon', company_id: 1 }], meta: { has_next_page: true } } }));
    await expect(noCursor.hr.listLocations()).rejects.toMatchObject({ code: 'bad-response', message: expect.stringContaining('gave no cursor for the next page') });
  });

  it('reads a list to its bound and no further: past it, a clear error instead of part of the list', async () => {
    let n = 0;
    const server = await fixtureServer(() => ({ body: { data: Array.from({ length: 100 }, () => ({ id: ++n, name: `T${n}` })), meta: { has_next_page: true, end_cursor: btoa(String(n)) } } }));
    close = server.close;
    const client = createFactorialClient({ apiKey: KEY, baseUrl: server.url });
    const error = (await client.all(Team, 'teams/teams', {}, 250).catch((e) => e)) as ConnectorError;
    expect(error.message).toBe('Factorial lists more than 250 teams; Hirebridge reads at most 250 and stopped there rather than show an incomplete list.');
    expect(server.seen).toHaveLength(3);
  });

  it('an answer shaped for another API version is a clear error that names the version Hirebridge speaks', async () => {
    // An unsupported version is served with an older schema: here a team without its name.
    const { hr } = await hrWith(() => ({ body: { data: [{ id: 1 }], meta: { has_next_page: false } } }));
    await expect(hr.listTeams()).rejects.toMatchObject({ code: 'bad-response', message: expect.stringContaining(`Factorial API version ${FACTORIAL_API_VERSION}`) });
  });

  it('creates an employee with create_with_contract and is never retried on failure', async () => {
    const { hr, server } = await hrWith((req) => (req.method === 'POST' ? { status: 503, body: { message: 'down' } } : {}));
    const error = await hr.createEmployee({ companyId: '1', firstName: 'Ana', lastName: 'Vidal', email: 'ana@x.io', startDate: '2026-12-01' }).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'server', transient: true });
    expect(server.seen.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(JSON.parse(server.seen[0].body)).toEqual({ company_id: '1', first_name: 'Ana', last_name: 'Vidal', email: 'ana@x.io', contract_starts_on: '2026-12-01' });
  });

  it('writes the job title on the employee\'s current contract version: GET by employee, then one PUT', async () => {
    const version = (id: string, effective: string, title?: string) => ({ id, company_id: '1', employee_id: '7001', effective_on: effective, job_title: title, has_payroll: false, bank_holiday_treatment: 'workable', fr_forfait_jours: false, created_at: 'x', updated_at: 'x' });
    const { hr, server } = await hrWith((req) => {
      if (req.method === 'PUT') return { body: { ...version('9', '2026-12-01'), job_title: JSON.parse(req.body).job_title } };
      return { body: { data: [version('8', '2025-01-01', 'Intern'), version('9', '2026-12-01')], meta: { has_next_page: false } } };
    });
    expect(await hr.currentContract('7001')).toEqual({ id: '9', employeeId: '7001', effectiveOn: '2026-12-01', jobTitle: undefined });
    // job_catalog_tree_node_uuids[] (required by the spec) is an empty list, which leaves no trace in the URL, as the SDK's own.
    expect(server.seen[0].query).toBe('employee_ids[]=7001&limit=100');
    expect(await hr.setJobTitle('9', 'Product Manager')).toMatchObject({ id: '9', jobTitle: 'Product Manager' });
    expect(server.seen[1]).toMatchObject({ method: 'PUT', path: `/api/${FACTORIAL_API_VERSION}/resources/contracts/contract_versions/9` });
    expect(JSON.parse(server.seen[1].body)).toEqual({ id: '9', job_title: 'Product Manager' });
  });

  it('retries a read on 503 and succeeds', async () => {
    let calls = 0;
    const { hr, server } = await hrWith(() => (++calls === 1 ? { status: 503, body: { message: 'busy' } } : { body: { data: [{ id: 1, name: 'Eng' }] } }));
    expect(await hr.listTeams()).toEqual([{ id: '1', name: 'Eng' }]);
    expect(server.seen).toHaveLength(2);
  });

  it('says exactly what a rejected key means, and keeps the key out of every error', async () => {
    const { hr } = await hrWith(() => ({ status: 401, body: { message: `bad key ${KEY}` } }));
    const error = (await hr.verify().catch((e) => e)) as ConnectorError;
    expect(error.message).toBe('The API key was rejected by Factorial. Make sure it was copied completely and has not expired.');
    expect(error.code).toBe('auth');
    expect(JSON.stringify(error.toJSON())).not.toContain(KEY);
  });

  it('turns non-JSON and schema-breaking answers into a clear error naming the field', async () => {
    const broken = await hrWith(() => ({ raw: '{"data": "oops' }));
    await expect(broken.hr.listTeams()).rejects.toMatchObject({ code: 'bad-response', message: expect.stringContaining('not valid JSON') });
    await close!();
    const wrong = await hrWith(() => ({ body: { data: [{ id: 1 }] } }));
    await expect(wrong.hr.listTeams()).rejects.toMatchObject({ code: 'bad-response', message: expect.stringContaining('data') });
  });

  it('parses Retry-After on 429, in seconds and as a date', async () => {
    const { hr } = await hrWith((req) => (req.method === 'POST' ? { status: 429, headers: { 'retry-after': '120' }, body: {} } : {}));
    await expect(hr.createEmployee({ companyId: '1', firstName: 'A', lastName: 'B', email: 'a@b.io' })).rejects.toMatchObject({ code: 'rate-limited', retryAfterMs: 120_000, transient: true });
  });

  it('a key of the other environment (empty answers, no error) is refused with the environment to choose, in English and Spanish', async () => {
    const empty = { body: { data: [], meta: { has_next_page: false, has_previous_page: false, total: 0, limit: 100 } } };
    const { hr, ats, server } = await hrWith(() => empty);
    for (const port of [hr, ats]) {
      const error = (await port.verify().catch((e) => e)) as ConnectorError;
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({ code: 'wrong-environment', transient: false });
      // A custom base URL (here the fixture server) cannot say which environment it is: the words name both.
      expect(error.message).toContain('most likely belongs to another Factorial environment');
      expect(error.message).toContain(new URL(server.url).host);
    }
    // What it read: the key's own credential, then the company's legal entities (one item is enough), nothing else.
    expect(server.seen.map((r) => r.path.split('/resources/')[1])).toEqual(['api_public/credentials', 'companies/legal_entities', 'api_public/credentials', 'companies/legal_entities']);
    expect(new URLSearchParams(server.seen[1].query).get('limit')).toBe('1');
  });

  it('names the environment to pick when the key is used on production or demo', async () => {
    const { setLanguageForTests } = await import('@/lib/i18n');
    const { FACTORIAL_BASE_URLS } = await import('@/lib/connectors/factorial/environments');
    const seen: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify({ data: [], meta: { has_next_page: false } }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    try {
      const onProduction = (await createFactorialHr({ apiKey: KEY, baseUrl: FACTORIAL_BASE_URLS.production }).verify().catch((e) => e)) as ConnectorError;
      expect(onProduction.message).toBe('Factorial accepted this key but shows no company behind it (no account, no legal entity). This key most likely belongs to Factorial’s Demo environment: choose “Demo” as the environment and connect again.');
      const onDemo = (await createFactorialAts({ apiKey: KEY, baseUrl: FACTORIAL_BASE_URLS.demo }).verify().catch((e) => e)) as ConnectorError;
      expect(onDemo.message).toContain('belongs to Factorial’s Production environment: choose “Production”');
      setLanguageForTests('es');
      const enEspanol = (await createFactorialHr({ apiKey: KEY, baseUrl: FACTORIAL_BASE_URLS.production }).verify().catch((e) => e)) as ConnectorError;
      expect(enEspanol.message).toBe('Factorial ha aceptado esta clave, pero no muestra ninguna empresa detrás (ni cuenta ni entidad legal). Lo más probable es que la clave sea del entorno Demo de Factorial: elige «Demo» como entorno y vuelve a conectar.');
      const demoEs = (await createFactorialHr({ apiKey: KEY, baseUrl: FACTORIAL_BASE_URLS.demo }).verify().catch((e) => e)) as ConnectorError;
      expect(demoEs.message).toContain('entorno Producción de Factorial: elige «Producción»');
    } finally {
      setLanguageForTests(undefined);
      globalThis.fetch = realFetch;
    }
    expect(seen.some((u) => u.startsWith('https://api.factorialhr.com/'))).toBe(true);
  });

  it('a key whose credential reads empty but whose company has legal entities is connected (the company is real)', async () => {
    const { hr } = await hrWith((req) => (req.path.endsWith('companies/legal_entities') ? { body: { data: [legalEntity], meta: { has_next_page: false } } } : { body: { data: [] } }));
    await expect(hr.verify()).resolves.toEqual({ label: 'Acme S.L.', companyId: '1' });
  });

  it('reports an unreachable host in plain words', async () => {
    const hr = createFactorialHr({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9' });
    const error = (await hr.verify().catch((e) => e)) as ConnectorError;
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe('Could not reach Factorial at 127.0.0.1:9. Check the base URL and your connection.');
  });
});

describe('Factorial ATS connector', () => {
  it('maps job postings, with the country from the location or else the legal entity', async () => {
    const { ats } = await hrWith((req) => {
      if (req.path.endsWith('locations/locations')) return { body: { data: [{ id: 31, company_id: 1, name: 'Lisbon', country: 'pt', main: true }] } };
      if (req.path.endsWith('companies/legal_entities')) return { body: { data: [legalEntity] } };
      return {
        body: {
          data: [
            { id: '201', title: 'Backend', status: 'published', location_id: '31', remote: false, company_id: 1, ats_company_id: 1 },
            { id: '202', title: 'Sales', status: 'cancelled', legal_entity_id: 11, remote: false, company_id: 1, ats_company_id: 1 },
            // `deleted` (2026-07-01 spec; the SDK's AtsJobPostingStatus): gone from the ATS, so the pull archives it.
            { id: '203', title: 'Ops', status: 'deleted', legal_entity_id: 11, remote: false, company_id: 1, ats_company_id: 1 },
          ],
          meta: { has_next_page: false },
        },
      };
    });
    const page = await ats.listJobs({});
    expect(page.jobs).toMatchObject([
      { id: '201', name: 'Backend', status: 'open', country: 'PT', locationName: 'Lisbon' },
      { id: '202', status: 'closed', country: 'ES', deleted: false },
      { id: '203', status: 'archived', deleted: true },
    ]);
    // An active job deleted in Factorial becomes Archived on the next pull, its ATS status "deleted".
    const { applyPulledJob } = await import('@/lib/jobs/rules');
    const active = { key: 'factorial-ats:203', provider: 'factorial-ats', vendorId: '203', name: 'Ops', atsStatus: 'open', status: 'active', frozen: true, firstSeenAt: 'x', updatedAt: 'x', screeningQuestions: [] } as never;
    expect(applyPulledJob(active, page.jobs[2], 'factorial-ats', 'now')).toMatchObject({ change: 'archived', record: { status: 'archived', atsStatus: 'deleted' } });
    expect(page.next).toBeNull();
  });

  it('marks an application hired when its phase type is "hired"', async () => {
    const { ats } = await hrWith((req) => {
      if (req.path.endsWith('ats/candidates')) return { body: { data: [{ id: 4, first_name: 'Ines', last_name: 'Costa', full_name: 'Ines Costa', email: 'i@x.io' }] } };
      if (req.path.endsWith('ats/applications')) return { body: { data: [{ id: 9, ats_job_posting_id: 201, ats_candidate_id: 4, ats_application_phase_id: 305 }] } };
      if (req.path.endsWith('ats/application_phases')) return { body: { data: [{ id: 305, ats_job_posting_id: 201, name: 'Hired', phase_type: 'hired' }] } };
      return {};
    });
    const candidate = await ats.findCandidateByEmail('I@x.io');
    expect(candidate?.applications).toEqual([{ id: '9', jobId: '201', stageName: 'Hired', hired: true }]);
  });

  it('lists hired applications with the phase filter, one hired phase at a time, never paging through every application', async () => {
    const phases = [
      { id: '305', ats_job_posting_id: '201', name: 'Hired', phase_type: 'hired' },
      { id: '304', ats_job_posting_id: '201', name: 'Offer', phase_type: 'offer' },
      { id: '310', ats_job_posting_id: '202', name: 'Contratado', phase_type: 'hired' },
    ];
    const cv = { filename: 'ines.pdf', url: 'https://files.factorial.example/cv/9.pdf', byte_size: 1200, content_type: 'application/pdf' };
    const { ats, server } = await hrWith((req) => {
      const q = new URLSearchParams(req.query);
      if (req.path.endsWith('ats/application_phases')) return { body: { data: phases, meta: { has_next_page: false } } };
      if (req.path.endsWith('ats/applications')) {
        const phase = q.get('ats_application_phase_id');
        if (phase === '305') return { body: { data: [{ id: '9', ats_job_posting_id: '201', ats_candidate_id: '4', ats_application_phase_id: '305', cv }], meta: { has_next_page: false } } };
        // A server ignoring the filter: the offer-phase application is not taken for a hire.
        if (phase === '310') return { body: { data: [{ id: '11', ats_job_posting_id: '202', ats_candidate_id: '5', ats_application_phase_id: '310', employee_id: '7001' }, { id: '12', ats_job_posting_id: '201', ats_candidate_id: '6', ats_application_phase_id: '304' }], meta: { has_next_page: false } } };
        return { status: 400, body: { message: 'unfiltered listing' } };
      }
      if (req.path.endsWith('ats/candidates')) {
        const ids = q.getAll('ids[]');
        return { body: { data: ids.map((id) => ({ id, first_name: `F${id}`, last_name: 'L', full_name: `F${id} L`, email: `${id}@x.io` })), meta: { has_next_page: false } } };
      }
      return {};
    });
    const { items, next } = await ats.listHiredApplications({});
    expect(next).toBeNull();
    expect(items).toEqual([
      { applicationId: '9', jobId: '201', cv: { fileName: 'ines.pdf', url: cv.url, byteSize: 1200, contentType: 'application/pdf' }, candidate: expect.objectContaining({ id: '4', email: '4@x.io' }) },
      { applicationId: '11', jobId: '202', employee: { id: '7001', url: `${server.url}/employees/7001` }, candidate: expect.objectContaining({ id: '5' }) },
    ]);
    const applicationRequests = server.seen.filter((r) => r.path.endsWith('ats/applications'));
    expect(applicationRequests.map((r) => new URLSearchParams(r.query).get('ats_application_phase_id')).sort()).toEqual(['305', '310']);
  });

  it('ignores a cv that carries no http(s) url instead of failing the application', async () => {
    const { ats } = await hrWith((req) => {
      if (req.path.endsWith('ats/candidates')) return { body: { data: [{ id: 4, first_name: 'Ines', last_name: 'Costa', full_name: 'Ines Costa', email: 'i@x.io' }] } };
      if (req.path.endsWith('ats/applications')) return { body: { data: [{ id: 9, ats_job_posting_id: 201, ats_candidate_id: 4, ats_application_phase_id: 305, cv: { filename: 'x.pdf', url: 'javascript:alert(1)' } }] } };
      return { body: { data: [{ id: 305, ats_job_posting_id: 201, name: 'Hired', phase_type: 'hired' }] } };
    });
    const candidate = await ats.findCandidateByEmail('i@x.io');
    expect(candidate?.applications[0]).toMatchObject({ id: '9', hired: true });
    expect(candidate?.applications[0].cv).toBeUndefined();
  });

  it('a job pull whose server hands out a cursor it gave before stops with a clear error', async () => {
    const { ats } = await hrWith((req) => {
      if (req.path.endsWith('locations/locations') || req.path.endsWith('companies/legal_entities')) return { body: { data: [], meta: { has_next_page: false } } };
      const after = new URLSearchParams(req.query).get('after_id');
      const posting = { id: after ? '202' : '201', title: 'Role', status: 'published', remote: false, company_id: '1', ats_company_id: '1' };
      return { body: { data: [posting], meta: { has_next_page: true, end_cursor: after === 'MQ==' ? 'Mg==' : 'MQ==' } } };
    });
    const first = await ats.listJobs({});
    const second = await ats.listJobs({ cursor: first.next });
    expect([first.next, second.next]).toEqual(['MQ==', 'Mg==']);
    await expect(ats.listJobs({ cursor: second.next })).rejects.toMatchObject({ code: 'bad-response', message: expect.stringContaining('same page twice while listing job postings') });
  });
});

describe('Factorial custom fields, against the sandbox (which follows the 2026-07-01 spec)', () => {
  it('lists fields with their options and legal entity, reads an employee’s values, writes one value as valuable_type Employee', async () => {
    const { startSandbox, SANDBOX_KEYS } = await import('../../../sandbox/server');
    const sandbox = await startSandbox();
    close = () => sandbox.close();
    await fetch(`${sandbox.url}/__sandbox/factorial/custom-fields`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Laptop', field_type: 'multiple_choice', required: true, legal_entity_id: 11, options: ['Mac', 'Linux'] }),
    });
    const hr = createFactorialHr({ apiKey: SANDBOX_KEYS.factorial, baseUrl: `${sandbox.url}/factorial` });
    const fields = await hr.listCustomFields();
    expect(fields).toContainEqual({ id: '501', label: 'T-Shirt Size', type: 'single_choice', required: false, legalEntityId: undefined, legalEntityName: undefined, options: ['S', 'M', 'L'].map((v) => ({ value: v, label: v })) });
    const laptop = fields.find((f) => f.label === 'Laptop')!;
    expect(laptop).toMatchObject({ type: 'multiple_choice', required: true, legalEntityId: '11', legalEntityName: 'Hirebridge Demo S.L.', options: [{ value: 'Mac' }, { value: 'Linux' }] });

    const created = await hr.createEmployee({ companyId: '1', firstName: 'Ana', lastName: 'Vidal', email: 'ana.vidal@example.com', legalEntityId: '11' });
    expect(await hr.customFieldValues(created.id)).toEqual(new Map());
    await hr.writeCustomFieldValue(laptop.id, created.id, 'Mac,Linux');
    expect(await hr.customFieldValues(created.id)).toEqual(new Map([[laptop.id, 'Mac,Linux']]));
    // A value of the wrong type: Factorial's own refusal, in plain words.
    await expect(hr.writeCustomFieldValue('501', created.id, 'XXL')).rejects.toMatchObject({ status: 422, message: expect.stringContaining('not one of the options') });
  });
});
