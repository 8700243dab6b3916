import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectorError } from '@/lib/connectors/errors';
import type { Employee, FactorialHrPort } from '@/lib/connectors/types';
import { db, resetDbForTests } from '@/lib/db';

/** The export operation's handler against a scripted Factorial HR: what it does when the create races another. */
const hr = {
  findEmployeeByEmail: vi.fn<(email: string) => Promise<Employee | null>>(),
  createEmployee: vi.fn<FactorialHrPort['createEmployee']>(),
  employeeUrl: (id: string) => `https://app.factorialhr.com/employees/${id}`,
};
vi.mock('@/lib/connections', () => ({ withHr: (work: (port: unknown) => unknown) => work(hr), withAts: vi.fn() }));

const { enqueue, process } = await import('@/lib/outbox');
await import('@/lib/export/service');

const LUCAS: Employee = { id: '7001', firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com' };
const fields = { firstName: 'Lucas', lastName: 'Moreau', email: LUCAS.email!, phone: '', startDate: '2026-12-01', jobTitle: '', legalEntityId: '11', teamId: '', locationId: '' };

async function exportOnce(payload: Record<string, unknown> = {}) {
  const { operation } = await enqueue('export-employee', 'demo-ats:40112234', { fields, companyId: '1', name: 'Lucas Moreau', ...payload });
  return process(operation.id);
}

describe('export-employee operation', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
    hr.findEmployeeByEmail.mockReset();
    hr.createEmployee.mockReset();
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
    expect((await exportOnce({ sends: 1 }))?.payload.outcome).toBe('created');
    await db().operations.clear();
    expect((await exportOnce())?.payload.outcome).toBe('duplicate');
    expect(hr.createEmployee).not.toHaveBeenCalled();
  });
});
