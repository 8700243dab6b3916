import { withHr } from '../connections';
import type { ExportDraft } from './intents';

/** Factorial's lists for the form (legal entities, teams, locations, custom fields): fetched once per few minutes, not per dialog. */
const TTL_MS = 5 * 60_000;
let cached: { at: number; value: Promise<ExportDraft['lookups']> } | undefined;

export function factorialLookups(): Promise<ExportDraft['lookups']> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  const value = withHr(async (hr) => {
    const [entities, teams, locations, customFields, employees] = await Promise.all([hr.listLegalEntities(), hr.listTeams(), hr.listLocations(), hr.listCustomFields(), hr.listEmployees()]);
    return {
      legalEntities: entities.map((e) => ({ id: e.id, companyId: e.companyId, name: e.legalName, country: e.country?.toUpperCase() })),
      teams: teams.map((t) => ({ id: t.id, name: t.name })),
      locations: locations.map((l) => ({ id: l.id, name: l.name, country: l.country?.toUpperCase() })),
      customFields,
      employees,
    };
  });
  cached = { at: Date.now(), value };
  // A failed look-up is its callers' to report (they await `value`); here it only must not stay cached.
  value.catch(() => {
    if (cached?.value === value) cached = undefined;
  });
  return value;
}

export function forgetLookups(): void {
  cached = undefined;
}
