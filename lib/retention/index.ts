import { db } from '../db';
import { afterStartAnswers } from '../messaging/server';
import { readSettings } from '../settings';

/**
 * Local candidate data is kept only as long as needed (SPEC §6): captured candidates, finished operations and
 * activity older than the retention period are purged daily by an alarm; "Delete local data" erases them all at
 * once. Connections, keys, jobs and settings are not candidate data and stay.
 */

export const RETENTION_ALARM = 'hirebridge:retention';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LocalDataCounts {
  candidates: number;
  operations: number;
  activity: number;
}

export async function ensureRetentionAlarm(): Promise<void> {
  if (!(await browser.alarms.get(RETENTION_ALARM))) await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
}

/** Remove what is older than the retention period. Operations still on their way are never removed. */
export async function purgeExpired(now = Date.now()): Promise<LocalDataCounts> {
  const { values } = await readSettings();
  const cutoff = new Date(now - values.retentionDays * DAY_MS).toISOString();
  const database = db();
  return database.transaction('rw', database.candidates, database.operations, database.activity, async () => {
    // The candidates of operations on their way: an export's subject is the candidate key, a sync's is
    // `${candidateKey}|${jobKey}` (job keys hold no "|").
    const aboutCandidate = (subject: string) => (subject.includes('|') ? subject.slice(0, subject.lastIndexOf('|')) : subject);
    const busy = new Set((await database.operations.where('state').anyOf('queued', 'sending').toArray()).map((op) => aboutCandidate(op.subject)));
    const candidates = await database.candidates.filter((c) => c.updatedAt < cutoff && !busy.has(c.key)).primaryKeys();
    await database.candidates.bulkDelete(candidates);
    const operations = await database.operations.filter((op) => (op.state === 'done' || op.state === 'needs-attention') && op.updatedAt < cutoff).primaryKeys();
    await database.operations.bulkDelete(operations);
    const activity = await database.activity.where('at').below(cutoff).delete();
    return { candidates: candidates.length, operations: operations.length, activity };
  });
}

export async function onRetentionAlarm(alarm: { name: string }): Promise<void> {
  if (alarm.name === RETENTION_ALARM) await purgeExpired();
}

export async function countLocalData(): Promise<LocalDataCounts> {
  const database = db();
  const [candidates, operations, activity] = await Promise.all([database.candidates.count(), database.operations.count(), database.activity.count()]);
  return { candidates, operations, activity };
}

/** "Delete local data": candidates, operations and activity, after the person confirmed. Returns what was erased. */
export async function deleteLocalData(): Promise<LocalDataCounts> {
  const counts = await countLocalData();
  const database = db();
  await database.transaction('rw', database.candidates, database.operations, database.activity, async () => {
    await Promise.all([database.candidates.clear(), database.operations.clear(), database.activity.clear()]);
  });
  return counts;
}

/** Start-up: the retention alarm (once the worker's first answers are out), and its purge when it rings. */
export function startRetention(): void {
  browser.alarms.onAlarm.addListener((alarm) => void onRetentionAlarm(alarm));
  afterStartAnswers(ensureRetentionAlarm);
}
