import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import managedSchema from '@/public/managed_schema.json';
import { db, resetDbForTests } from '@/lib/db';

/** Facts each flow used to decide its own way: now one rule, and the flows agree on it. */
const hr = {
  findEmployeeByEmail: async () => null,
  listCustomFields: async () => [],
  listEmployees: async () => [],
  listLegalEntities: async () => [{ id: '11', companyId: '1', legalName: 'Hirebridge Demo S.L.', country: 'es' }],
  listTeams: async () => [],
  listLocations: async () => [],
  employeeUrl: (id: string) => `https://app.factorialhr.com/employees/${id}`,
};
vi.mock('@/lib/connections', async (original) => ({ ...(await original<typeof import('@/lib/connections')>()), withHr: (work: (port: unknown) => unknown) => work(hr) }));

const { prepareExport } = await import('@/lib/export');
const { prepareSync } = await import('@/lib/sourcing');
const { capturePageCandidates } = await import('@/lib/hires');
const { splitFullName } = await import('@/lib/people');
const { atsToolName, isConnectedAtsSite } = await import('@/lib/connections');
const { DEFAULT_PULL_MINUTES, MAX_PULL_MINUTES, MIN_PULL_MINUTES } = await import('@/lib/jobs');
const { jobIntents } = await import('@/lib/jobs/intents');
const { exportIntents } = await import('@/lib/export/intents');
const { sourcingIntents } = await import('@/lib/sourcing/intents');
const { hiredListIntents } = await import('@/lib/hires/intents');
const operationIntents = { ...exportIntents, ...sourcingIntents, ...hiredListIntents };
const { answerProblem } = await import('@/lib/sourcing/answers');

const now = new Date().toISOString();
const connection = { environment: 'custom' as const, baseUrl: 'http://127.0.0.1/x', keyHint: '0000', secretId: 's', connectedAt: now, lastCheckAt: now, lastCheckOk: true };

describe('one rule per fact', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
    await db().connections.bulkPut([
      { ...connection, slot: 'ats', provider: 'factorial-ats' },
      { ...connection, slot: 'hr', provider: 'factorial-hr' },
    ]);
  });

  it('a full name splits the same way in Export to FactorialHR, the hired list and Sync to ATS', async () => {
    for (const fullName of ['María José García López', 'Lucas Moreau', 'Zoë', '  Jan  van der  Berg ']) {
      const expected = splitFullName(fullName);
      const exported = await prepareExport('demo-ats', { siteCandidateId: `e-${fullName.length}`, fullName, stage: 'Hired' });
      const synced = await prepareSync({ adapterId: 'lever', fullName, transcript: [], sourceUrl: `https://jobs.lever.co/p/${fullName.length}`, sourceSite: 'Lever' });
      await capturePageCandidates('demo-ats', [{ siteCandidateId: `h-${fullName.length}`, fullName }], [{ siteCandidateId: `h-${fullName.length}`, state: 'exportable' }]);
      const captured = await db().candidates.get(`demo-ats:h-${fullName.length}`);
      expect([exported.fields.firstName, exported.fields.lastName]).toEqual([expected.firstName, expected.lastName]);
      expect([synced.fields.firstName, synced.fields.lastName]).toEqual([expected.firstName, expected.lastName]);
      expect([captured?.firstName, captured?.lastName || undefined]).toEqual([expected.firstName, expected.lastName]);
    }
    // The rule itself: the first word is the first name, compound surnames stay together.
    expect(splitFullName('María José García López')).toEqual({ firstName: 'María', lastName: 'José García López' });
    expect(splitFullName('  Jan  van der  Berg ')).toEqual({ firstName: 'Jan', lastName: 'van der Berg' });
    expect(splitFullName('Zoë')).toEqual({ firstName: 'Zoë', lastName: undefined });
    expect(splitFullName('   ')).toEqual({});
  });

  it('the ATS name and "is this the connected ATS" follow Kombo tool families alike', () => {
    const greenhouse = { id: 'greenhouse', komboTool: 'greenhouse' };
    expect(atsToolName({ provider: 'kombo', tool: 'greenhousev3' })).toBe('Greenhouse');
    expect(atsToolName({ provider: 'kombo', tool: 'smartrecruiters' })).toBe('SmartRecruiters');
    expect(atsToolName({ provider: 'kombo' })).toBeUndefined();
    expect(atsToolName({ provider: 'factorial-ats' })).toBe('Factorial ATS');
    expect(isConnectedAtsSite(greenhouse, { provider: 'kombo', tool: 'greenhousev3' })).toBe(true);
    expect(isConnectedAtsSite(greenhouse, { provider: 'kombo', tool: 'lever' })).toBe(false);
    expect(isConnectedAtsSite(greenhouse, { provider: 'kombo' })).toBe(false);
    expect(isConnectedAtsSite({ id: 'factorial' }, { provider: 'factorial-ats' })).toBe(true);
    expect(isConnectedAtsSite({ id: 'factorial' }, undefined)).toBe(false);
  });

  it('the pull-interval bounds are the same for the intent, the managed policy file and its description', () => {
    const input = jobIntents.setPullInterval.input;
    expect(input.safeParse(MIN_PULL_MINUTES).success).toBe(true);
    expect(input.safeParse(MAX_PULL_MINUTES).success).toBe(true);
    expect(input.safeParse(MIN_PULL_MINUTES - 1).success).toBe(false);
    expect(input.safeParse(MAX_PULL_MINUTES + 1).success).toBe(false);
    expect(managedSchema.properties.pullIntervalMinutes.description).toContain(`${MIN_PULL_MINUTES} to ${MAX_PULL_MINUTES} (default ${DEFAULT_PULL_MINUTES})`);
  });

  it('every intent that takes an operation id takes the same one', () => {
    const id = crypto.randomUUID();
    for (const name of ['exportProgress', 'syncProgress', 'profilePdf', 'retryOperation'] as const) {
      expect(operationIntents[name].input.safeParse(id).success).toBe(true);
      expect(operationIntents[name].input.safeParse('not-an-operation').success).toBe(false);
    }
  });

  it('a screening answer is checked against its question by one rule (the dialog and the service worker both use it)', () => {
    const choice = { required: true, format: 'SINGLE_SELECT', options: [{ id: 'a', name: 'A' }] };
    expect(answerProblem(choice, undefined)).toBe('required');
    expect(answerProblem(choice, 'b')).toBe('invalid');
    expect(answerProblem(choice, 'a')).toBeUndefined();
    expect(answerProblem({ required: false, format: 'NUMBER' }, '')).toBeUndefined();
    expect(answerProblem({ required: false, format: 'NUMBER' }, Number.NaN)).toBe('number');
    expect(answerProblem({ required: false, format: 'DATE' }, '2026-13-45')).toBe('date');
    expect(answerProblem({ required: false, format: 'DATE' }, '2026-12-01')).toBeUndefined();
    expect(answerProblem({ required: false, format: 'MULTI_SELECT', options: [{ id: 'x', name: 'X' }] }, ['x', 'y'])).toBe('invalid');
    expect(answerProblem({ required: false, format: 'TEXT' }, 3)).toBe('invalid');
  });
});
