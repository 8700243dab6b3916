import { useLiveQuery } from 'dexie-react-hooks';
import { ActivityRecord } from './records';
import { db, type Readable } from '../db';
import { parseOperation, type OperationRecord } from '../outbox/records';

/**
 * What the UI may read of the activity: the log and the operations with their live state, as live queries
 * (components never open the database themselves). Operations come back parsed; one this version cannot read is
 * listed as it is, with its problem (see `UnreadableRecord`).
 */

const parseEntry = (raw: unknown): ActivityRecord[] => {
  const parsed = ActivityRecord.safeParse(raw);
  return parsed.success ? [parsed.data] : [];
};

export { isUnreadable, type Readable, type UnreadableRecord } from '../db';
export type { ActivityRecord } from './records';
export type { OperationRecord } from '../outbox/records';

/** The whole activity log, newest first (the options page's Activity). Entries that do not parse are left out. */
export function useActivityLog(): ActivityRecord[] | undefined {
  return useLiveQuery(async () => (await db().activity.orderBy('at').reverse().toArray()).flatMap(parseEntry));
}

export interface RecentActivitySource {
  /** Every operation, parsed or unreadable. */
  operations: Readable<OperationRecord>[];
  /** The latest `limit` log entries not about an operation (those are the operation's row). */
  log: ActivityRecord[];
}

/** The popup's Recent activity: every operation, and the latest log entries of their own. */
export function useRecentActivity(limit: number): RecentActivitySource | undefined {
  return useLiveQuery(async () => ({
    operations: (await db().operations.toArray()).map(parseOperation),
    log: (
      await db()
        .activity.orderBy('at')
        .reverse()
        .filter((entry) => !entry.operationId)
        .limit(limit)
        .toArray()
    ).flatMap(parseEntry),
  }), [limit]);
}
