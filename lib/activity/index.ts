import { db } from '../db';
import type { ActivityRecord } from './records';
import { isPublicError, publicMessageOf } from '../errors';
import { t } from './messages';

/** Record something people should be able to look back at. Plain words only: never a key, never a CV. */
export async function recordActivity(entry: Omit<ActivityRecord, 'id' | 'at'>): Promise<void> {
  await db().activity.add({ ...entry, at: new Date().toISOString() });
}

export async function recentActivity(limit = 50): Promise<ActivityRecord[]> {
  return db().activity.orderBy('at').reverse().limit(limit).toArray();
}

export type BackgroundTask = Exclude<Parameters<typeof t>[0], 'unexpected' | 'unexpectedIn'>;

/** At most this much of a stack is kept with a log entry. */
const DETAIL_LIMIT = 4000;

/** An unexpected error's technical detail: its stack (name and message first), or what was thrown. */
export function technicalDetail(error: unknown): string {
  const detail = error instanceof Error ? (error.stack?.includes(error.message) ? error.stack : `${error.name}: ${error.message}\n${error.stack ?? ''}`) : String(error);
  return detail.slice(0, DETAIL_LIMIT);
}

/**
 * An error nobody foresaw (anything but a PublicError) is logged with its stack before people get generic words:
 * on the console, and in the activity log's technical detail. Never throws (there may be nowhere left to write).
 */
export async function logUnexpected(kind: string, where: string, error: unknown): Promise<void> {
  console.error(`Hirebridge: unexpected error in ${where}`, error);
  try {
    await recordActivity({ kind, level: 'error', message: t('unexpectedIn', { where }), detail: technicalDetail(error) });
  } catch {
    // The log itself cannot be written (the database is gone): the console line above is what is left.
  }
}

/**
 * For the `.catch` of background work nobody waits for: its failure goes to the activity log, in plain words (a
 * PublicError's own, else a generic phrase), instead of nowhere. An unexpected error also leaves its stack: on the
 * console and in the entry's technical detail, never in the words.
 */
export function logFailure(kind: string, task: BackgroundTask): (error: unknown) => Promise<void> {
  return async (error) => {
    const unexpected = !isPublicError(error);
    if (unexpected) console.error(`Hirebridge: unexpected error in ${task}`, error);
    try {
      await recordActivity({ kind, level: 'error', message: t(task, { reason: publicMessageOf(error, t('unexpected')) }), ...(unexpected ? { detail: technicalDetail(error) } : {}) });
    } catch {
      // The log itself cannot be written (the database is gone): there is nowhere left to say it.
    }
  };
}
