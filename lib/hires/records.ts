import type { CandidateRecord } from '../db';

/** Only write what changed: every write wakes the live lists and the badge. */
export function sameRecord(a: CandidateRecord | undefined, b: CandidateRecord): boolean {
  if (!a) return false;
  const { updatedAt: _a, ...restA } = a;
  const { updatedAt: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}
