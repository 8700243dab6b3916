import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFactorialHr, FACTORIAL_API_VERSION } from '@/lib/connectors';
import { FACTORIAL_JOB_STATUS } from '@/lib/connectors/factorial/ats';
import { createWithContractBody } from '@/lib/connectors/factorial/hr';
import { ALL_JOB_CATALOG_NODES, railsQuery, readFactorialError } from '@/lib/connectors/factorial/quirks';
import { CreateEmployeeBody } from '@/lib/connectors/factorial/schemas';
import { errorForStatus } from '@/lib/connectors/http';
import { createQuerySerializer } from '../../vendor/factorial/sdk/hey-api-query-serializer';
import { fixtureServer } from './fixture-server';

/**
 * Hirebridge's Factorial requests and error reading, held to Factorial's official SDK (factorialco/factorial-api-sdks):
 * its own test fixtures, its generated types of 2026-07-01, 2026-10-01 and 2027-01-01, and its query serializer, all
 * vendored in tests/vendor/factorial/sdk (sources in tests/vendor/factorial/SOURCE.md).
 */
const SDK = resolve(import.meta.dirname, '..', '..', 'vendor', 'factorial', 'sdk');
const sdkFile = (name: string) => readFileSync(resolve(SDK, name), 'utf8');

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Field name → declaration (`str`, `str | Unset = UNSET`, …) and docstring, read from a generated attrs class. */
function generatedFields(source: string): Map<string, { required: boolean; doc: string }> {
  const fields = new Map<string, { required: boolean; doc: string }>();
  const lines = source.split('\n');
  lines.forEach((line, i) => {
    const match = /^ {4}([a-z_0-9]+): (.*)$/.exec(line);
    if (!match || match[1] === 'additional_properties') return;
    const declaration = [match[2], ...lines.slice(i + 1, i + 4)].join(' ');
    const doc = /"""([\s\S]*?)"""/.exec(lines.slice(i + 1, i + 8).join('\n'))?.[1].replace(/\s+/g, ' ').trim() ?? '';
    fields.set(match[1], { required: !/= UNSET/.test(declaration.split('"""')[0]), doc });
  });
  return fields;
}

const BODY_VERSIONS = readdirSync(SDK)
  .map((f) => /^create_with_contract_body\.(\d{4}-\d{2}-\d{2})\.py\.txt$/.exec(f)?.[1])
  .filter((v): v is string => !!v)
  .sort();

describe('create_with_contract, against the SDK’s generated request types', () => {
  const everything = {
    companyId: '1', firstName: 'Ana', lastName: 'Vidal', email: 'ana@x.io', legalEntityId: '11', teamId: '21', locationId: '31',
    startDate: '2026-12-01', country: 'ES', phone: '+34 600 000 000', managerId: '101', trialPeriodEndsOn: '2027-03-01',
  };

  it('holds the three published versions, the pinned one among them', () => {
    expect(BODY_VERSIONS).toEqual(['2026-07-01', '2026-10-01', '2027-01-01']);
    expect(BODY_VERSIONS).toContain(FACTORIAL_API_VERSION);
  });

  it.each(BODY_VERSIONS)('%s: every field Hirebridge sends exists there, and every required one is sent', (version) => {
    const fields = generatedFields(sdkFile(`create_with_contract_body.${version}.py.txt`));
    expect(fields.size).toBeGreaterThan(40);
    const sent = Object.entries(createWithContractBody(everything)).filter(([, v]) => v !== undefined).map(([k]) => k);
    for (const key of sent) expect(fields.has(key), `${key} in ${version}`).toBe(true);
    for (const [key, field] of fields) if (field.required) expect(sent, `required ${key}`).toContain(key);
    expect(sent).toContain('email');
  });

  it('no version has communications_email (nor any email field but `email`): the old 2027-01-01 mapping would send a field Factorial does not have', () => {
    for (const version of BODY_VERSIONS) {
      const fields = generatedFields(sdkFile(`create_with_contract_body.${version}.py.txt`));
      expect([...fields.keys()].filter((k) => k.includes('email'))).toEqual(['email']);
    }
    expect(createWithContractBody(everything)).not.toHaveProperty('communications_email');
    // The body's schema is closed: a field outside the generated types cannot slip in later unnoticed.
    expect(CreateEmployeeBody.safeParse({ company_id: '1', first_name: 'A', last_name: 'B', email: 'a@x.io' }).success).toBe(true);
    expect(CreateEmployeeBody.safeParse({ company_id: '1', first_name: 'A', last_name: 'B', email: 'a@x.io', communications_email: 'a@x.io' }).success).toBe(false);
  });

  it('`email` is the personal email up to 2026-07-01 and the login email from 2026-10-01 (2027-01-01 the same)', () => {
    const doc = (version: string) => generatedFields(sdkFile(`create_with_contract_body.${version}.py.txt`)).get('email')!;
    expect(doc('2026-07-01')).toEqual({ required: true, doc: 'personal email of the employee.' });
    expect(doc('2026-10-01')).toEqual({ required: true, doc: 'login email of the new employee. Not the personal email.' });
    expect(doc('2027-01-01')).toEqual({ required: true, doc: 'login email of the new employee. Not the personal email.' });
  });
});

describe('GET contracts/contract_versions, built as the SDK’s own client builds it', () => {
  const serialize = createQuerySerializer();

  it('the SDK types job_catalog_tree_node_uuids[] as required, and its serializer writes nothing for an empty list', () => {
    const types = sdkFile('types.gen.2026-10-01.contract-versions.ts.txt');
    expect(types).toContain("'job_catalog_tree_node_uuids[]': Array<string>;");
    expect(types).not.toContain("'job_catalog_tree_node_uuids[]'?:");
    expect(serialize({ 'employee_ids[]': ['7001'], 'job_catalog_tree_node_uuids[]': [] })).toBe('employee_ids[]=7001');
  });

  it('our request carries exactly what the SDK’s carries, with an empty node list and with a node filter', async () => {
    const server = await fixtureServer(() => ({ body: { data: [], meta: { has_next_page: false } } }));
    close = server.close;
    await createFactorialHr({ apiKey: 'k', baseUrl: server.url }).currentContract('7001');
    const sent = new URLSearchParams(server.seen[0].query);
    sent.delete('limit'); // paging: the SDK's `all()` adds its own
    const sdk = serialize({ 'employee_ids[]': ['7001'], 'job_catalog_tree_node_uuids[]': [...ALL_JOB_CATALOG_NODES] });
    expect(decodeURIComponent(sent.toString())).toBe(decodeURIComponent(sdk));
    expect(server.seen[0].query).toBe(`${sdk}&limit=100`);
    // A node filter, were one ever sent: the same bytes as the SDK's.
    const nodes = ['jobcatalog_treelevel-14', 'jobcatalog_treelevel-15'];
    expect(railsQuery({ employee_ids: ['7001'], job_catalog_tree_node_uuids: nodes })).toBe(serialize({ 'employee_ids[]': ['7001'], 'job_catalog_tree_node_uuids[]': nodes }));
  });
});

describe('error bodies, as the SDK’s own tests and 2027-01-01 types have them', () => {
  const fixtures = sdkFile('client.test.ts.excerpt.txt');
  // Each body as the vendored excerpt writes it (asserted below, so this table cannot drift from the excerpt).
  const bodies = [
    { line: 'jsonResponse(401, { errors: null }, "Unauthorized")', status: 401, body: { errors: null } },
    { line: 'jsonResponse(422, { detail })', status: 422, body: { detail: 'x'.repeat(500) } },
    { line: 'jsonResponse(429, { retry: true })', status: 429, body: { retry: true } },
    { line: 'jsonResponse(500, { errors: ["boom"] })', status: 500, body: { errors: ['boom'] } },
  ];

  it('the table is the excerpt', () => {
    for (const { line } of bodies) expect(fixtures).toContain(line);
    expect(fixtures).toContain('const detail = "x".repeat(500);');
  });

  it('the 422 with a top-level detail shows Factorial’s words, not “no reason given”', () => {
    const { status, body } = bodies[1];
    const error = errorForStatus('Factorial', status, readFactorialError(body));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/^Factorial did not accept the request\. Factorial said: x{100}/);
    expect(error.message).not.toContain('No reason was given');
  });

  it('the other fixtures: a 401 is the key, a 500 says “boom”, a body with no words gives no words', () => {
    expect(errorForStatus('Factorial', 401, readFactorialError(bodies[0].body)).code).toBe('auth');
    expect(readFactorialError(bodies[3].body).message).toBe('boom');
    expect(readFactorialError(bodies[2].body).message).toBeUndefined();
  });

  it('2027-01-01’s ErrorResponse {errors: [{code, message, field}]} is read with its field and code', () => {
    const types = sdkFile('error_response.2027-01-01.py.txt');
    for (const field of ['errors: list[ErrorResponseErrorsItem]', 'code: ErrorResponseErrorsItemCode', 'message: str', 'field: None | str', 'VALIDATION_FAILED = "validation_failed"']) expect(types).toContain(field);
    const details = readFactorialError({ errors: [{ code: 'validation_failed', message: 'is not a valid email', field: 'email' }, { code: 'validation_failed', message: 'Company must exist', field: null }] });
    expect(details).toEqual({ code: 'validation_failed', message: 'email is not a valid email; Company must exist' });
    expect(errorForStatus('Factorial', 422, details).message).toBe('Factorial did not accept the request. Factorial said: email is not a valid email; Company must exist');
  });
});

describe('job posting statuses and the API version', () => {
  it('every status of the SDK’s AtsJobPostingStatus has a meaning here; deleted is archived', () => {
    const statuses = [...sdkFile('ats_job_posting_status.py.txt').matchAll(/= "([a-z_]+)"/g)].map((m) => m[1]);
    expect(statuses.sort()).toEqual(['archived', 'cancelled', 'deleted', 'draft', 'published', 'unlisted']);
    expect(Object.keys(FACTORIAL_JOB_STATUS).sort()).toEqual(statuses);
    expect(FACTORIAL_JOB_STATUS.deleted).toBe('archived');
  });

  it('the version is pinned in one place: the constant, which is the version of the spec excerpt the tests use', () => {
    const excerpt = JSON.parse(readFileSync(resolve(SDK, '..', 'oas-2026-07-01-excerpt', 'openapi.json'), 'utf8'));
    expect(excerpt.info.version).toBe(FACTORIAL_API_VERSION);
    const root = resolve(import.meta.dirname, '..', '..', '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(resolve(root, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && path !== 'lib/connectors/factorial/environments.ts' && /api\/20\d\d-\d\d-\d\d|FACTORIAL_API_VERSION\s*=/.test(readFileSync(resolve(root, path), 'utf8'))) offenders.push(path);
      }
    };
    for (const dir of ['lib', 'entrypoints', 'components', 'bench', 'scripts']) walk(dir);
    expect(offenders).toEqual([]);
  });
});
