import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDbForTests } from '@/lib/db';
import type { OperationRecord } from '@/lib/outbox/records';
import { candidateKey, pageCandidatesStatus } from '@/lib/export';

/** A worker stopped at any moment of an export: the page's status follows the export operation, never a stale mark. */
describe('a candidate’s export standing on ATS pages', () => {
  const key = candidateKey('greenhouse', '40112234');
  const now = new Date().toISOString();
  const operation = (state: OperationRecord['state']): OperationRecord => ({
    id: crypto.randomUUID(),
    kind: 'export-employee',
    state,
    subject: key,
    payload: {
      fields: { firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com', startDate: '2027-01-04', legalEntityId: '1' },
      companyId: '1',
      name: 'Lucas Moreau',
    },
    delivery: { sends: 1 },
    attempts: 1,
    remoteId: state === 'done' ? '901' : undefined,
    remoteUrl: state === 'done' ? 'https://app.factorialhr.com/employees/901' : undefined,
    createdAt: now,
    updatedAt: now,
  });
  const ask = async () => (await pageCandidatesStatus('greenhouse', [{ siteCandidateId: '40112234', fullName: 'Lucas Moreau', stage: 'Hired' }]))[0];

  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
    await db().candidates.put({ key, source: 'greenhouse', firstName: 'Lucas', lastName: 'Moreau', hired: true, capturedAt: now, updatedAt: now, data: { kind: 'hire' } });
  });

  it('an export done whose candidate was never marked (the worker stopped in between) shows as exported, and the mark is made', async () => {
    await db().operations.put(operation('done'));
    expect(await ask()).toMatchObject({ state: 'exported', employeeUrl: 'https://app.factorialhr.com/employees/901' });
    expect((await db().candidates.get(key))?.exportedEmployeeId).toBe('901');
  });

  it('an export queued or being sent (resumed by a restarted worker) shows as under way, not as exportable', async () => {
    await db().operations.put(operation('sending'));
    expect((await ask()).state).toBe('exporting');
  });

  it('with no export, a hired candidate is exportable', async () => {
    expect((await ask()).state).toBe('exportable');
    await db().operations.put(operation('needs-attention'));
    expect((await ask()).state).toBe('exportable');
  });
});
