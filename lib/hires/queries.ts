import { useLiveQuery } from 'dexie-react-hooks';
import { db, readableOnly } from '../db';
import { parseOperation, type OperationRecord } from '../outbox/records';
import type { CandidateRecord } from '../people/candidates';
import { parseCandidate } from './records';
import { bulkRunRow, hiredPullRow, type BulkRunRecord, type HiredPullRecord } from './keys';
// Export all's operations are exports, read with their definition (the payload's schema).
import '../export/operation';

/** What the UI may read of the hired candidates, as live queries (parsed; unreadable records are left out here). */

export type { CandidateRecord } from '../people/candidates';
export type { OperationRecord } from '../outbox/records';

/** Every stored candidate this version can read (the popup groups the hired ones). */
export function useCandidates(): CandidateRecord[] | undefined {
  return useLiveQuery(async () => readableOnly((await db().candidates.toArray()).map(parseCandidate)));
}

/** The last refresh of the hired list. */
export function useHiredPull(): HiredPullRecord | undefined {
  return useLiveQuery(() => hiredPullRow.read());
}

/** The current Export all run and its operations. */
export function useBulkRun(): { run?: BulkRunRecord; operations: OperationRecord[] } | undefined {
  return useLiveQuery(async () => {
    const run = await bulkRunRow.read();
    if (!run) return { operations: [] };
    return { run, operations: readableOnly((await db().operations.bulkGet(run.operationIds)).map((op) => op && parseOperation(op))) };
  });
}
