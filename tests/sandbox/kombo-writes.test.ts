import { Kombo } from '@kombo-api/sdk';
import { KomboAtsError } from '@kombo-api/sdk/models/errors';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_KEYS, startSandbox, type Sandbox } from '../../sandbox/server';
import { specValidator } from './spec';

/** The sandbox's Kombo write faults, checked against Kombo's spec and read by Kombo's own SDK. */
const spec = specValidator('kombo/kombo-openapi.json');
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

const control = (path: string, body: unknown) =>
  fetch(`${sandbox.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
const kombo = () => new Kombo({ api_key: SANDBOX_KEYS.kombo, integration_id: SANDBOX_KEYS.komboIntegrationId, server_url: `${sandbox.url}/kombo/v1`, retry_config: { strategy: 'none' } });
async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${sandbox.url}/kombo/v1${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SANDBOX_KEYS.kombo}`, 'x-integration-id': SANDBOX_KEYS.komboIntegrationId },
  });
  return { status: response.status, body: await response.json() };
}
const PDF = Buffer.from('%PDF-1.4 Hirebridge test').toString('base64');
const create = (email: string) =>
  call('/ats/jobs/KJ000001/applications', {
    method: 'POST',
    body: JSON.stringify({ candidate: { first_name: 'Ana', last_name: 'Vidal', email_address: email }, attachments: [{ name: 'cv.pdf', type: 'CV', content_type: 'application/pdf', data: PDF }] }),
  });
const candidatesNamed = async (email: string) => (await call(`/ats/candidates?email=${encodeURIComponent(email)}`)).body.data.results.length;

describe('Kombo write faults in the sandbox', () => {
  it('answers an integration-setup code with 409 and its code, which Kombo’s SDK reads as a Kombo ATS error', async () => {
    await control('faults', { vendor: 'kombo', kind: 'kombo-error', code: 'INTEGRATION.QA_FAILED', method: 'POST' });
    const error = await kombo()
      .ats.createApplication({ job_id: 'KJ000001', body: { candidate: { first_name: 'Ana', last_name: 'Vidal', email_address: 'ana@example.com' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KomboAtsError);
    expect((error as KomboAtsError).statusCode).toBe(409);
    expect((error as KomboAtsError).data$.error.code).toBe('INTEGRATION.QA_FAILED');
    expect(await candidatesNamed('ana@example.com')).toBe(0);
  });

  it('TASK_TIMED_OUT with carryOut: the error is answered, and the application exists all the same', async () => {
    await control('faults', { vendor: 'kombo', kind: 'kombo-error', code: 'PLATFORM.TASK_TIMED_OUT', carryOut: true, method: 'POST' });
    const answer = await create('late@example.com');
    expect(answer.body.error.code).toBe('PLATFORM.TASK_TIMED_OUT');
    expect(await candidatesNamed('late@example.com')).toBe(1);
  });

  it('a slow create is invisible until it commits, and a second create meanwhile makes a second candidate (the danger the client must avoid)', async () => {
    await control('faults', { vendor: 'kombo', kind: 'slow-commit', ms: 1500, method: 'POST', pathIncludes: '/applications' });
    const slow = create('slow@example.com');
    // Wait for the state (the create is in flight), not for time.
    const inFlight = async () => ((await fetch(`${sandbox.url}/__sandbox/in-flight`).then((r) => r.json())) as { method: string }[]).some((r) => r.method === 'POST');
    while (!(await inFlight())) await new Promise((r) => setImmediate(r));
    expect(await candidatesNamed('slow@example.com')).toBe(0);
    const second = await create('slow@example.com');
    expect(second.status).toBe(200);
    expect((await slow).status).toBe(200);
    expect(await candidatesNamed('slow@example.com')).toBe(2);
  });

  it('create answers carry warnings (spec-valid); attachment rules are served as the spec says and refuse a file with a warning', async () => {
    await control('faults', { vendor: 'kombo', kind: 'create-warnings', warnings: ['Screening question Q9 is not supported and was skipped.'], method: 'POST' });
    const warned = await create('warned@example.com');
    expect(spec.response('/ats/jobs/{job_id}/applications', 'post', warned.body).errors).toBe('No errors');
    expect(warned.body.warnings).toEqual([{ message: 'Screening question Q9 is not supported and was skipped.' }]);

    const rules = { total_size_bytes: 20_000_000, types: { CV: { is_supported: true, min_amount: 0, max_amount: 1, max_file_size_bytes: 10, accepted_mime_types: ['application/pdf'] }, COVER_LETTER: { is_supported: false }, OTHER: { is_supported: false } } };
    await control('kombo/attachment-restrictions', { attachment_restrictions: rules });
    const served = await call('/ats/actions/ats_create_application');
    expect(spec.response('/ats/actions/ats_create_application', 'get', served.body).errors).toBe('No errors');
    expect(served.body.data.attachment_restrictions).toEqual(rules);
    const refused = await create('big@example.com');
    expect(refused.body.warnings[0].message).toMatch(/attachment "cv.pdf" was not uploaded/);
    const state = await fetch(`${sandbox.url}/__sandbox/state`).then((r) => r.json());
    expect(state.kombo.attachments.filter((a: { application_id?: string }) => a.application_id === refused.body.data.id)).toHaveLength(0);
  });
});
