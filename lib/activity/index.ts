import { db, type ActivityRecord } from '../db';

/** Record something people should be able to look back at. Plain words only: never a key, never a CV. */
export async function recordActivity(entry: Omit<ActivityRecord, 'id' | 'at'>): Promise<void> {
  await db().activity.add({ ...entry, at: new Date().toISOString() });
}

export async function recentActivity(limit = 50): Promise<ActivityRecord[]> {
  return db().activity.orderBy('at').reverse().limit(limit).toArray();
}
