import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectorError } from '@/lib/connectors/errors';
import type { ContractVersion, Employee, FactorialHrPort } from '@/lib/connectors/types';
import { db, resetDbForTests } from '@/lib/db';

/** The export operation's handler against a scripted Factorial HR: its steps, and what it does when the create races another. */
const hr = {
  findEmployeeByEmail: vi.fn<(email: string) => Promise<Employee | null>>(),
  createEmployee: vi.fn<FactorialHrPort['createEmployee']>(),
  currentContract: vi.fn<FactorialHrPort['currentContract']>(),
  setJobTitle: vi.fn<FactorialHrPort['setJobTitle']>(),
  customFieldValues: vi.fn<FactorialHrPort['customFieldValues']>(),
  writeCustomFieldValue: vi.fn<FactorialHrPort['writeCustomFieldValue']>(),
  listCustomFields: async () => [],
  listEmployees: async () => [],
  listLegalEntities: async () => [{ id: '11', companyId: '1', legalName: 'Hirebridge Demo S.L.', country: 'es' }],
  listTeams: async () => [],
  listLocations: async () => [],
  employeeUrl: (id: string) => `https://app.factorialhr.com/employees/${id}`,
};
vi.mock('@/lib/connections', () => ({ withHr: (work: (port: unknown) => unknown) => work(hr), withAts: vi.fn() }));

const { enqueue, process, requeue } = await import('@/lib/outbox');
const { queueExport, completeDraft, registerExportOperations } = await import('@/lib/export/service');
// The worker registers the export operation at start (entrypoints/background.ts); so does this test.
registerExportOperations();

const LUCAS: Employee = { id: '7001', firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com' };
const fields = { firstName: 'Lucas', lastName: 'Moreau', email: LUCAS.email!, phone: '', startDate: '2026-12-01', jobTitle: '', legalEntityId: '11', teamId: '', locationId: '' };

type ExportPayload = import('@/lib/export/operation').ExportPayload;
type Delivery = import('@/lib/outbox/records').Delivery;

/** Queue an export; `delivery` stands for what earlier sends of it recorded (the outbox's part, apart from the payload). */
async function enqueueExport(payload: Partial<ExportPayload>, delivery: Partial<Delivery> = {}) {
  const result = await enqueue('export-employee', 'demo-ats:40112234', { fields, companyId: '1', name: 'Lucas Moreau', ...payload });
  if (Object.keys(delivery).length) await db().operations.update(result.operation.id, { delivery: { sends: 0, ...delivery } });
  return result;
}

async function exportOnce(payload: Partial<ExportPayload> = {}, delivery: Partial<Delivery> = {}) {
  const { operation } = await enqueueExport(payload, delivery);
  return process(operation.id);
}

describe('export-employee operation', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
    for (const mock of [hr.findEmployeeByEmail, hr.createEmployee, hr.currentContract, hr.setJobTitle, hr.customFieldValues, hr.writeCustomFieldValue]) mock.mockReset();
  });

  it('a create refused with 422 because the email was just taken looks again and settles on that employee', async () => {
    hr.findEmployeeByEmail.mockResolvedValueOnce(null).mockResolvedValueOnce(LUCAS);
    hr.createEmployee.mockRejectedValueOnce(new ConnectorError({ code: 'invalid-request', vendor: 'Factorial', status: 422, message: 'Email has already been taken' }));
    const done = await exportOnce();
    expect(done).toMatchObject({ state: 'done', remoteId: '7001' });
    expect(hr.findEmployeeByEmail).toHaveBeenCalledTimes(2);
    expect(hr.createEmployee).toHaveBeenCalledTimes(1);
  });

  it('any other refusal stops at needs-attention without a second look', async () => {
    hr.findEmployeeByEmail.mockResolvedValue(null);
    hr.createEmployee.mockRejectedValueOnce(new ConnectorError({ code: 'invalid-request', vendor: 'Factorial', status: 400, message: 'Factorial said: company_id is invalid' }));
    const done = await exportOnce();
    expect(done?.state).toBe('needs-attention');
    expect(hr.findEmployeeByEmail).toHaveBeenCalledTimes(1);
  });

  it('after Retry, an employee created by an earlier send of the same operation counts as created, not as a duplicate', async () => {
    hr.findEmployeeByEmail.mockResolvedValue(LUCAS);
    // Retry resets attempts; `sends` remembers that this operation had been sent before.
    expect((await exportOnce({}, { sends: 1 }))?.delivery.outcome).toBe('created');
    await db().operations.clear();
    expect((await exportOnce())?.delivery.outcome).toBe('duplicate');
    expect(hr.createEmployee).not.toHaveBeenCalled();
  });
});

describe('export-employee steps: the job title on the contract version', () => {
  const contract = (jobTitle?: string): ContractVersion => ({ id: '9100', employeeId: '7001', effectiveOn: '2026-12-01', jobTitle });
  const withTitle = { ...fields, jobTitle: 'Product Manager' };
  const stored = async (id: string) => (await db().operations.get(id))!;

  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
    for (const mock of [hr.findEmployeeByEmail, hr.createEmployee, hr.currentContract, hr.setJobTitle, hr.customFieldValues, hr.writeCustomFieldValue]) mock.mockReset();
    hr.setJobTitle.mockImplementation(async (id, jobTitle) => ({ ...contract(jobTitle), id }));
  });

  it('creates the employee, then writes the job title on their current contract version, once; only then "done"', async () => {
    hr.findEmployeeByEmail.mockResolvedValue(null);
    hr.createEmployee.mockResolvedValue(LUCAS);
    hr.currentContract.mockResolvedValue(contract());
    const done = await exportOnce({ fields: withTitle });
    expect(done).toMatchObject({ state: 'done', remoteId: '7001', delivery: { outcome: 'created' } });
    expect(hr.currentContract).toHaveBeenCalledWith('7001');
    expect(hr.setJobTitle.mock.calls).toEqual([['9100', 'Product Manager']]);
    expect(done?.delivery.steps).toMatchObject({ employee: { done: true, id: '7001', outcome: 'created', createSent: true }, jobTitle: { done: true, contractVersionId: '9100', written: true } });
  });

  it('without a job title there is no contract step; someone already in Factorial HR is never edited', async () => {
    hr.findEmployeeByEmail.mockResolvedValue(null);
    hr.createEmployee.mockResolvedValue(LUCAS);
    expect((await exportOnce())?.state).toBe('done');
    await db().operations.clear();
    hr.findEmployeeByEmail.mockResolvedValue(LUCAS);
    expect(await exportOnce({ fields: withTitle })).toMatchObject({ state: 'done', delivery: { outcome: 'duplicate' } });
    expect(hr.currentContract).not.toHaveBeenCalled();
    expect(hr.setJobTitle).not.toHaveBeenCalled();
  });

  it('a failed contract edit is needs-attention with the reason, never "done"; Retry resumes at that step without a second employee', async () => {
    hr.findEmployeeByEmail.mockResolvedValue(null);
    hr.createEmployee.mockResolvedValue(LUCAS);
    hr.currentContract.mockResolvedValue(contract());
    hr.setJobTitle.mockRejectedValueOnce(new ConnectorError({ code: 'auth', vendor: 'Factorial', status: 401, message: 'The API key was rejected by Factorial.' }));
    const failed = await exportOnce({ fields: withTitle });
    expect(failed?.state).toBe('needs-attention');
    expect(failed?.lastError).toBe('The employee is in Factorial HR, but the job title was not saved: The API key was rejected by Factorial. Retry continues from there.');
    expect(failed?.remoteId).toBeUndefined();
    expect((await stored(failed!.id)).delivery.steps).toMatchObject({ employee: { done: true, id: '7001' } });

    hr.findEmployeeByEmail.mockClear();
    await requeue(failed!.id);
    const retried = await process(failed!.id);
    expect(retried).toMatchObject({ state: 'done', remoteId: '7001', delivery: { outcome: 'created' } });
    expect(hr.findEmployeeByEmail).not.toHaveBeenCalled();
    expect(hr.createEmployee).toHaveBeenCalledTimes(1);
    expect(hr.setJobTitle).toHaveBeenCalledTimes(2);
  });

  it('a contract edit that went through before the worker stopped is not sent again', async () => {
    // Left "sending" by a stopped worker: the employee step is recorded, the PUT had landed, its record had not.
    const { operation } = await enqueueExport({ fields: withTitle }, { steps: { employee: { done: true, id: '7001', url: hr.employeeUrl('7001'), outcome: 'created', createSent: true } } });
    await db().operations.update(operation.id, { state: 'sending' });
    hr.currentContract.mockResolvedValue(contract('Product Manager'));
    expect(await process(operation.id)).toMatchObject({ state: 'done', delivery: { outcome: 'created', steps: { jobTitle: { done: true, written: false } } } });
    expect(hr.findEmployeeByEmail).not.toHaveBeenCalled();
    expect(hr.setJobTitle).not.toHaveBeenCalled();
  });

  it('a create whose answer was lost counts as created on the next run, and its job title is still written', async () => {
    hr.findEmployeeByEmail.mockResolvedValueOnce(null).mockResolvedValueOnce(LUCAS);
    hr.createEmployee.mockRejectedValueOnce(new ConnectorError({ code: 'timeout', vendor: 'Factorial', message: 'Factorial did not answer in time.' }));
    hr.currentContract.mockResolvedValue(contract());
    const { operation } = await enqueue('export-employee', 'demo-ats:40112234', { fields: withTitle, companyId: '1', name: 'Lucas Moreau' });
    expect((await process(operation.id))?.state).toBe('queued');
    await db().operations.update(operation.id, { nextAttemptAt: undefined });
    expect(await process(operation.id)).toMatchObject({ state: 'done', delivery: { outcome: 'created' } });
    expect(hr.createEmployee).toHaveBeenCalledTimes(1);
    expect(hr.setJobTitle).toHaveBeenCalledTimes(1);
  });

  it('Export again on a half-done export resumes that operation; the form does not call the person "already there"', async () => {
    const now = new Date().toISOString();
    await db().candidates.put({ key: 'demo-ats:40112234', source: 'Demo ATS', firstName: 'Lucas', lastName: 'Moreau', email: LUCAS.email, hired: true, capturedAt: now, updatedAt: now, data: { kind: 'hire' } });
    hr.findEmployeeByEmail.mockResolvedValue(null);
    hr.createEmployee.mockResolvedValue(LUCAS);
    hr.currentContract.mockResolvedValueOnce(null);
    const first = await queueExport('demo-ats:40112234', withTitle);
    // No contract yet is worth retrying; after the attempts it needs attention.
    await db().operations.update(first.id, { attempts: 7 });
    expect((await process(first.id))?.state).toBe('needs-attention');

    hr.findEmployeeByEmail.mockResolvedValue(LUCAS);
    const draft = await completeDraft('demo-ats:40112234', { email: LUCAS.email });
    expect(draft.existing).toBeUndefined();
    expect(draft.warning).toContain('stopped half-way');

    hr.currentContract.mockResolvedValue(contract());
    const again = await queueExport('demo-ats:40112234', { ...withTitle, jobTitle: 'Senior Product Manager' });
    expect(again.id).toBe(first.id);
    expect(await process(again.id)).toMatchObject({ state: 'done', delivery: { outcome: 'created' } });
    expect(hr.setJobTitle.mock.calls).toEqual([['9100', 'Senior Product Manager']]);
    expect(hr.createEmployee).toHaveBeenCalledTimes(1);
    expect(await db().operations.count()).toBe(1);
  });
});

describe('export-employee steps: Factorial custom fields, after the contract', () => {
  const contract = (jobTitle?: string): ContractVersion => ({ id: '9100', employeeId: '7001', effectiveOn: '2026-12-01', jobTitle });
  const withCustom = { ...fields, jobTitle: 'Product Manager', customFields: { '501': 'L', '502': 'ES12 3456', '503': '' } };
  const stored = async (id: string) => (await db().operations.get(id))!;
  const employeeDone = { done: true, id: '7001', url: 'https://app.factorialhr.com/employees/7001', outcome: 'created', createSent: true };

  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
    for (const mock of [hr.findEmployeeByEmail, hr.createEmployee, hr.currentContract, hr.setJobTitle, hr.customFieldValues, hr.writeCustomFieldValue]) mock.mockReset();
    hr.setJobTitle.mockImplementation(async (id, jobTitle) => ({ ...contract(jobTitle), id }));
    hr.customFieldValues.mockResolvedValue(new Map());
    hr.writeCustomFieldValue.mockResolvedValue(undefined);
  });

  it('writes each given value on the new employee after the job title, empty ones not at all; only then "done"', async () => {
    hr.findEmployeeByEmail.mockResolvedValue(null);
    hr.createEmployee.mockResolvedValue(LUCAS);
    hr.currentContract.mockResolvedValue(contract());
    const done = await exportOnce({ fields: withCustom });
    expect(done).toMatchObject({ state: 'done', delivery: { steps: { jobTitle: { done: true }, customFields: { done: true, written: ['501', '502'] } } } });
    expect(hr.writeCustomFieldValue.mock.calls).toEqual([
      ['501', '7001', 'L'],
      ['502', '7001', 'ES12 3456'],
    ]);
    expect(hr.setJobTitle.mock.invocationCallOrder[0]).toBeLessThan(hr.writeCustomFieldValue.mock.invocationCallOrder[0]);
  });

  it('a stopped worker between the contract and the custom fields resumes at the custom fields: no second employee, no second PUT', async () => {
    const { operation } = await enqueueExport({ fields: withCustom }, { steps: { employee: employeeDone, jobTitle: { done: true, contractVersionId: '9100', written: true } } });
    await db().operations.update(operation.id, { state: 'sending' });
    expect(await process(operation.id)).toMatchObject({ state: 'done', delivery: { outcome: 'created', steps: { customFields: { done: true } } } });
    expect(hr.findEmployeeByEmail).not.toHaveBeenCalled();
    expect(hr.createEmployee).not.toHaveBeenCalled();
    expect(hr.currentContract).not.toHaveBeenCalled();
    expect(hr.writeCustomFieldValue).toHaveBeenCalledTimes(2);
  });

  it('a worker stopped half way through the values writes only what is still missing', async () => {
    // 501 was recorded as written; 502 had landed in Factorial but its record had not.
    const { operation } = await enqueueExport({ fields: withCustom }, { steps: { employee: employeeDone, jobTitle: { done: true, contractVersionId: '9100', written: true }, customFields: { written: ['501'] } } });
    await db().operations.update(operation.id, { state: 'sending' });
    hr.customFieldValues.mockResolvedValue(new Map([['502', 'ES12 3456']]));
    expect(await process(operation.id)).toMatchObject({ state: 'done' });
    expect(hr.writeCustomFieldValue).not.toHaveBeenCalled();
  });

  it('a refused value is needs-attention, never "Exported"; Retry writes only the missing value', async () => {
    hr.findEmployeeByEmail.mockResolvedValue(null);
    hr.createEmployee.mockResolvedValue(LUCAS);
    hr.currentContract.mockResolvedValue(contract());
    hr.writeCustomFieldValue.mockResolvedValueOnce(undefined).mockRejectedValueOnce(new ConnectorError({ code: 'invalid-request', vendor: 'Factorial', status: 422, message: 'Factorial said: value is invalid.' }));
    const failed = await exportOnce({ fields: withCustom });
    expect(failed?.state).toBe('needs-attention');
    expect(failed?.remoteId).toBeUndefined();
    expect(failed?.lastError).toBe('The employee is in Factorial HR, but the custom-field data was not saved: Factorial said: value is invalid. Retry continues from there.');
    expect((await stored(failed!.id)).delivery.steps).toMatchObject({ customFields: { written: ['501'] } });
    await requeue(failed!.id);
    expect(await process(failed!.id)).toMatchObject({ state: 'done', remoteId: '7001' });
    expect(hr.createEmployee).toHaveBeenCalledTimes(1);
    expect(hr.setJobTitle).toHaveBeenCalledTimes(1);
    expect(hr.writeCustomFieldValue.mock.calls.map((c) => c[0])).toEqual(['501', '502', '502']);
  });

  it('someone already in Factorial HR gets no custom-field values', async () => {
    hr.findEmployeeByEmail.mockResolvedValue(LUCAS);
    expect(await exportOnce({ fields: withCustom })).toMatchObject({ state: 'done', delivery: { outcome: 'duplicate' } });
    expect(hr.customFieldValues).not.toHaveBeenCalled();
    expect(hr.writeCustomFieldValue).not.toHaveBeenCalled();
  });
});
