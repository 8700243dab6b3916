import { recordActivity } from '../activity';
import { withHr } from '../connections';
import { db } from '../db';
import type { HireCandidate } from '../export/records';
import { employeeInFactorial, type InFactorial } from '../export';
import { waitingGroups, type HiredGroup } from './groups';
import { t } from './messages';
import { readConnection } from '../connections/records';

/** Parallel email look-ups in Factorial (reads: not under the POST limit, but kept polite). */
const LOOKUP_CONCURRENCY = 4;

async function mapPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// already in Factorial HR?

export async function markInFactorial(group: HiredGroup, found: InFactorial | undefined): Promise<void> {
  const now = new Date().toISOString();
  await db().candidates.bulkGet(group.keys).then((records) =>
    db().candidates.bulkPut(
      records
        .filter((r): r is HireCandidate => r?.data.kind === 'hire')
        .map((r) => ({ ...r, data: { ...r.data, factorialCheckedAt: now, ...(found ? { inFactorial: { ...found } } : {}) } })),
    ),
  );
  if (found) {
    await recordActivity({ kind: 'export', level: 'info', message: t('loggedInFactorial', { name: group.name }) });
  }
}

/** One look-up per email at a time, whoever asks (the popup opening, a page's buttons). */
const lookingUp = new Map<string, Promise<HiredGroup | undefined>>();

/**
 * Look up, once per person, whether a waiting hire is already an employee in Factorial HR (a second employee is
 * never created; they leave the list instead, and their buttons on ATS pages say so). `keys`: only the people
 * with one of these records. Returns who was found now.
 */
export async function checkInFactorial(keys?: readonly string[]): Promise<HiredGroup[]> {
  if (!(await readConnection('hr'))) return [];
  const only = keys && new Set(keys);
  const unchecked = waitingGroups(await db().candidates.toArray()).filter((g) => g.email && !g.checkedInFactorial && (!only || g.keys.some((k) => only.has(k))));
  if (!unchecked.length) return [];
  const found: HiredGroup[] = [];
  await withHr(async (hr) =>
    mapPool(unchecked, LOOKUP_CONCURRENCY, async (group) => {
      const identity = group.email!.trim().toLowerCase();
      let lookup = lookingUp.get(identity);
      if (!lookup) {
        lookup = (async () => {
          let match: InFactorial | undefined;
          try {
            match = await employeeInFactorial(hr, group.email!);
          } catch {
            return undefined; // stays unchecked: asked again next time
          }
          await markInFactorial(group, match);
          return match ? { ...group, state: 'in-factorial' as const, employeeUrl: match.employeeUrl } : undefined;
        })().finally(() => lookingUp.delete(identity));
        lookingUp.set(identity, lookup);
      }
      const match = await lookup;
      if (match) found.push(match);
    }),
  );
  return found;
}
