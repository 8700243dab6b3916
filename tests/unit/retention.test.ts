import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db, resetDbForTests } from '@/lib/db';
import type { CandidateRecord } from '@/lib/people/candidates';
import type { OperationRecord } from '@/lib/outbox/records';
import { syncPayload } from './fixtures/records';
import { countLocalData, deleteLocalData, purgeExpired } from '@/lib/retention';
import { writeSetting } from '@/lib/settings';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-23T12:00:00Z');
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();
const candidate = (key: string, updatedAt: string): CandidateRecord => ({ key, source: 'Lever', firstName: 'A', lastName: 'B', hired: false, capturedAt: updatedAt, updatedAt, data: { kind: 'hire' } });
const operation = (id: string, state: OperationRecord['state'], subject: string, updatedAt: string): OperationRecord => ({
  id,
  kind: 'sync-candidate',
  state,
  subject,
  payload: syncPayload(),
  attempts: 1,
  delivery: { sends: 1 },
  createdAt: updatedAt,
  updatedAt,
});

describe('retention and Delete local data', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
    await db().candidates.bulkPut([candidate('old', ago(40)), candidate('new', ago(2)), candidate('old-but-sending', ago(40))]);
    await db().operations.bulkPut([operation('o1', 'done', 'old', ago(40)), operation('o2', 'done', 'new', ago(1)), operation('o3', 'sending', 'old-but-sending|job', ago(40))]);
    await db().activity.bulkAdd([
      { at: ago(45), kind: 'sync', level: 'success', message: 'old' },
      { at: ago(3), kind: 'sync', level: 'success', message: 'recent' },
    ]);
  });

  it('purges what is older than the default 30 days, never an operation still on its way', async () => {
    expect(await purgeExpired(NOW)).toEqual({ candidates: 1, operations: 1, activity: 1 });
    expect((await db().candidates.toCollection().primaryKeys()).sort()).toEqual(['new', 'old-but-sending']);
    expect((await db().operations.toCollection().primaryKeys()).sort()).toEqual(['o2', 'o3']);
    expect((await db().activity.toArray()).map((a) => a.message)).toEqual(['recent']);
  });

  it('follows the admin’s retention period', async () => {
    await writeSetting('retentionDays', 1);
    // o2 is exactly one day old: not older than the period, so it stays.
    expect(await purgeExpired(NOW)).toEqual({ candidates: 2, operations: 1, activity: 2 });
  });

  it('Delete local data erases candidates, operations and activity, not the connections or settings', async () => {
    await db().connections.put({ slot: 'ats', provider: 'kombo', environment: 'eu', baseUrl: 'https://api.kombo.dev/v1', keyHint: 'd7', secretId: 's', connectedAt: ago(1), lastCheckAt: ago(1), lastCheckOk: true });
    await writeSetting('sourceName', 'Team');
    expect(await deleteLocalData()).toEqual({ candidates: 3, operations: 3, activity: 2 });
    expect(await countLocalData()).toEqual({ candidates: 0, operations: 0, activity: 0 });
    expect(await db().connections.count()).toBe(1);
    expect((await db().settings.get('settings.sourceName'))?.value).toBe('Team');
  });
});
