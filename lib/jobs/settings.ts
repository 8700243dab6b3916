import { countryFilterSetting, readSetting, writeSettingItem } from '../settings';

/** Country filter for pulled jobs: empty = all countries (a typed setting of lib/settings, which the policy may fix). */
export const COUNTRY_FILTER_KEY = countryFilterSetting.key;

export async function readCountryFilter(): Promise<string[]> {
  return (await readSetting(countryFilterSetting)).value;
}

export async function writeCountryFilter(countries: string[]): Promise<string[]> {
  return writeSettingItem(countryFilterSetting, countries, () => [...new Set(countries.map((c) => c.toUpperCase()))].sort());
}

/** Jobs outside the filter are hidden; a job whose country the ATS does not say stays visible. */
export function passesCountryFilter(country: string | undefined, filter: readonly string[]): boolean {
  return filter.length === 0 || !country || filter.includes(country.toUpperCase());
}
