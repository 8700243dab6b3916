import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HirebridgeDb, isUnreadable, resetDbForTests, db } from '@/lib/db';
import { parseCandidate } from '@/lib/hires/records';
import { parseOperation } from '@/lib/outbox/records';
import { candidateToV2, operationToV2 } from '@/lib/db/migrations';
import { recent } from '@/components/popup/RecentActivity';

/** Stored records as Hirebridge 0.1.0 wrote them (schema version 1): bookkeeping inside the payload. */
const T = '2026-11-20T10:00:00.000Z';
const fields = { firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com', phone: '', startDate: '2026-12-01', jobTitle: 'PM', legalEntityId: '11', teamId: '', locationId: '' };
const v1Export = {
  id: 'op-1',
  kind: 'export-employee',
  state: 'needs-attention',
  subject: 'demo-ats:40112234',
  payload: { fields, companyId: '1', country: 'ES', name: 'Lucas Moreau', hiredWhenQueued: true, sends: 2, steps: { employee: { done: true, id: '7001', url: 'https://x/7001', outcome: 'created', createSent: true } } },
  attempts: 1,
  lastError: 'The job title was not saved.',
  createdAt: T,
  updatedAt: T,
};
const v1Sync = {
  id: 'op-2',
  kind: 'sync-candidate',
  state: 'done',
  subject: 'sourced:generic:1|kombo:J1',
  payload: {
    name: 'Ana Ruiz',
    candidateKey: 'sourced:generic:1',
    jobKey: 'kombo:J1',
    jobVendorId: 'J1',
    jobName: 'Engineer',
    fields: { firstName: 'Ana', lastName: 'Ruiz', email: 'ana@example.com', jobKey: 'kombo:J1' },
    answers: [{ questionId: 'q1', value: true }],
    sourceName: 'Hirebridge',
    link: { label: 'Profile on Example', url: 'https://example.org/ana' },
    note: '',
    pdfFileName: 'ana-ruiz.pdf',
    pdfBase64: 'JVBERi0=',
    sends: 1,
    outcome: 'created',
    warnings: ['The CV was not attached.'],
  },
  attempts: 1,
  remoteId: 'APP1',
  createdAt: T,
  updatedAt: T,
};
const v1Hire = { key: 'demo-ats:40112234', source: 'Demo ATS', firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com', hired: true, capturedAt: T, updatedAt: T, data: { origin: 'page', adapterId: 'demo-ats', stage: 'Hired' } };
const v1Sourced = { key: 'sourced:generic:1', source: 'Example', firstName: 'Ana', lastName: 'Ruiz', hired: false, capturedAt: T, updatedAt: T, data: { kind: 'sourced', sourceUrl: 'https://example.org/ana', sourceSite: 'Example', transcript: [] } };

describe('record migrations, one record at a time', () => {
  it('v1 → v2 operations: bookkeeping moves from payload to delivery; the payload keeps exactly the domain data', () => {
    const migrated = operationToV2(v1Sync);
    expect(migrated.delivery).toEqual({ sends: 1, outcome: 'created', warnings: ['The CV was not attached.'] });
    const { sends, outcome, warnings, ...domain } = v1Sync.payload;
    expect([sends, outcome, warnings]).toEqual([1, 'created', ['The CV was not attached.']]);
    expect(migrated.payload).toEqual(domain);
    expect(operationToV2(migrated)).toBe(migrated);
    expect(isUnreadable(parseOperation(migrated))).toBe(false);
  });

  it('v1 → v2 candidates: hires are labelled, sourced people keep theirs', () => {
    expect(candidateToV2(v1Hire)).toMatchObject({ data: { kind: 'hire', origin: 'page', stage: 'Hired' } });
    expect(candidateToV2(v1Sourced)).toBe(v1Sourced);
  });

  it('a v1 record read without migrating is unreadable with the reason, not a crash', () => {
    const read = parseOperation(v1Export);
    expect(isUnreadable(read) && read.problem).toBe('delivery: Invalid input: expected object, received undefined');
    expect(isUnreadable(parseCandidate(v1Hire))).toBe(true);
  });
});

describe('Dexie version 2 upgrades a version 1 database in place', () => {
  const NAME = 'hirebridge-upgrade-test';
  beforeEach(() => Dexie.delete(NAME));
  afterEach(() => Dexie.delete(NAME));

  it('every record is still there and reads in the new shape', async () => {
    // The 0.1.0 schema, as released.
    const old = new Dexie(NAME);
    old.version(1).stores({ connections: 'slot', secrets: 'id', vaultKeys: 'id', jobs: 'key, provider, status, country, name', candidates: 'key, email, hired, capturedAt', operations: 'id, state, subject, kind, nextAttemptAt', activity: '++id, at, kind, operationId', settings: 'key' });
    await old.table('operations').bulkAdd([v1Export, v1Sync]);
    await old.table('candidates').bulkAdd([v1Hire, v1Sourced]);
    await old.table('activity').add({ at: T, kind: 'export', level: 'error', message: 'Export of Lucas Moreau needs attention.', operationId: 'op-1' });
    old.close();

    const upgraded = new HirebridgeDb(NAME);
    try {
      expect(upgraded.verno).toBe(2);
      const operations = (await upgraded.operations.toArray()).map(parseOperation);
      expect(operations.filter(isUnreadable)).toEqual([]);
      expect(operations).toHaveLength(2);
      const exported = operations.find((op) => !isUnreadable(op) && op.kind === 'export-employee');
      expect(exported).toMatchObject({ state: 'needs-attention', payload: { companyId: '1', name: 'Lucas Moreau' }, delivery: { sends: 2, steps: { employee: { done: true, id: '7001' } } } });
      expect(exported && !isUnreadable(exported) && 'steps' in exported.payload).toBe(false);
      const candidates = (await upgraded.candidates.toArray()).map(parseCandidate);
      expect(candidates.filter(isUnreadable)).toEqual([]);
      expect(candidates.map((c) => !isUnreadable(c) && c.data.kind).sort()).toEqual(['hire', 'sourced']);
      expect(await upgraded.activity.count()).toBe(1);
    } finally {
      upgraded.close();
    }
  });
});

describe('an operation this version cannot read', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
  });

  it('is listed as needing attention with why, is never sent, and stays stored as it was', async () => {
    const { process } = await import('@/lib/outbox');
    const damaged = { ...operationToV2(v1Sync), id: 'op-bad', state: 'queued', payload: { name: 'Ana Ruiz', fields: 'not an object' } };
    await db().operations.add(damaged as never);
    expect(await process('op-bad')).toBeUndefined();
    expect(await db().operations.get('op-bad')).toEqual(damaged);
    const rows = recent((await db().operations.toArray()).map(parseOperation), []);
    expect(rows).toHaveLength(1);
    expect(rows[0].unreadable).toMatchObject({ key: 'op-bad', problem: expect.stringContaining('payload') });
  });
});
