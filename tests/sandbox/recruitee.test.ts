import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recruitee as standIn } from '../../sandbox/recruitee/api';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { specValidator } from './spec';

/** The Recruitee stand-in against tests/vendor/recruitee/recruitee-api.json (written from Recruitee's docs and recorded answers). */
const spec = specValidator('recruitee/recruitee-api.json');
const TOKEN = standIn.keys.token;
const COMPANY = standIn.keys.companyId;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

async function call(path: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${init.token ?? TOKEN}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${sandbox.url}/recruitee/c/${COMPANY}${path}`, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string>) },
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}
const expectResponse = (path: string, method: string, body: unknown) => expect(spec.response(`/c/{company_id}${path}`, method, body).errors).toBe('No errors');
const expectRequest = (path: string, method: string, body: unknown) => expect(spec.request(`/c/{company_id}${path}`, method, body).errors).toBe('No errors');

describe('Recruitee stand-in', () => {
  it('answers the offers, candidates and search as recruitee-api.json describes them', async () => {
    const offers = await call('/offers');
    expect(offers.status).toBe(200);
    expectResponse('/offers', 'get', offers.body);
    expect(offers.body.offers.map((o: { status: string }) => o.status)).toEqual(expect.arrayContaining(['published', 'internal', 'closed', 'archived']));

    const list = await call('/candidates?limit=2&offset=0');
    expectResponse('/candidates', 'get', list.body);
    expect(list.body.candidates).toHaveLength(2);

    const lucas = await call('/candidates/46044144');
    expectResponse('/candidates/{id}', 'get', lucas.body);
    expect(lucas.body.candidate.placements[0]).toMatchObject({ offer_id: 1181300, job_starts_at: '2027-01-04T00:00:00.000000Z' });
    expect(lucas.body.references).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'Stage', name: 'Hired', category: 'hire' })]));
    // The web app's link carries the API's id (as Recruitee's adminapp_url does).
    expect(lucas.body.candidate.adminapp_url).toBe(`https://app.recruitee.com/#/dashboard/overview?candidate=46044144&company=${COMPANY}`);

    const search = await call(
      `/search/new/candidates?filters_json=${encodeURIComponent(JSON.stringify([{ field: 'all', query: 'lucas.moreau@example.com' }]))}`,
    );
    expectResponse('/search/new/candidates', 'get', search.body);
    // Fuzzy like Recruitee's: the near-namesake with another address is a hit too.
    expect(search.body.hits.map((h: { id: number }) => h.id).sort()).toEqual([46044140, 46044144]);
  });

  it('creates a candidate on a job from the documented body, and refuses a body the docs do not allow', async () => {
    const body = {
      candidate: { name: 'Marta Ruiz', emails: ['marta.ruiz@example.com'], sources: ['Hirebridge'], links: ['https://example.com/in/marta'] },
      offers: [1181300],
    };
    expectRequest('/candidates', 'post', body);
    const created = await call('/candidates', { method: 'POST', json: body });
    expect(created.status).toBe(201);
    expectResponse('/candidates', 'post', created.body);
    expect(created.body.candidate.placements).toEqual([expect.objectContaining({ offer_id: 1181300, stage_id: 8063170 })]);

    const noName = { candidate: { emails: ['x@example.com'] }, offers: [1181300] };
    expect(spec.request('/c/{company_id}/candidates', 'post', noName).valid).toBe(false);
    const refused = await call('/candidates', { method: 'POST', json: noName });
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({ errors: { name: ["can't be blank"] } });
    const unknownOffer = await call('/candidates', { method: 'POST', json: { candidate: { name: 'X' }, offers: [999] } });
    expect(unknownOffer.body.errors.offers).toEqual(['not found']);
  });

  it('puts an existing candidate on a job once, takes the CV as a multipart file, and updates the lists', async () => {
    const placement = { candidate_id: 46044126, offer_id: 1181300 };
    expectRequest('/placements', 'post', placement);
    const placed = await call('/placements', { method: 'POST', json: placement });
    expect(placed.status).toBe(201);
    expectResponse('/placements', 'post', placed.body);
    const again = await call('/placements', { method: 'POST', json: placement });
    expect(again.status).toBe(422);

    const form = new FormData();
    form.append('candidate[cv]', new Blob(['%PDF-1.4 test'], { type: 'application/pdf' }), 'ana-garcia.pdf');
    const cv = await call('/candidates/46044126/update_cv', { method: 'PATCH', body: form });
    expect(cv.status).toBe(200);
    expectResponse('/candidates/{id}/update_cv', 'patch', cv.body);
    const asJson = await call('/candidates/46044126/update_cv', { method: 'PATCH', json: { cv: 'base64' } });
    expect(asJson.status).toBe(422);

    const update = { candidate: { sources: ['Referral', 'Hirebridge'] } };
    expectRequest('/candidates/{id}', 'patch', update);
    const patched = await call('/candidates/46044126', { method: 'PATCH', json: update });
    expectResponse('/candidates/{id}', 'patch', patched.body);
    const state = await (await fetch(`${sandbox.url}/__sandbox/state`)).json();
    expect(state.recruitee.candidates.find((c: { id: number }) => c.id === 46044126)).toMatchObject({
      sources: ['Referral', 'Hirebridge'],
      cv: { fileName: 'ana-garcia.pdf', contentType: 'application/pdf' },
    });
  });

  it('refuses a wrong token with 401, a denied right with 403, an unknown company with 404', async () => {
    expect((await call('/offers', { token: 'nope' })).status).toBe(401);
    await fetch(`${sandbox.url}/__sandbox/recruitee/rights`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ denied: ['candidates:write'] }),
    });
    expect((await call('/offers')).status).toBe(200);
    const denied = await call('/candidates', { method: 'POST', json: { candidate: { name: 'X' } } });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatch(/role/);
    const other = await fetch(`${sandbox.url}/recruitee/c/123/offers`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(other.status).toBe(404);
  });

  it('answers a rate limit with 429 and Retry-After', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vendor: 'recruitee', kind: 'rate-limit', count: 1, retryAfterSeconds: 3 }),
    });
    const limited = await call('/offers');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
  });
});
