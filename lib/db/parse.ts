import { z } from 'zod';
import { db } from './database';
import { CandidateRecord, HireCandidate, SourcedCandidate, StoredOperation, type OperationKind, type OperationRecord, type UnreadableRecord } from './schema';

/**
 * Reading stored records back through their schemas. A record that does not fit (damaged, or written by a newer
 * version) is not an error for whoever lists it: it comes back as an `UnreadableRecord` with the reason in plain
 * words, and stays stored as it is (nothing here writes).
 */

export type Readable<T> = T | UnreadableRecord;

export const isUnreadable = (record: unknown): record is UnreadableRecord =>
  typeof record === 'object' && record !== null && 'problem' in record && 'raw' in record && 'table' in record;

function problemOf(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue?.message ?? 'not in the expected shape'}`;
}

function parseWith<T>(schema: z.ZodType<T>, table: UnreadableRecord['table'], keyOf: (raw: Record<string, unknown>) => unknown, raw: unknown): Readable<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bag = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return { table, key: String(keyOf(bag) ?? ''), problem: problemOf(parsed.error), raw: bag };
}

export const parseCandidate = (raw: unknown): Readable<CandidateRecord> => parseWith(CandidateRecord, 'candidates', (r) => r.key, raw);
/** The payload schema of each operation kind, as its feature defined it (`defineOperation`, lib/outbox). */
const payloadSchemas = new Map<string, z.ZodType>();

/** Read stored operations of this kind with this payload schema (called once per kind, by `defineOperation`). */
export function readPayloadsWith<K extends OperationKind>(kind: K, schema: z.ZodType<OperationRecord['payload']>): void {
  payloadSchemas.set(kind, schema);
}

/** Read as the operation's own kind says: its bookkeeping, then its payload with the schema its feature gave. */
const OperationRecordSchema = StoredOperation.transform((operation, ctx) => {
  const schema = payloadSchemas.get(operation.kind);
  if (!schema) {
    ctx.addIssue({ code: 'custom', path: ['kind'], message: `no operation of kind "${operation.kind}" in this version` });
    return z.NEVER;
  }
  const payload = schema.safeParse(operation.payload);
  if (!payload.success) {
    for (const issue of payload.error.issues) ctx.addIssue({ ...issue, path: ['payload', ...issue.path] } as never);
    return z.NEVER;
  }
  return { ...operation, payload: payload.data } as OperationRecord;
});

export const parseOperation = (raw: unknown): Readable<OperationRecord> => parseWith(OperationRecordSchema, 'operations', (r) => r.id, raw);

/** Only the records that parse (engines work on these; the lists show the others too). */
export const readableOnly = <T>(records: readonly (Readable<T> | undefined)[]): T[] => records.filter((r): r is T => r !== undefined && !isUnreadable(r));

/** One operation, parsed; `undefined` when there is none. */
export async function readOperation(id: string): Promise<Readable<OperationRecord> | undefined> {
  const raw = await db().operations.get(id);
  return raw === undefined ? undefined : parseOperation(raw);
}

/** One candidate, parsed; `undefined` when there is none. */
export async function readCandidate(key: string): Promise<Readable<CandidateRecord> | undefined> {
  const raw = await db().candidates.get(key);
  return raw === undefined ? undefined : parseCandidate(raw);
}

/** A stored candidate as the hires domain's (Export to Factorial HR); anything else or unreadable: undefined. */
export const asHire = (raw: unknown): HireCandidate | undefined => HireCandidate.safeParse(raw).data;
/** A stored candidate as the sourcing domain's (Sync to ATS); anything else or unreadable: undefined. */
export const asSourced = (raw: unknown): SourcedCandidate | undefined => SourcedCandidate.safeParse(raw).data;

export async function readHire(key: string): Promise<HireCandidate | undefined> {
  return asHire(await db().candidates.get(key));
}
export async function readSourced(key: string): Promise<SourcedCandidate | undefined> {
  return asSourced(await db().candidates.get(key));
}
