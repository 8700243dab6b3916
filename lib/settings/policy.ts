import { db } from '../db';

/**
 * The one reader of the organisation's managed policy (`storage.managed`), for lib/settings' overlay and
 * lib/teams' deployment alike.
 *
 * Chromium's policy store answers the first read after a browser start only after 1.7–2.5 s (measured), and has
 * been seen never to answer after chrome://extensions changed site access. So nothing waits for it: settings read
 * the last policy this browser knew (kept in Dexie, so it survives browser restarts), and the worker reads the
 * store once per start and whenever `storage.onChanged` reports the `managed` area (`refreshPolicy`), keeping what
 * it learnt. A managed value wins from the moment its policy is known.
 */

/** The last policy the store gave, minus what must not be kept in clear (the deployed connections' keys). */
export const KNOWN_POLICY_KEY = 'policy.known';
/** How long a read waits for the store before it goes on with the last known policy. */
const MANAGED_POLICY_WAIT_MS = 5_000;
const NO_ANSWER = Symbol('no answer');

export type RawPolicy = Record<string, unknown>;

/**
 * One read of the store. `fromStore` is false when the store did not answer in time: `policy` is then the last
 * known one, which never holds the deployed connections (see `keptPart`), so it says nothing about them.
 */
export interface PolicyRead {
  policy: RawPolicy;
  fromStore: boolean;
}

const listeners = new Set<(policy: RawPolicy) => void>();
let reading: Promise<PolicyRead> | undefined;

/** The policy as this browser last knew it: no wait for the store. Empty until the store has answered once. */
export async function knownPolicy(): Promise<RawPolicy> {
  const row = await db().settings.get(KNOWN_POLICY_KEY);
  return isPolicy(row?.value) ? row.value : {};
}

/**
 * Ask the store now (concurrent callers share one read) and keep its answer. Resolves with the whole policy
 * (connections included, for lib/teams) or, when the store does not answer in time, the last known one.
 */
export async function refreshPolicy(): Promise<RawPolicy> {
  return (await readPolicy()).policy;
}

/** `refreshPolicy`, saying whether the store answered (lib/teams judges deployed connections only on an answer). */
export function readPolicy(): Promise<PolicyRead> {
  reading ??= readStore().finally(() => (reading = undefined));
  return reading;
}

/** Called after a read changed the known policy (the worker re-reads what depends on it). */
export function onPolicyChange(listener: (policy: RawPolicy) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function readStore(): Promise<PolicyRead> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let answer: RawPolicy | typeof NO_ANSWER;
  try {
    const asked = browser.storage.managed?.get(null) ?? Promise.resolve({});
    answer = await Promise.race([
      asked.then((value) => (isPolicy(value) ? value : {})),
      new Promise<typeof NO_ANSWER>((resolve) => (timer = setTimeout(() => resolve(NO_ANSWER), MANAGED_POLICY_WAIT_MS))),
    ]);
  } catch {
    // No policy store (Firefox without policies, tests): nothing is managed.
    answer = {};
  } finally {
    clearTimeout(timer);
  }
  if (answer === NO_ANSWER) return { policy: await knownPolicy(), fromStore: false };
  const keep = keptPart(answer);
  const before = await knownPolicy();
  if (JSON.stringify(before) !== JSON.stringify(keep)) {
    await db().settings.put({ key: KNOWN_POLICY_KEY, value: keep });
    for (const listener of listeners) listener(keep);
  }
  return { policy: answer, fromStore: true };
}

/** Connections carry API keys, which are only ever stored encrypted (lib/teams applies them from a fresh read). */
function keptPart(policy: RawPolicy): RawPolicy {
  const { connections: _connections, ...rest } = policy;
  return rest;
}

function isPolicy(value: unknown): value is RawPolicy {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
