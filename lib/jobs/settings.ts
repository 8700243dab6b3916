import { db } from '../db';
import { ManagedSettingError, readManagedSyncRules } from '../settings';

/** Country filter for pulled jobs: empty = all countries. */
export const COUNTRY_FILTER_KEY = 'jobs.countries';

export async function readCountryFilter(): Promise<string[]> {
  const managed = (await readManagedSyncRules()).countries;
  if (managed) return managed;
  const value = (await db().settings.get(COUNTRY_FILTER_KEY))?.value;
  return Array.isArray(value) ? (value as string[]) : [];
}

export async function writeCountryFilter(countries: string[]): Promise<string[]> {
  if ((await readManagedSyncRules()).countries) throw new ManagedSettingError('countries');
  const unique = [...new Set(countries.map((c) => c.toUpperCase()))].sort();
  await db().settings.put({ key: COUNTRY_FILTER_KEY, value: unique });
  return unique;
}

/** Jobs outside the filter are hidden; a job whose country the ATS does not say stays visible. */
export function passesCountryFilter(country: string | undefined, filter: readonly string[]): boolean {
  return filter.length === 0 || !country || filter.includes(country.toUpperCase());
}
