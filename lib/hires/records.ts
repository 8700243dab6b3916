import type { CandidateRecord, HireCandidate, HireData } from '../db';

/** Only write what changed: every write wakes the live lists and the badge. */
export function sameRecord(a: CandidateRecord | undefined, b: CandidateRecord): boolean {
  if (!a) return false;
  const { updatedAt: _a, ...restA } = a;
  const { updatedAt: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

type Person = Pick<HireCandidate, 'source' | 'firstName' | 'lastName' | 'email' | 'phone' | 'jobTitle'>;

/**
 * A hired person's record as a page capture or the ATS pull writes it. Each decides which of its fields win over
 * the previous record's; what both keep from it is here: its export, when it was first seen, and the hire data other
 * flows added (Factorial look-ups, tracking imports).
 */
export function hireRecord(key: string, previous: CandidateRecord | undefined, person: Person, data: Omit<HireData, 'kind'>, now: string): HireCandidate {
  return {
    key,
    ...person,
    hired: true,
    exportedEmployeeId: previous?.exportedEmployeeId,
    capturedAt: previous?.capturedAt ?? now,
    updatedAt: now,
    data: { ...(previous?.data.kind === 'hire' ? previous.data : {}), kind: 'hire', ...data },
  };
}
