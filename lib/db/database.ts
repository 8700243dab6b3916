import Dexie from 'dexie';
import { candidateToV2, operationToV2 } from './migrations';
import type { Tables } from './tables';

/**
 * The one Hirebridge database. It lives in the extension's origin, so it must only be opened from the service
 * worker and extension pages: in a content script IndexedDB would be the visited page's.
 */
// The class's tables are the interface's: each declared by its owner in `Tables` (tables.ts), created by Dexie
// from the stores below.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface HirebridgeDb extends Tables {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class HirebridgeDb extends Dexie {
  constructor(name = 'hirebridge') {
    super(name);
    // Schema history: add a new version() for every change; never edit a released one.
    this.version(1).stores({
      connections: 'slot',
      secrets: 'id',
      vaultKeys: 'id',
      jobs: 'key, provider, status, country, name',
      candidates: 'key, email, hired, capturedAt',
      operations: 'id, state, subject, kind, nextAttemptAt',
      activity: '++id, at, kind, operationId',
      settings: 'key',
    });
    // 0.2.0: typed records. Same tables and indexes; operations keep the outbox's bookkeeping in `delivery` (out of
    // the domain's payload) and candidates' `data` says its kind. Self-contained: a later version() adding a table
    // stacks on top of this one unchanged.
    this.version(2)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table('operations').toCollection().modify((operation: Record<string, unknown>, ref: { value: unknown }) => {
          ref.value = operationToV2(operation);
        });
        await tx.table('candidates').toCollection().modify((candidate: Record<string, unknown>, ref: { value: unknown }) => {
          ref.value = candidateToV2(candidate);
        });
      });
  }
}

let instance: HirebridgeDb | undefined;

/** The shared database, opened lazily on first use. */
export function db(): HirebridgeDb {
  const protocol = globalThis.location?.protocol;
  if (protocol === 'http:' || protocol === 'https:') {
    throw new Error('The Hirebridge database is only available in extension contexts.');
  }
  instance ??= new HirebridgeDb();
  return instance;
}

/**
 * The service worker starts opening the database at its start, not at its first query (the same open Dexie's first
 * query would start, `open().catch(nop)`, dexie's `_whenReady`: a failure reaches every query the same way). Pages
 * open it on first use. What a trace of a fresh profile's first start shows (bench options-first-open): Dexie sends
 * `indexedDB.open` in a microtask, so once the worker's whole script has been evaluated, and Chromium begins
 * creating the database only after the worker has reported itself started (after V8 has written the code cache of
 * its scripts, ~85 ms on a fresh install) — the moment it starts dispatching messages too. The first answers then wait
 * for the creation itself (LevelDB files, then the upgrade: 30–100 ms on the bench machine).
 */
function isServiceWorker(): boolean {
  const scope = (globalThis as { ServiceWorkerGlobalScope?: abstract new () => unknown }).ServiceWorkerGlobalScope;
  return typeof scope === 'function' && globalThis instanceof scope;
}
if (isServiceWorker()) void db().open().catch(() => undefined);

/** Tests: start from an empty database. */
export async function resetDbForTests(): Promise<void> {
  if (instance) {
    instance.close();
    await instance.delete();
  }
  instance = new HirebridgeDb();
}
