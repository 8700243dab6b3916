import { db } from '../db';
import { countryFilterSetting, pullIntervalSetting, resolveSetting, SETTING_ITEMS, writeSettingItem, type SettingItem } from './items';
import { knownPolicy } from './policy';
import { SettingsSchema, type SettingName, type Settings, type SettingsView } from './schema';

export * from './schema';
export * from './items';
export { knownPolicy, onPolicyChange, readPolicy, refreshPolicy, type PolicyRead, type RawPolicy } from './policy';

/**
 * Admin settings: stored locally (Dexie `settings`), overlaid by the organisation's managed policy
 * (`chrome.storage.managed`, schema in public/managed_schema.json). A managed value always wins and cannot be
 * changed from the options page, which shows it read-only with a note. Nothing here waits for the policy store:
 * the overlay is the last policy this browser knew (see ./policy.ts).
 */

const NAMES = Object.keys(SettingsSchema.shape) as SettingName[];

export async function readSettings(): Promise<SettingsView> {
  const items: SettingItem<unknown>[] = NAMES.map((name) => SETTING_ITEMS[name]);
  const [rows, policy] = await Promise.all([db().settings.bulkGet(items.map((item) => item.key)), knownPolicy()]);
  const values = {} as Record<string, unknown>;
  const managed: SettingName[] = [];
  items.forEach((item, i) => {
    const resolved = resolveSetting(item, rows[i]?.value, policy);
    values[item.name] = resolved.value;
    if (resolved.managed) managed.push(item.name as SettingName);
  });
  return { values: values as Settings, managed, managedSyncRules: managedSyncRulesOf(policy) };
}

/** Change one setting; refused when the policy manages it. */
export async function writeSetting<K extends SettingName>(name: K, value: unknown): Promise<SettingsView> {
  await writeSettingItem(SETTING_ITEMS[name], value, (v) => SettingsSchema.shape[name].parse(v) as Settings[K]);
  return readSettings();
}

/**
 * Sync rules an organisation may fix by policy (they live in lib/jobs's own settings): the job-pull interval and
 * the country filter. Invalid policy values are ignored.
 */
export async function readManagedSyncRules(): Promise<{ pullIntervalMinutes?: number; countries?: string[] }> {
  return managedSyncRulesOf(await knownPolicy());
}

function managedSyncRulesOf(policy: Record<string, unknown>): { pullIntervalMinutes?: number; countries?: string[] } {
  const pullIntervalMinutes = pullIntervalSetting.fromPolicy(policy);
  const countries = countryFilterSetting.fromPolicy(policy);
  return { ...(pullIntervalMinutes !== undefined ? { pullIntervalMinutes } : {}), ...(countries !== undefined ? { countries } : {}) };
}
