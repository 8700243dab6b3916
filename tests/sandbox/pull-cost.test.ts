import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFactorialAts, createKomboAts } from '@/lib/connectors';
import type { AtsPort } from '@/lib/connectors/types';
import { PULL_PAGE_SIZE } from '@/lib/jobs/pull';
import { SANDBOX_KEYS, startSandbox, type Sandbox } from '../../sandbox/server';

/**
 * What one scheduled pull asks the ATS, counted at the sandbox: the job pull (lib/jobs: every page of listJobs) and
 * the hired pull that follows it (lib/hires: every page of listHiredApplications). The README's "what 200 browsers
 * cost the ATS" is these counts times 8 pulls a day.
 */

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

type Logged = { vendor: string; path: string; query: string };
const control = async <T>(method: string, path: string): Promise<T> => (await fetch(`${sandbox.url}/__sandbox/${path}`, { method })).json() as Promise<T>;

/** One scheduled pull, as the two services page through it; the requests it made. */
async function onePull(ats: AtsPort, updatedAfter?: string): Promise<Logged[]> {
  await control('DELETE', 'requests');
  let cursor: string | null = null;
  do cursor = (await ats.listJobs({ cursor, updatedAfter, pageSize: PULL_PAGE_SIZE })).next;
  while (cursor);
  cursor = null;
  do cursor = (await ats.listHiredApplications({ cursor })).next;
  while (cursor);
  return control<Logged[]>('GET', 'requests');
}

const resource = (r: Logged) => r.path.replace(/^.*\/(resources|v1)\//, '');

describe('what one scheduled pull costs the ATS', () => {
  it('Kombo, nothing changed: 3 requests (the jobs changed since the last pull, the hires, their accepted offers)', async () => {
    const kombo = createKomboAts({ apiKey: SANDBOX_KEYS.kombo, integrationId: SANDBOX_KEYS.komboIntegrationId, baseUrl: `${sandbox.url}/kombo/v1` });
    const requests = await onePull(kombo, new Date().toISOString());
    expect(requests.map(resource)).toEqual(['ats/jobs', 'ats/applications', 'ats/offers']);
  });

  it('Factorial ATS: every job posting page, locations and legal entities, the phases, one listing per hired phase, the hires', async () => {
    const factorial = createFactorialAts({ apiKey: SANDBOX_KEYS.factorial, baseUrl: `${sandbox.url}/factorial` });
    const requests = (await onePull(factorial)).map(resource);
    const count = (name: string) => requests.filter((r) => r === name).length;
    const postings = (await control<{ factorial: { jobPostings: unknown[] } }>('GET', 'state')).factorial.jobPostings.length;
    expect(count('ats/job_postings')).toBe(Math.ceil(postings / 100));
    expect([count('locations/locations'), count('companies/legal_entities'), count('ats/application_phases'), count('ats/candidates')]).toEqual([1, 1, 1, 1]);
    // Phases are per job posting, and the API filters applications by one phase: one request per posting.
    expect(count('ats/applications')).toBe(postings);
    expect(requests).toHaveLength(Math.ceil(postings / 100) + 4 + postings);
  });
});
