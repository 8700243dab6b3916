import type { z } from 'zod/mini';
import { readPayloadsWith, type OperationKind, type OperationRecord, type PayloadOf } from './records';
import type { PacedVendor } from './pacing';

/** Which vendor's turns an operation takes (pacing): fixed, or found from the operation (e.g. the connected ATS). */
export type OperationVendor = PacedVendor | ((operation: OperationRecord) => PacedVendor | undefined | Promise<PacedVendor | undefined>);

/** One kind of durable operation, as the feature that owns it defines it. */
export interface OperationDefinition<K extends OperationKind> {
  kind: K;
  /**
   * Its payload's schema: stored operations of this kind are read with it, wherever they are read (the worker, the
   * popup's lists); one that does not fit is listed as unreadable with why, and never sent.
   */
  payload: z.ZodMiniType<PayloadOf<K>>;
  /** Which vendor's turns it takes among the operations in flight (see `pacing.ts`). */
  vendor?: OperationVendor;
}

const definitions = new Map<string, OperationDefinition<OperationKind>>();

/**
 * Define a kind of operation (in the feature's `operation.ts`, a module without handlers, safe for extension pages).
 * The outbox engine knows no feature: what it sends is registered by the feature in the worker (`registerHandler`).
 */
export function defineOperation<K extends OperationKind>(definition: OperationDefinition<K>): OperationDefinition<K> {
  readPayloadsWith(definition.kind, definition.payload as z.ZodMiniType<never>);
  definitions.set(definition.kind, definition as unknown as OperationDefinition<OperationKind>);
  return definition;
}

/** The definition of a kind, if its feature's `operation.ts` was loaded. */
export const definitionOf = (kind: string): OperationDefinition<OperationKind> | undefined => definitions.get(kind);
