import type { z } from 'zod/mini';
import { db } from '../db';
import { PublicError } from '../errors';
import { DEFAULT_PULL_MINUTES, MAX_PULL_MINUTES, MIN_PULL_MINUTES } from './interval';
import { t } from './messages';
import { knownPolicy, type RawPolicy } from './policy';
import { ManagedSyncRules, SettingsSchema, type SettingName, type Settings } from './schema';

/**
 * Settings as typed items: one definition each, with where it is stored, its default, how a stored value is read
 * and the managed-policy key that overrides it. A typed table over Dexie's `settings` rows rather than WXT's
 * `storage.defineItem` (chrome.storage.local): the values already live in Dexie in every installed profile (no
 * migration), the team file, retention and the options page's live queries read that one database, and
 * chrome.storage.local is readable by content scripts, which must never reach settings.
 */
export interface SettingItem<T> {
  /** Also the policy's key for it. */
  name: string;
  /** Its Dexie `settings` row. */
  key: string;
  fallback: T;
  /** A stored (local) value, or undefined when it is missing or no longer valid (the default applies). */
  fromLocal(value: unknown): T | undefined;
  /** The policy's value, or undefined when the policy does not set it or sets it wrongly (then it is ignored). */
  fromPolicy(policy: RawPolicy): T | undefined;
}

export interface SettingValue<T> {
  value: T;
  /** Fixed by the organisation's policy: shown read-only, local changes refused. */
  managed: boolean;
}

export function defineSetting<T>(spec: {
  name: string;
  key: string;
  fallback: T;
  local: (value: unknown) => T | undefined;
  policy: z.ZodMiniType<T, unknown>;
}): SettingItem<T> {
  return {
    name: spec.name,
    key: spec.key,
    fallback: spec.fallback,
    fromLocal: (value) => (value === undefined ? undefined : spec.local(value)),
    fromPolicy: (policy) => {
      if (policy[spec.name] === undefined) return undefined;
      const parsed = spec.policy.safeParse(policy[spec.name]);
      return parsed.success ? parsed.data : undefined;
    },
  };
}

/** The rule, in one place: a valid policy value beats the local one, which beats the default. */
export function resolveSetting<T>(item: SettingItem<T>, local: unknown, policy: RawPolicy): SettingValue<T> {
  const managed = item.fromPolicy(policy);
  if (managed !== undefined) return { value: managed, managed: true };
  return { value: item.fromLocal(local) ?? item.fallback, managed: false };
}

export async function readSetting<T>(item: SettingItem<T>): Promise<SettingValue<T>> {
  const [row, policy] = await Promise.all([db().settings.get(item.key), knownPolicy()]);
  return resolveSetting(item, row?.value, policy);
}

/** A write to a setting the organisation's policy fixes. */
export class ManagedSettingError extends PublicError {
  constructor(readonly setting: string) {
    super(t('managed'), 'managed');
  }
}

/** Store a local value (`parse` validates it: throws on a wrong one); refused while the policy manages the setting. */
export async function writeSettingItem<T>(item: SettingItem<T>, value: unknown, parse: (value: unknown) => T): Promise<T> {
  if (item.fromPolicy(await knownPolicy()) !== undefined) throw new ManagedSettingError(item.name);
  const parsed = parse(value);
  await db().settings.put({ key: item.key, value: parsed });
  return parsed;
}

const fromSchema =
  <S extends z.ZodMiniType>(schema: S) =>
  (value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? (parsed.data as z.output<S>) : undefined;
  };

function adminSetting<K extends SettingName>(name: K) {
  const schema = SettingsSchema.shape[name] as unknown as z.ZodMiniType<Settings[K], unknown>;
  return defineSetting<Settings[K]>({ name, key: `settings.${name}`, fallback: schema.parse(undefined), local: fromSchema(schema), policy: schema });
}

/** The admin settings (options page regions), each stored as `settings.<name>`. */
export const SETTING_ITEMS: { [K in SettingName]: SettingItem<Settings[K]> } = {
  disabledAdapters: adminSetting('disabledAdapters'),
  sourceName: adminSetting('sourceName'),
  autoSync: adminSetting('autoSync'),
  autoSyncStage: adminSetting('autoSyncStage'),
  retentionDays: adminSetting('retentionDays'),
  komboWriteWaitSeconds: adminSetting('komboWriteWaitSeconds'),
  fieldMapping: adminSetting('fieldMapping'),
};

// The bounds are the jobs domain's one rule (lib/jobs/interval.ts, checked against public/managed_schema.json).
export { DEFAULT_PULL_MINUTES, MAX_PULL_MINUTES, MIN_PULL_MINUTES };

export function clampInterval(minutes: number): number {
  if (!Number.isFinite(minutes)) return DEFAULT_PULL_MINUTES;
  return Math.min(MAX_PULL_MINUTES, Math.max(MIN_PULL_MINUTES, Math.round(minutes)));
}

/** How often jobs are pulled (lib/jobs' alarm). A stored value is clamped; a policy value out of range is ignored. */
export const pullIntervalSetting = defineSetting<number>({
  name: 'pullIntervalMinutes',
  key: 'jobPull.intervalMinutes',
  fallback: DEFAULT_PULL_MINUTES,
  local: (value) => (typeof value === 'number' ? clampInterval(value) : undefined),
  policy: ManagedSyncRules.shape.pullIntervalMinutes,
});

/** Countries whose jobs are pulled: empty = all. */
export const countryFilterSetting = defineSetting<string[]>({
  name: 'countries',
  key: 'jobs.countries',
  fallback: [],
  local: (value) => (Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : undefined),
  policy: ManagedSyncRules.shape.countries,
});
