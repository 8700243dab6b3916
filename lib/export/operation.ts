import { z } from 'zod/mini';
import type { OperationOf } from '../outbox/records';
import { defineOperation } from '../outbox/define';
import { ExportFields } from './intents';

/**
 * Export to FactorialHR's durable operation: what it keeps in the outbox (stored as 0.2.0 stores it; the upgrade
 * test reads 0.1.0's), sent to Factorial HR (its turns are Factorial's). Its steps are `steps.ts`.
 */
export const ExportPayload = z.object({
  fields: ExportFields,
  companyId: z.string(),
  country: z.optional(z.string()),
  name: z.string(),
  hiredWhenQueued: z.optional(z.boolean()),
});
export type ExportPayload = z.infer<typeof ExportPayload>;

declare module '../outbox/records' {
  interface OperationPayloads {
    'export-employee': ExportPayload;
  }
}

export const exportOperation = defineOperation({ kind: 'export-employee', payload: ExportPayload, vendor: 'factorial' });
export type ExportOperation = OperationOf<'export-employee'>;
