import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectorError } from '@/lib/connectors/errors';
import { db, resetDbForTests } from '@/lib/db';
import type { OperationRecord } from '@/lib/outbox/records';
import { CheckAgainLater, enqueue, process, registerHandler, requeue, sendsOf, type HandlerContext } from '@/lib/outbox/outbox';
// The kinds these tests queue, as their features define them (the payload schema each is read with, its vendor).
import '@/lib/export/operation';
import '@/lib/sourcing/operation';

/**
 * `delivery.sends`: how many times an operation was sent, across Retry (which resets `attempts`). Handlers read it to
 * tell "created by an earlier send of this very operation" from "someone else's", so it must survive whatever the
 * send ended in: success, a failure (transient or not), a handler's checkpoint, a "check again later".
 */

type Outcome = (operation: OperationRecord, context: HandlerContext) => Promise<{ outcome: string }>;
/** What the scripted handler does on each run, in order; and the count it saw before each send. */
let script: Outcome[] = [];
const seen: number[] = [];

const refused = () => new ConnectorError({ vendor: 'Factorial', code: 'invalid-request', status: 422, message: 'Factorial said: start date is invalid' });
const unavailable = () => new ConnectorError({ vendor: 'Factorial', code: 'server', status: 503, message: 'Factorial is unavailable.' });
const created: Outcome = async () => ({ outcome: 'created' });

async function queue(): Promise<string> {
  const fields = { firstName: 'Lucas', lastName: 'Moreau', email: 'lucas.moreau@example.com', startDate: '2026-12-01', legalEntityId: '11' };
  return (await enqueue('export-employee', 'demo-ats:40112234', { fields, companyId: '1', name: 'Lucas Moreau' })).operation.id;
}
const stored = async (id: string) => (await db().operations.get(id))!;

describe('outbox: the send count', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
    script = [];
    seen.length = 0;
    registerHandler('export-employee', async (operation, context) => {
      seen.push(sendsOf(operation));
      const next = script.shift();
      if (!next) throw new Error('the handler ran more often than scripted');
      return next(operation, context);
    });
  });

  it('a success keeps the send that made it: 1 after the first, and the handler saw 0 before it', async () => {
    script = [created];
    const id = await queue();
    expect(await process(id)).toMatchObject({ state: 'done', delivery: { sends: 1, outcome: 'created' } });
    expect((await stored(id)).delivery.sends).toBe(1);
    expect(seen).toEqual([0]);
  });

  it('a success after a checkpoint keeps both the steps and the count', async () => {
    script = [
      async (_operation, context) => {
        await context.checkpoint({ employee: { done: true, id: '7001' } });
        return { outcome: 'created' };
      },
    ];
    const id = await queue();
    await process(id);
    expect((await stored(id)).delivery).toMatchObject({ sends: 1, outcome: 'created', steps: { employee: { done: true, id: '7001' } } });
  });

  it('a refusal (needs attention) keeps the count; after Retry the handler sees the earlier send, and the count goes on', async () => {
    script = [
      async (_operation, context) => {
        await context.checkpoint({ employee: { done: true, id: '7001' } });
        throw refused();
      },
      created,
    ];
    const id = await queue();
    expect(await process(id)).toMatchObject({ state: 'needs-attention', attempts: 1, delivery: { sends: 1, steps: { employee: { done: true } } } });
    expect((await stored(id)).delivery.sends).toBe(1);

    await requeue(id);
    expect(await stored(id)).toMatchObject({ state: 'queued', attempts: 0, delivery: { sends: 1 } });
    expect(await process(id)).toMatchObject({ state: 'done', delivery: { sends: 2, outcome: 'created' } });
    expect(seen).toEqual([0, 1]);
  });

  it('a transient failure (queued for a retry) keeps the count, and the retry sees it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse('2026-12-07T10:00:00Z'));
      script = [
        async () => {
          throw unavailable();
        },
        created,
      ];
      const id = await queue();
      const parked = (await process(id))!;
      expect(parked).toMatchObject({ state: 'queued', attempts: 1, delivery: { sends: 1 } });
      expect((await stored(id)).delivery.sends).toBe(1);
      vi.setSystemTime(Date.parse(parked.nextAttemptAt!));
      expect(await process(id)).toMatchObject({ state: 'done', delivery: { sends: 2 } });
      expect(seen).toEqual([0, 1]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a send whose answer never came, parked to check again later, keeps the count and counts no attempt', async () => {
    script = [
      async () => {
        // (the request went out here and timed out)
        throw new CheckAgainLater(60_000, 'Not there yet.');
      },
    ];
    const id = await queue();
    expect(await process(id)).toMatchObject({ state: 'queued', attempts: 0, lastError: 'Not there yet.', delivery: { sends: 1 } });
    expect((await stored(id)).delivery.sends).toBe(1);
  });
});
