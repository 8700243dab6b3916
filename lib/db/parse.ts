import type { z } from 'zod/mini';

/**
 * Reading stored records back through their schemas (each owner's, e.g. `parseOperation` in lib/outbox/records.ts).
 * A record that does not fit (damaged, or written by a newer version) is not an error for whoever lists it: it
 * comes back as an `UnreadableRecord` with the reason in plain words, and stays stored as it is (nothing here writes).
 */

/**
 * A stored record this version cannot read (written by a newer version, or damaged). It stays stored as it is;
 * readers show it with `problem` (plain words) instead of failing.
 */
export interface UnreadableRecord {
  table: 'candidates' | 'operations';
  key: string;
  problem: string;
  /** Whatever the record says about itself, for the list it is shown in. */
  raw: Record<string, unknown>;
}

export type Readable<T> = T | UnreadableRecord;

export const isUnreadable = (record: unknown): record is UnreadableRecord =>
  typeof record === 'object' && record !== null && 'problem' in record && 'raw' in record && 'table' in record;

function problemOf(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue?.message ?? 'not in the expected shape'}`;
}

/** A stored record read with its owner's schema, or an `UnreadableRecord` saying why it does not fit. */
export function parseWith<T>(
  schema: z.ZodMiniType<T>,
  table: UnreadableRecord['table'],
  keyOf: (raw: Record<string, unknown>) => unknown,
  raw: unknown,
): Readable<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bag = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return { table, key: String(keyOf(bag) ?? ''), problem: problemOf(parsed.error), raw: bag };
}

/** Only the records that parse (engines work on these; the lists show the others too). */
export const readableOnly = <T>(records: readonly (Readable<T> | undefined)[]): T[] => records.filter((r): r is T => r !== undefined && !isUnreadable(r));
