import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, createFactorialAts, createFactorialHr, FACTORIAL_API_VERSION } from '@/lib/connectors';
import { factorialList, railsQuery, readFactorialError } from '@/lib/connectors/factorial/quirks';
import { Employee, LegalEntity } from '@/lib/connectors/factorial/schemas';
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
});

describe('Factorial HR connector', () => {
  it('sends the key in x-api-key to the pinned version path', async () => {
    const { hr, server } = await hrWith(() => ({ body: { data: [{ id: 1, company_id: 1, employee_id: 2, name: 'Acme', legal_name: 'Acme S.L.' }] } }));
    await expect(hr.verify()).resolves.toEqual({ label: 'Acme S.L.' });
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

  it('follows pages by after_id until has_next_page is false', async () => {
    const { hr, server } = await hrWith((req) => {
      const after = new URLSearchParams(req.query).get('after_id');
      return after ? { body: { data: [{ ...legalEntity, id: 12 }], meta: { has_next_page: false } } } : { body: { data: [legalEntity], meta: { has_next_page: true } } };
    });
    expect((await hr.listLegalEntities()).map((l) => l.id)).toEqual(['11', '12']);
    expect(new URLSearchParams(server.seen[1].query).get('after_id')).toBe('11');
  });

  it('creates an employee with create_with_contract and is never retried on failure', async () => {
    const { hr, server } = await hrWith((req) => (req.method === 'POST' ? { status: 503, body: { message: 'down' } } : {}));
    const error = await hr.createEmployee({ companyId: '1', firstName: 'Ana', lastName: 'Vidal', email: 'ana@x.io', startDate: '2026-12-01' }).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'server', transient: true });
    expect(server.seen.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(JSON.parse(server.seen[0].body)).toEqual({ company_id: '1', first_name: 'Ana', last_name: 'Vidal', email: 'ana@x.io', contract_starts_on: '2026-12-01' });
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
          ],
          meta: { has_next_page: false },
        },
      };
    });
    const page = await ats.listJobs({});
    expect(page.jobs).toMatchObject([
      { id: '201', name: 'Backend', status: 'open', country: 'PT', locationName: 'Lisbon' },
      { id: '202', status: 'closed', country: 'ES' },
    ]);
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
});
