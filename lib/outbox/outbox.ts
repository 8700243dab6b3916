import { backoffDelay, isRetryable, publicMessageOf } from '../errors';
import { db, isUnreadable, readableOnly } from '../db';
import { parseOperation, readOperation, type OperationKind, type OperationOf, type OperationRecord, type PayloadOf, type StepResults } from './records';
import { definitionOf, type OperationVendor } from './define';
import { t } from './messages';
import { pacerFor, type PacedVendor } from './pacing';

/**
 * Durable operations (SPEC §5). An operation is written to IndexedDB *before* any request is sent:
 * queued → sending → done | needs-attention. Transient failures go back to queued with exponential back-off and
 * jitter (or the vendor's Retry-After); waits longer than a few seconds are an alarm, not a timer. A worker stopped
 * mid-request leaves the operation in "sending": at start-up it runs again, and handlers look the remote record
 * up before creating, so nothing is created twice.
 */

export type { OperationKind, OperationOf };

export interface HandlerResult {
  remoteId?: string;
  remoteUrl?: string;
  /** E.g. 'created' or 'duplicate'. */
  outcome: string;
  /** The vendor's warnings with a success, kept on the operation (plain words, never files or keys). */
  warnings?: string[];
}
/** What a handler may do besides sending: keep progress on the operation as it goes. */
export interface HandlerContext {
  /**
   * Store the steps' results now, before the handler returns: a step that went through stays recorded across a
   * stopped worker, a failure and Retry (see `runSteps`). Kept in `delivery.steps`, apart from the payload.
   */
  checkpoint(steps: StepResults): Promise<void>;
}
/** Sends one operation of its kind; it is given the operation parsed, its payload typed by kind. */
export type OperationHandler<K extends OperationKind = OperationKind> = (operation: OperationOf<K>, context: HandlerContext) => Promise<HandlerResult>;

/**
 * How a kind of operation is paced (SPEC: vendor limits): it takes a turn among the vendor's operations in flight.
 * Its writes are counted one by one as they are sent, against the vendor's window (see `pacing.ts`).
 */
export interface HandlerOptions {
  /** Which vendor's turns the operation takes; default: what its definition says (see `vendorOf`). */
  vendor?: OperationVendor;
}

/**
 * A handler's "not yet": something it sent earlier has no answer and may still be under way on the vendor's side, so
 * it looks again after `waitMs` instead of sending. Not a failure: no attempt is counted; the operation stays queued,
 * with `message` saying why, and an alarm (not a timer) wakes it, so a stopped worker carries on.
 */
export class CheckAgainLater extends Error {
  constructor(
    readonly waitMs: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'CheckAgainLater';
  }
}

export const OUTBOX_ALARM_PREFIX = 'hirebridge:outbox:';
/** Waits up to this long stay in memory; longer ones become an alarm. */
const IN_MEMORY_WAIT_MS = 5_000;
export const MAX_ATTEMPTS = 8;
/** While anything is queued, this alarm wakes a stopped worker to carry on (timers die with the worker). */
export const OUTBOX_DRAIN_ALARM = 'hirebridge:outbox-drain';
/** A timer may fire a little before the stored time; closer than this counts as due. */
const DUE_TOLERANCE_MS = 1_000;

const handlers = new Map<OperationKind, OperationHandler>();
const handlerOptions = new Map<OperationKind, HandlerOptions>();
const running = new Set<string>();
const listeners = new Set<(operation: OperationRecord) => void>();

export function registerHandler<K extends OperationKind>(kind: K, handler: OperationHandler<K>, options: HandlerOptions = {}): void {
  // The map is keyed by kind, so the operation it is called with is of this one.
  handlers.set(kind, (operation, context) => handler(operation as OperationOf<K>, context));
  handlerOptions.set(kind, options);
}

/**
 * The vendor an operation writes to, for pacing: what its handler declared, else what its kind's definition says
 * (`defineOperation`: an export creates a Factorial employee; a sync writes to the connected ATS).
 */
export async function vendorOf(operation: OperationRecord): Promise<PacedVendor | undefined> {
  const declared = handlerOptions.get(operation.kind)?.vendor ?? definitionOf(operation.kind)?.vendor;
  return typeof declared === 'function' ? declared(operation) : declared;
}

/** Be told about every state change (the popup badge, activity, waiting callers). */
export function onOperationChange(listener: (operation: OperationRecord) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function save(operation: OperationRecord): Promise<OperationRecord> {
  operation.updatedAt = new Date().toISOString();
  await db().operations.put(operation);
  for (const listener of listeners) listener(operation);
  return operation;
}

/**
 * Queue an operation for a subject (e.g. one candidate). While one is queued, sending or done for the same
 * subject and kind, that one is returned instead: a double click or a second tab never makes two.
 */
export async function enqueue<K extends OperationKind>(kind: K, subject: string, payload: PayloadOf<K>): Promise<{ operation: OperationRecord; created: boolean }> {
  const database = db();
  return database.transaction('rw', database.operations, async () => {
    const existing = await database.operations.where('subject').equals(subject).filter((op) => op.kind === kind && op.state !== 'needs-attention').first();
    if (existing) return { operation: existing, created: false };
    const now = new Date().toISOString();
    const operation = { id: crypto.randomUUID(), kind, subject, state: 'queued', payload, attempts: 0, delivery: { sends: 0 }, createdAt: now, updatedAt: now } as OperationRecord;
    await database.operations.add(operation);
    return { operation, created: true };
  });
}

/**
 * Put a needs-attention operation back in the queue (Retry), possibly with corrected input. One this version cannot
 * read is left as it is (its Retry says why: see `retryOperation`).
 */
export async function requeue<K extends OperationKind>(id: string, payload?: PayloadOf<K>): Promise<OperationRecord | undefined> {
  const operation = await readOperation(id);
  if (!operation || isUnreadable(operation)) return undefined;
  if (operation.state !== 'needs-attention') return operation;
  return save({ ...operation, state: 'queued', payload: payload ?? operation.payload, attempts: 0, lastError: undefined, nextAttemptAt: undefined } as OperationRecord);
}

/**
 * Run one operation, if it is due and not already running in this worker. It waits (still "queued") for its
 * vendor's turn before it is marked "sending"; each write it sends then waits for its place in the vendor's window.
 */
export async function process(id: string): Promise<OperationRecord | undefined> {
  if (running.has(id)) return readable(id);
  running.add(id);
  try {
    const waiting = await readable(id);
    if (!waiting || !isDue(waiting)) return waiting;
    const handler = handlers.get(waiting.kind);
    if (!handler) return waiting;
    void ensureDrainAlarm();

    const vendor = await vendorOf(waiting);
    const release = vendor ? await pacerFor(vendor).acquire() : () => {};
    try {
      // Read again: it may have waited a while for its slot.
      const operation = await readable(id);
      if (!operation || !isDue(operation)) return operation;
      // `sends` survives Retry (which resets attempts): handlers use it to tell "created by an earlier send of
      // this very operation" from "someone else created it". The handler sees the count before this send.
      let stored: OperationRecord['delivery'] = { ...operation.delivery, sends: sendsOf(operation) + 1 };
      await save({ ...operation, state: 'sending', attempts: operation.attempts + 1, nextAttemptAt: undefined, delivery: stored });
      const context: HandlerContext = {
        async checkpoint(steps) {
          // Both copies: the stored one (what a restarted worker reads) and the one "done"/"failed" are saved from.
          operation.delivery = { ...operation.delivery, steps };
          stored = { ...stored, steps };
          await db().operations.update(id, { delivery: stored, updatedAt: new Date().toISOString() });
        },
      };
      try {
        const result = await handler(operation, context);
        return await save({ ...operation, state: 'done', attempts: operation.attempts + 1, remoteId: result.remoteId, remoteUrl: result.remoteUrl, lastError: undefined, nextAttemptAt: undefined, delivery: { ...operation.delivery, sends: stored.sends, outcome: result.outcome, warnings: result.warnings } });
      } catch (error) {
        if (error instanceof CheckAgainLater) {
          const next = new Date(Date.now() + error.waitMs).toISOString();
          const saved = await save({ ...operation, delivery: stored, state: 'queued', lastError: error.reason, nextAttemptAt: next });
          schedule(saved.id, error.waitMs);
          return saved;
        }
        // This send counts (`sends` survives Retry), whatever the handler's copy says.
        return await fail({ ...operation, delivery: { ...operation.delivery, sends: stored.sends } }, error);
      }
    } finally {
      release();
    }
  } finally {
    running.delete(id);
  }
}

/** How many times this operation was sent before (across Retry). */
export function sendsOf(operation: OperationRecord): number {
  return operation.delivery.sends;
}

/** The operation as stored, if this version can read it; an unreadable one is never run (it stays stored). */
async function readable(id: string): Promise<OperationRecord | undefined> {
  const operation = await readOperation(id);
  return operation && !isUnreadable(operation) ? operation : undefined;
}

/** Queued (and its retry time has come) or left "sending" by a stopped worker. */
function isDue(operation: OperationRecord): boolean {
  if (operation.state === 'done' || operation.state === 'needs-attention') return false;
  if (operation.state === 'queued' && operation.nextAttemptAt) return Date.parse(operation.nextAttemptAt) - Date.now() <= DUE_TOLERANCE_MS;
  return true;
}

async function fail(operation: OperationRecord, error: unknown): Promise<OperationRecord> {
  const attempts = operation.attempts + 1;
  const message = publicMessageOf(error, t('internal'));
  // What the failure says about trying again (a connector's failure says it; anything else is permanent).
  const retryable = isRetryable(error) ? error : undefined;
  const transient = retryable?.transient ?? false;
  if (!transient || attempts >= MAX_ATTEMPTS) {
    const giveUp = transient ? t('gaveUp', { message, attempts }) : message;
    return save({ ...operation, state: 'needs-attention', attempts, lastError: giveUp, nextAttemptAt: undefined });
  }
  const retryAfter = retryable?.retryAfterMs;
  const wait = Math.max(retryAfter ?? 0, backoffDelay(attempts - 1, 1_000, 5 * 60_000));
  // The vendor asked everyone to slow down: hold the other sends to it too, not only this one.
  if (retryable?.code === 'rate-limited') {
    const vendor = await vendorOf(operation);
    if (vendor) pacerFor(vendor).pause(retryAfter ?? wait);
  }
  const next = new Date(Date.now() + wait);
  const saved = await save({ ...operation, state: 'queued', attempts, lastError: message, nextAttemptAt: next.toISOString() });
  schedule(saved.id, wait);
  return saved;
}

function schedule(id: string, waitMs: number) {
  if (waitMs <= IN_MEMORY_WAIT_MS) {
    setTimeout(() => void process(id), waitMs);
  } else {
    void browser.alarms.create(`${OUTBOX_ALARM_PREFIX}${id}`, { when: Date.now() + waitMs });
  }
}

export async function onOutboxAlarm(alarm: { name: string }): Promise<void> {
  if (alarm.name === OUTBOX_DRAIN_ALARM) await drain();
  else if (alarm.name.startsWith(OUTBOX_ALARM_PREFIX)) await process(alarm.name.slice(OUTBOX_ALARM_PREFIX.length));
}

let drainAlarmSet = false;
async function ensureDrainAlarm(): Promise<void> {
  if (drainAlarmSet) return;
  drainAlarmSet = true;
  if (!(await browser.alarms.get(OUTBOX_DRAIN_ALARM))) await browser.alarms.create(OUTBOX_DRAIN_ALARM, { periodInMinutes: 0.5 });
}

/** Queued or sending, as far as this version can read them (an unreadable one is shown, never sent). */
const pendingOperations = async () => readableOnly((await db().operations.where('state').anyOf('queued', 'sending').toArray()).map(parseOperation));

/** Carry on with whatever is due (a worker stopped during a long run); stop the alarm once nothing is left. */
async function drain(): Promise<void> {
  const pending = await pendingOperations();
  if (!pending.length) {
    drainAlarmSet = false;
    await browser.alarms.clear(OUTBOX_DRAIN_ALARM);
    return;
  }
  for (const operation of pending) if (isDue(operation)) void process(operation.id);
}

/**
 * Worker start-up: operations left "sending" were cut off mid-request; queued ones whose time has come are due.
 * Both run now (handlers look the remote record up first). Later ones get their alarm back.
 */
export async function resumeOutbox(): Promise<void> {
  const now = Date.now();
  const pending = await pendingOperations();
  for (const operation of pending) {
    const due = !operation.nextAttemptAt || Date.parse(operation.nextAttemptAt) <= now;
    if (due) void process(operation.id);
    else schedule(operation.id, Date.parse(operation.nextAttemptAt!) - now);
  }
}

/** Wait until an operation settles (done / needs-attention) or is parked for a later retry, up to a limit. */
export async function settle(id: string, timeoutMs: number): Promise<OperationRecord | undefined> {
  const current = await readable(id);
  if (!current || current.state === 'done' || current.state === 'needs-attention' || (current.state === 'queued' && current.nextAttemptAt)) return current;
  return new Promise((resolve) => {
    const stop = onOperationChange((op) => {
      if (op.id !== id) return;
      if (op.state === 'done' || op.state === 'needs-attention' || (op.state === 'queued' && op.nextAttemptAt)) {
        stop();
        clearTimeout(timer);
        resolve(op);
      }
    });
    const timer = setTimeout(() => {
      stop();
      void readable(id).then(resolve);
    }, timeoutMs);
  });
}
