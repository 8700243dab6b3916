import { db, type ActivityRecord } from '../db';
import { publicMessageOf } from '../errors';
import { t } from './messages';

/** Record something people should be able to look back at. Plain words only: never a key, never a CV. */
export async function recordActivity(entry: Omit<ActivityRecord, 'id' | 'at'>): Promise<void> {
  await db().activity.add({ ...entry, at: new Date().toISOString() });
}

export async function recentActivity(limit = 50): Promise<ActivityRecord[]> {
  return db().activity.orderBy('at').reverse().limit(limit).toArray();
}

export type BackgroundTask = Exclude<Parameters<typeof t>[0], 'unexpected'>;

/**
 * For the `.catch` of background work nobody waits for: its failure goes to the activity log, in plain words (a
 * PublicError's own, else a generic phrase: never a stack), instead of nowhere.
 */
export function logFailure(kind: string, task: BackgroundTask): (error: unknown) => Promise<void> {
  return async (error) => {
    try {
      await recordActivity({ kind, level: 'error', message: t(task, { reason: publicMessageOf(error, t('unexpected')) }) });
    } catch {
      // The log itself cannot be written (the database is gone): there is nowhere left to say it.
    }
  };
}
