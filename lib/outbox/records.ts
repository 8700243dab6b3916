import type { EntityTable } from 'dexie';
import { z } from 'zod/mini';
import { db, parseWith, type Readable } from '../db';

/*
 * The `operations` table's rows, owned by the outbox. `payload` is the domain's typed input, discriminated by
 * `kind`, and never touched by the outbox; the outbox's own bookkeeping is top-level (state, attempts, times, the
 * last error, the remote record) and in `delivery` (what sending found out).
 */

export const OperationState = z.enum(['queued', 'sending', 'done', 'needs-attention']);
export type OperationState = z.infer<typeof OperationState>;

/** One step's recorded facts, by step name; `done: true` once the step completed (see `lib/outbox/steps.ts`). */
export const StepResults = z.record(z.string(), z.looseObject({ done: z.optional(z.boolean()) }));
export type StepResults = z.infer<typeof StepResults>;

export const Delivery = z.object({
  /** Times sent, across Retry (which resets `attempts`): "created by my own earlier send" vs "someone else's". */
  sends: z.number().check(z.int(), z.gte(0)),
  /** How it ended, e.g. 'created' or 'duplicate'. */
  outcome: z.optional(z.string()),
  /** Each step's checkpoint, so a stopped worker, a failure or Retry resumes at the first step not done. */
  steps: z.optional(StepResults),
  /** Warnings the vendor gave with a success (plain words). */
  warnings: z.optional(z.array(z.string())),
});
export type Delivery = z.infer<typeof Delivery>;

const OperationBase = {
  id: z.string(),
  state: OperationState,
  /** What the operation is about, e.g. the candidate key; used to refuse a second one in flight. */
  subject: z.string(),
  attempts: z.number().check(z.int(), z.gte(0)),
  nextAttemptAt: z.optional(z.string()),
  lastError: z.optional(z.string()),
  remoteId: z.optional(z.string()),
  remoteUrl: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  delivery: Delivery,
};
/**
 * Each feature's operation payloads, by kind. Empty here: a feature adds its kind where it defines it
 * (`declare module '../outbox/records' { interface OperationPayloads { 'export-employee': ExportPayload } }`) and
 * gives the payload's schema to `defineOperation` (define.ts), which stored operations of that kind are read with.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OperationPayloads {}
export type OperationKind = keyof OperationPayloads & string;
export type PayloadOf<K extends OperationKind> = OperationPayloads[K];

/** What every operation is, whatever its kind: the outbox's bookkeeping, and a payload only its feature reads. */
export const StoredOperation = z.object({ ...OperationBase, kind: z.string(), payload: z.unknown() });
/** An operation of one kind, its payload typed. */
export type OperationOf<K extends OperationKind> = Omit<z.infer<typeof StoredOperation>, 'kind' | 'payload'> & { kind: K; payload: PayloadOf<K> };
export type OperationRecord = { [K in OperationKind]: OperationOf<K> }[OperationKind];

declare module '../db/tables' {
  interface Tables {
    operations: EntityTable<OperationRecord, 'id'>;
  }
}

/** The payload schema of each operation kind, as its feature defined it (`defineOperation`). */
const payloadSchemas = new Map<string, z.ZodMiniType>();

/** Read stored operations of this kind with this payload schema (called once per kind, by `defineOperation`). */
export function readPayloadsWith<K extends OperationKind>(kind: K, schema: z.ZodMiniType<OperationRecord['payload']>): void {
  payloadSchemas.set(kind, schema);
}

/** Read as the operation's own kind says: its bookkeeping, then its payload with the schema its feature gave. */
const OperationRecordSchema = z.pipe(
  StoredOperation,
  z.transform((operation, ctx) => {
    // zod/mini's transform has no ctx.addIssue (classic zod adds it): its issues go straight on ctx.issues, as addIssue put them.
    const schema = payloadSchemas.get(operation.kind);
    if (!schema) {
      ctx.issues.push({ code: 'custom', path: ['kind'], message: `no operation of kind "${operation.kind}" in this version`, input: operation });
      return z.NEVER;
    }
    const payload = schema.safeParse(operation.payload);
    if (!payload.success) {
      for (const issue of payload.error.issues) ctx.issues.push({ ...issue, path: ['payload', ...issue.path], input: operation } as never);
      return z.NEVER;
    }
    return { ...operation, payload: payload.data } as OperationRecord;
  }),
);

export const parseOperation = (raw: unknown): Readable<OperationRecord> => parseWith(OperationRecordSchema, 'operations', (r) => r.id, raw);

/** One operation, parsed; `undefined` when there is none. */
export async function readOperation(id: string): Promise<Readable<OperationRecord> | undefined> {
  const raw = await db().operations.get(id);
  return raw === undefined ? undefined : parseOperation(raw);
}
