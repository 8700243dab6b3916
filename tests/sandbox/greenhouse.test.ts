import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { GREENHOUSE_KEYS } from '../../sandbox/greenhouse/api';

/**
 * The Greenhouse stand-in against Greenhouse's own docs: every answer has the shape recorded in
 * tests/vendor/greenhouse/harvest-v3.json (required fields, their types, their enums), and bodies Greenhouse documents
 * as wrong are refused its way (422, `{message, errors: [{message, field}]}`).
 */

type FieldSpec = [string, string];
interface ShapeSpec { required: string[]; properties: Record<string, FieldSpec>; enums?: Record<string, string[]> }
const spec = JSON.parse(readFileSync(resolve(import.meta.dirname, '../vendor/greenhouse/harvest-v3.json'), 'utf8')) as {
  token: { response: ShapeSpec };
  errorEnvelope: ShapeSpec;
  endpoints: Record<string, { item?: ShapeSpec; request?: ShapeSpec; response?: ShapeSpec | string }>;
};

function typeOk(value: unknown, type: string): boolean {
  if (type.endsWith('|null') && value === null) return true;
  const base = type.replace(/\|null$/, '');
  if (base === 'integer') return Number.isInteger(value);
  if (base === 'string') return typeof value === 'string';
  if (base === 'boolean') return typeof value === 'boolean';
  if (base === 'object') return !!value && typeof value === 'object' && !Array.isArray(value);
  const inner = /^array<(.+)>$/.exec(base)?.[1];
  if (inner) return Array.isArray(value) && value.every((v) => typeOk(v, inner));
  throw new Error(`unknown type ${type}`);
}

/** The ways a record departs from its recorded shape (none: it matches). */
function departures(record: unknown, shape: ShapeSpec): string[] {
  if (!record || typeof record !== 'object') return ['not an object'];
  const r = record as Record<string, unknown>;
  const out: string[] = [];
  for (const field of shape.required) if (!(field in r)) out.push(`${field}: missing`);
  for (const [field, [type]] of Object.entries(shape.properties)) if (field in r && !typeOk(r[field], type)) out.push(`${field}: not ${type}`);
  for (const [field, values] of Object.entries(shape.enums ?? {})) if (!field.includes('[') && field in r && !values.includes(String(r[field]))) out.push(`${field}: ${String(r[field])} not in ${values.join('|')}`);
  return out;
}
const expectShape = (records: unknown[], shape: ShapeSpec) => {
  expect(records.length).toBeGreaterThan(0);
  for (const record of records) expect(departures(record, shape)).toEqual([]);
};

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
async function token(secret: string = GREENHOUSE_KEYS.clientSecret) {
  const response = await fetch(`${sandbox.url}/greenhouse/token`, {
    method: 'POST',
    headers: { authorization: basic(GREENHOUSE_KEYS.clientId, secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return { status: response.status, body: await response.json() };
}
async function call(path: string, init: RequestInit = {}, bearer?: string) {
  const auth = bearer ?? (await token()).body.access_token;
  const response = await fetch(path.startsWith('http') ? path : `${sandbox.url}/greenhouse${path}`, {
    ...init,
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}
const post = (path: string, body: unknown) => call(path, { method: 'POST', body: JSON.stringify(body) });
const control = (path: string, body: unknown) => fetch(`${sandbox.url}/__sandbox/greenhouse/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('Greenhouse stand-in: the token (client credentials)', () => {
  it('gives a bearer token for the right Client ID and Secret, in the recorded shape', async () => {
    const ok = await token();
    expect(ok.status).toBe(200);
    expect(departures(ok.body, spec.token.response)).toEqual([]);
    expect(ok.body.token_type).toBe('Bearer');
  });

  it('refuses a wrong secret (invalid_client) and a grant other than client_credentials', async () => {
    const wrong = await token('not-the-secret');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    const response = await fetch(`${sandbox.url}/greenhouse/token`, {
      method: 'POST',
      headers: { authorization: basic(GREENHOUSE_KEYS.clientId, GREENHOUSE_KEYS.clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('unsupported_grant_type');
  });

  it('refuses Harvest calls without a valid, unexpired token, in the Harvest envelope', async () => {
    const none = await call('/v3/jobs', {}, 'made-up');
    expect(none.status).toBe(401);
    expect(departures(none.body, spec.errorEnvelope)).toEqual([]);
    const { body } = await token();
    await control('tokens', { expireAll: true });
    expect((await call('/v3/jobs', {}, body.access_token)).status).toBe(401);
  });
});

describe('Greenhouse stand-in: lists', () => {
  it('answers every list in its recorded shape', async () => {
    for (const [route, path] of [
      ['GET /v3/jobs', '/v3/jobs'],
      ['GET /v3/offices', '/v3/offices'],
      ['GET /v3/candidates', '/v3/candidates'],
      ['GET /v3/applications', '/v3/applications'],
      ['GET /v3/job_stages', '/v3/job_stages'],
      ['GET /v3/offers', '/v3/offers'],
    ] as const) {
      const answer = await call(path);
      expect(answer.status, route).toBe(200);
      expectShape(answer.body, spec.endpoints[route].item!);
    }
  });

  it('pages with a cursor in the Link header, which must be the only query parameter', async () => {
    const first = await call('/v3/jobs?per_page=2');
    expect(first.body).toHaveLength(2);
    const next = /<([^>]+)>;\s*rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    expect(next).toMatch(/\/greenhouse\/v3\/jobs\?cursor=[\w-]+$/);
    const second = await call(next!);
    expect(second.body.map((j: { id: number }) => j.id)).not.toContain(first.body[0].id);
    expect((await call(`${next}&per_page=5`)).status).toBe(422);
    const ids: number[] = [];
    let url: string | undefined = `${sandbox.url}/greenhouse/v3/jobs?per_page=2`;
    while (url) {
      const page = await call(url);
      ids.push(...page.body.map((j: { id: number }) => j.id));
      url = /<([^>]+)>;\s*rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
    }
    expect(ids).toEqual([5001, 5002, 5003, 5004, 5005]);
  });

  it('filters by updated_at with an operator, by email case-insensitively, by status and by parent ids', async () => {
    const recent = await call(`/v3/jobs?updated_at=${encodeURIComponent('gte|2026-11-15T00:00:00Z')}`);
    expect(recent.body.map((j: { id: number }) => j.id).sort()).toEqual([5001, 5003]);
    expect((await call('/v3/jobs?updated_at=2026-11-15')).status).toBe(422);
    const lucas = await call('/v3/candidates?email=LUCAS.MOREAU@example.com');
    expect(lucas.body.map((c: { id: number }) => c.id)).toEqual([7001]);
    const hired = await call('/v3/applications?status=hired');
    expect(hired.body.map((a: { id: number }) => a.id)).toEqual([8001, 8003]);
    const offers = await call('/v3/offers?application_ids=8001&current_only=true');
    expect(offers.body).toEqual([expect.objectContaining({ id: 9002, status: 'accepted', start_on: '2027-01-04' })]);
  });
});

describe('Greenhouse stand-in: writes', () => {
  it('creates a candidate, an application and a resume attachment from documented bodies', async () => {
    const candidate = await post('/v3/candidates', {
      first_name: 'Zoë',
      last_name: 'Ñúñez',
      email_addresses: [{ value: 'zoe@example.com', type: 'personal' }],
      tags: ['Hirebridge'],
      website_addresses: [{ value: 'https://example.com/zoe', type: 'other' }],
    });
    expect(candidate.status).toBe(201);
    expect(departures(candidate.body, spec.endpoints['GET /v3/candidates'].item!)).toEqual([]);
    const application = await post('/v3/applications', { candidate_id: candidate.body.id, job_id: 5001 });
    expect(application.status).toBe(201);
    expect(departures(application.body, spec.endpoints['GET /v3/applications'].item!)).toEqual([]);
    const attachment = await post('/v3/attachments', { application_id: application.body.id, filename: 'zoe.pdf', type: 'resume', content: Buffer.from('%PDF-1.7 x').toString('base64') });
    expect(attachment.status).toBe(201);
    expect(departures(attachment.body, spec.endpoints['POST /v3/attachments'].response as ShapeSpec)).toEqual([]);
    const state = await (await fetch(`${sandbox.url}/__sandbox/state`)).json();
    expect(state.greenhouse.attachments).toEqual([expect.objectContaining({ application_id: application.body.id, type: 'resume', magic: '%PDF' })]);
  });

  it('refuses what the docs say is wrong, naming the field', async () => {
    const cases: [string, unknown, string][] = [
      ['/v3/candidates', { last_name: 'Only' }, 'first_name'],
      ['/v3/candidates', { first_name: 'A', last_name: 'B', email_addresses: [{ value: 'a@b.c', type: 'home' }] }, 'email_addresses[0].type'],
      ['/v3/applications', { candidate_id: 7002, job_id: '5001' }, 'job_id'],
      ['/v3/applications', { candidate_id: 7002, job_id: 5004 }, 'job_id'],
      ['/v3/applications', { candidate_id: 7002, job_id: 5002 }, 'job_id'],
      ['/v3/attachments', { application_id: 8002, filename: 'cv.pdf', type: 'cv', content: 'JVBERg==' }, 'type'],
      ['/v3/attachments', { application_id: 8002, filename: 'cv.pdf', type: 'resume' }, 'content'],
      ['/v3/attachments', { application_id: 8002, filename: 'cv.pdf', type: 'resume', content: 'JVBERg==', url: 'https://x.test/cv.pdf' }, 'content'],
    ];
    for (const [path, body, field] of cases) {
      const answer = await post(path, body);
      expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(422);
      expect(departures(answer.body, spec.errorEnvelope)).toEqual([]);
      expect(answer.body.errors[0].field).toBe(field);
    }
  });
});

describe('Greenhouse stand-in: the credential', () => {
  it('refuses a call whose scope was not granted, naming it, and an address off the IP allow-list', async () => {
    await control('scopes', { missing: ['harvest:candidates:create'] });
    const refused = await post('/v3/candidates', { first_name: 'A', last_name: 'B' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('harvest:candidates:create');
    expect((await call('/v3/candidates')).status).toBe(200);
    await control('ip-allow-list', { refused: true });
    const ip = await call('/v3/jobs');
    expect(ip.status).toBe(403);
    expect(ip.body.message).toMatch(/IP address/);
  });

  it('answers a 429 with Retry-After and X-RateLimit-Reset, and the limit headers while a limit is set', async () => {
    await fetch(`${sandbox.url}/__sandbox/rate-limit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'greenhouse', perMinute: 2, windowMs: 10_000, methods: ['GET', 'POST'], headers: true }) });
    const bearer = (await token()).body.access_token;
    const first = await call('/v3/jobs', {}, bearer);
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    const limited = await call('/v3/jobs', {}, bearer);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });
});
