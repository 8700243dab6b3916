import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { STAND_INS } from '../../sandbox/stand-ins';

/**
 * `POST /__sandbox/jobs {vendor, count}` for the direct ATS stand-ins (the bench's <vendor>-pull-no-change rows): the
 * seeded jobs stay (applications refer to them), copies follow up to `count`, each with its own id.
 */

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }));

const post = (body: unknown) => fetch(`${sandbox.url}/__sandbox/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
type State = Record<string, { jobs?: { id: string | number }[]; offers?: { id: number; kind: string }[] }>;
const jobsOf = async (vendor: string) => {
  const state = (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as State;
  return (state[vendor].jobs ?? state[vendor].offers ?? []).map((j) => String(j.id));
};

describe('generated jobs in the direct ATS stand-ins', () => {
  // Greenhouse's state does not list its jobs; its pull is checked in the bench row.
  for (const vendor of STAND_INS.map((s) => s.vendor).filter((v) => v !== 'greenhouse')) {
    it(`${vendor}: the seeded jobs first, then copies up to the count, every id distinct`, async () => {
      const seeded = await jobsOf(vendor);
      const response = await post({ vendor, count: 120 });
      expect(response.status).toBe(200);
      const after = await jobsOf(vendor);
      // Recruitee's talent pool is an offer but not a job: the count is of jobs.
      const extra = vendor === 'recruitee' ? 1 : 0;
      expect(after).toHaveLength(120 + extra);
      expect(after.slice(0, seeded.length)).toEqual(seeded);
      expect(new Set(after).size).toBe(after.length);
    });
  }

  it('a vendor the sandbox cannot generate for is refused, by name', async () => {
    const response = await post({ vendor: 'lever', count: 10 });
    expect(response.status).toBe(400);
  });
});
