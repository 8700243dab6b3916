import { z } from 'zod';

/** A durable operation's id, as the outbox makes them (crypto.randomUUID): for progress, the PDF and Retry. */
export const OperationIdInput = z.string().uuid();
