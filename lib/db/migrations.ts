/**
 * Record migrations between schema versions, as plain functions of one stored record (unit-tested on their own;
 * `database.ts` runs them in each version's `.upgrade()`). They only move and label what is there: nothing is
 * dropped, so a record they cannot make sense of still reaches the reader, who shows it as unreadable.
 */

type Stored = Record<string, unknown>;

const BOOKKEEPING = ['sends', 'outcome', 'steps', 'warnings'] as const;

/**
 * v1 → v2, operations: the outbox's bookkeeping (`sends`, `outcome`, `steps`, `warnings`) used to live inside the
 * domain's `payload`; it moves to `delivery`, leaving the payload as the domain wrote it.
 */
export function operationToV2(operation: Stored): Stored {
  if (operation.delivery && typeof operation.delivery === 'object') return operation;
  const payload = { ...((operation.payload as Stored | undefined) ?? {}) };
  const delivery: Stored = { sends: Number(payload.sends ?? 0) || 0 };
  for (const field of BOOKKEEPING) {
    if (field !== 'sends' && payload[field] !== undefined) delivery[field] = payload[field];
    delete payload[field];
  }
  // Never read by 0.1.0 either (handlers declare their vendor); not the domain's data.
  delete payload.vendor;
  return { ...operation, payload, delivery };
}

/** v1 → v2, candidates: `data` says which domain's it is. Sourced people said so already; the rest are hires. */
export function candidateToV2(candidate: Stored): Stored {
  const data = (candidate.data as Stored | undefined) ?? {};
  if (data.kind === 'sourced' || data.kind === 'hire') return candidate;
  return { ...candidate, data: { ...data, kind: 'hire' } };
}
