import { PublicError } from '../errors';
import { db } from '../db';
import { t } from './messages';
import { ManagedSyncRules, SettingsSchema, type SettingName, type Settings, type SettingsView } from './schema';

export * from './schema';

/**
 * Admin settings: stored locally (Dexie `settings`), overlaid by the organisation's managed policy
 * (`chrome.storage.managed`, schema in public/managed_schema.json). A managed value always wins and cannot be
 * changed from the options page, which shows it read-only with a note.
 */

const storageKey = (name: SettingName) => `settings.${name}`;

/**
 * How long to wait for the policy store. Chromium's has been seen never to answer (after chrome://extensions changed
 * site access): every intent waits for the settings, so an unanswered read must not stall the whole extension.
 */
const MANAGED_POLICY_WAIT_MS = 2_000;
const NO_ANSWER = Symbol('no answer');
/** The last policy the store gave this worker: what counts while it does not answer. */
let lastManagedPolicy: Record<string, unknown> = {};

export async function readRawPolicy(): Promise<Record<string, unknown>> {
  let raw = lastManagedPolicy;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const answer = await Promise.race([
      browser.storage.managed?.get(null),
      new Promise<typeof NO_ANSWER>((resolve) => (timer = setTimeout(() => resolve(NO_ANSWER), MANAGED_POLICY_WAIT_MS))),
    ]);
    if (answer !== NO_ANSWER) raw = lastManagedPolicy = (answer ?? {}) as Record<string, unknown>;
  } catch {
    // No policy store (Firefox without policies, tests): nothing is managed.
    raw = {};
  } finally {
    clearTimeout(timer);
  }
  return raw;
}

/** The policy's values, validated one by one: a wrong value in the policy is ignored, not fatal. */
export async function readManagedPolicy(): Promise<Partial<Settings>> {
  const raw = await readRawPolicy();
  const out: Partial<Settings> = {};
  for (const name of Object.keys(SettingsSchema.shape) as SettingName[]) {
    if (!(name in raw)) continue;
    const parsed = SettingsSchema.shape[name].safeParse(raw[name]);
    if (parsed.success) (out as Record<string, unknown>)[name] = parsed.data;
  }
  return out;
}

export async function readSettings(): Promise<SettingsView> {
  const rows = await db().settings.bulkGet((Object.keys(SettingsSchema.shape) as SettingName[]).map(storageKey));
  const local: Record<string, unknown> = {};
  for (const row of rows) if (row) local[row.key.slice('settings.'.length)] = row.value;
  const managed = await readManagedPolicy();
  // Local values that no longer validate fall back to their default rather than breaking the product.
  const values = { ...SettingsSchema.parse({}) } as Settings;
  for (const name of Object.keys(SettingsSchema.shape) as SettingName[]) {
    const parsed = SettingsSchema.shape[name].safeParse(local[name]);
    if (local[name] !== undefined && parsed.success) (values as Record<string, unknown>)[name] = parsed.data;
  }
  return { values: { ...values, ...managed }, managed: Object.keys(managed) as SettingName[], managedSyncRules: await readManagedSyncRules() };
}

export class ManagedSettingError extends PublicError {
  constructor(readonly setting: SettingName | 'pullIntervalMinutes' | 'countries') {
    super(t('managed'), 'managed');
  }
}

/** Change one setting; refused when the policy manages it. */
export async function writeSetting<K extends SettingName>(name: K, value: unknown): Promise<SettingsView> {
  const managed = await readManagedPolicy();
  if (name in managed) throw new ManagedSettingError(name);
  const parsed = SettingsSchema.shape[name].parse(value);
  await db().settings.put({ key: storageKey(name), value: parsed });
  return readSettings();
}


/**
 * Sync rules an organisation may fix by policy (they live in lib/jobs's own settings): the job-pull interval and
 * the country filter. Invalid policy values are ignored.
 */
export async function readManagedSyncRules(): Promise<{ pullIntervalMinutes?: number; countries?: string[] }> {
  const raw = await readRawPolicy();
  const interval = ManagedSyncRules.shape.pullIntervalMinutes.safeParse(raw.pullIntervalMinutes);
  const countries = ManagedSyncRules.shape.countries.safeParse(raw.countries);
  return {
    ...(raw.pullIntervalMinutes !== undefined && interval.success ? { pullIntervalMinutes: interval.data } : {}),
    ...(raw.countries !== undefined && countries.success ? { countries: countries.data } : {}),
  };
}
