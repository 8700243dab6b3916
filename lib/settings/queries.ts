import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import { resolveSetting, type SettingItem, type SettingValue } from './items';
import { KNOWN_POLICY_KEY } from './policy';

/**
 * Live reads of typed settings for extension pages (options), with the same overlay as the worker's reads:
 * they follow a local change and a policy learnt later alike. Undefined while loading.
 */
export function useSetting<T>(item: SettingItem<T>): SettingValue<T> | undefined {
  return useLiveQuery(async () => {
    const [row, policy] = await db().settings.bulkGet([item.key, KNOWN_POLICY_KEY]);
    const known = policy?.value && typeof policy.value === 'object' ? (policy.value as Record<string, unknown>) : {};
    return resolveSetting(item, row?.value, known);
  }, [item]);
}
