import type { EntityTable } from 'dexie';
import { z } from 'zod/mini';

/** The `activity` table's rows, owned here: the log every room writes to through `recordActivity`. */

export const ActivityLevel = z.enum(['info', 'success', 'warning', 'error']);
export const ActivityRecord = z.object({
  id: z.optional(z.number().check(z.int())),
  at: z.string(),
  kind: z.string(),
  /** Plain words, shown as text. Never a key, never a CV. */
  message: z.string(),
  level: ActivityLevel,
  operationId: z.optional(z.string()),
  /** An unexpected error's technical detail (its stack), kept for whoever looks into it; never shown as the words. */
  detail: z.optional(z.string()),
});
export type ActivityRecord = z.infer<typeof ActivityRecord>;

declare module '../db/tables' {
  interface Tables {
    activity: EntityTable<ActivityRecord, 'id'>;
  }
}
