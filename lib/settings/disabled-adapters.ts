import { readSettings } from '.';
import { onPolicyChange } from './policy';

/**
 * The adapters an admin switched off (locally or by the organisation's policy), kept in memory for the worker's
 * sender checks: pages of a switched-off adapter get no answers. Read at every worker start and again whenever
 * the setting or the policy changes.
 */
const disabled = new Set<string>();
let firstLoad: Promise<void> = Promise.resolve();
let followingPolicy = false;

async function load(): Promise<void> {
  const { values } = await readSettings();
  disabled.clear();
  values.disabledAdapters.forEach((id) => disabled.add(id));
}

/** Every worker start: reads the set; a policy learnt after start (or changed) switches adapters off at once. */
export function loadDisabledAdapters(): Promise<void> {
  firstLoad = load();
  if (!followingPolicy) onPolicyChange(() => void load());
  followingPolicy = true;
  return firstLoad;
}

/**
 * After a change made here (the setting, a team file): read the set again once the start-up read is done, so that
 * read, answering late, cannot put the old set back.
 */
export async function reloadDisabledAdapters(): Promise<void> {
  await firstLoad.catch(() => undefined); // a failed start-up read is logged by the start-up; this one reads anew
  await load();
}

export function disabledAdapters(): ReadonlySet<string> {
  return disabled;
}
