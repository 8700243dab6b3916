import { z } from 'zod/mini';
import { parseWith, type Readable } from '../db';
import { HireCandidate, type HireData } from '../export/records';
import type { CandidateRecord } from '../people/candidates';
import { SourcedCandidate } from '../sourcing/records';

// A hired person's row is Export to Factorial HR's (lib/export/records.ts): the hired list and its capture and
// pull write it through `hireRecord` below, and export reads it; export is the room below, so the schema is there.

/** Every kind the hired list reads from the `candidates` table: hired people, and Sync to ATS's sourced ones. */
const AnyCandidate = z.union([HireCandidate, SourcedCandidate]);

/** A stored candidate of any kind, parsed; one that does not fit comes back unreadable with why. */
export const parseCandidate = (raw: unknown): Readable<CandidateRecord> => parseWith<CandidateRecord>(AnyCandidate, 'candidates', (r) => r.key, raw);

export type { CandidateRecord };

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
