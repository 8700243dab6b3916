import { z } from 'zod/mini';

/**
 * A durable operation's id, as the outbox makes them (crypto.randomUUID): what progress, the PDF and Retry are asked
 * by. Safe to import from any context (an intents file): it needs zod only.
 */
export const OperationIdInput = z.string().check(z.uuid());
