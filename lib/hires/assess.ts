import { checkCustomFields, checkExportForm, formCustomFields, formValues, mappedValues, staleMapping, withMappedFields, type Fill, type FillableField, type FormField } from '../export/form';
import type { FieldMapping } from '../settings/schema';
import type { CustomFieldDef, ExportFields } from '../export/intents';
import { fieldWord, type HiredGroup } from './groups';
import { t } from './messages';

/**
 * Can Export all send this person? The export form's own rule (`checkExportForm`); nothing is guessed, so a
 * missing value makes a plain reason ("Missing start date and legal entity.") instead of a default. Filled in
 * only what the recruiter gave: `fill` for everyone who lacks it (the legal entity: the one chosen for everyone,
 * or Factorial's only one), `override` for this person.
 */

export type Assessed =
  | { group: HiredGroup; fields: ExportFields; lacks: FillableField[]; lacksCustom?: string[] }
  | { group: HiredGroup; reason: string; missing: FormField[]; lacks: FillableField[]; lacksCustom?: string[] };

export function assessForExport(
  group: HiredGroup,
  lookups: { legalEntities: readonly { id: string; name?: string }[]; teams?: readonly { id: string }[]; locations?: readonly { id: string }[]; customFields?: readonly CustomFieldDef[] },
  legalEntityId: string | undefined,
  fill: Fill = {},
  override: Fill = {},
  mapping?: FieldMapping,
): Assessed {
  const entities = lookups.legalEntities;
  const known = (id: string | undefined) => (id && entities.some((e) => e.id === id) ? id : undefined);
  const chosen = known(legalEntityId) ?? known(fill.legalEntityId) ?? (entities.length === 1 ? entities[0].id : '');
  const entityId = known(override.legalEntityId) ?? chosen;
  // The person's own data, with the admin's employee-field mapping (e.g. the start date from the offer) applied.
  const own = withMappedFields(mapping, group.fields, group.atsValues);
  // Below what the recruiter gives for everyone: the admin's fixed defaults for that legal entity.
  const mapped = mappedValues(mapping, entityId, own, group.atsValues);
  const given = (v: string | undefined) => (v?.trim() ? v : undefined);
  const everyone = { ...fill, teamId: given(fill.teamId) ?? mapped.teamId, locationId: given(fill.locationId) ?? mapped.locationId, legalEntityId: chosen };
  const values = formValues(own, everyone, { ...override, legalEntityId: known(override.legalEntityId) });
  // The entity's manager and trial period (from the start date as given), when the admin mapped them.
  const withDates = mappedValues(mapping, entityId, values, group.atsValues);
  if (withDates.managerId) values.managerId = withDates.managerId;
  if (withDates.trialPeriodEndsOn && !values.trialPeriodEndsOn.trim()) values.trialPeriodEndsOn = withDates.trialPeriodEndsOn;
  // What this person's own data lacks: the dialog offers them a value of their own there.
  const lacks: FillableField[] = (['startDate'] as const).filter((f) => !own[f]?.trim());
  const check = checkExportForm(values);
  // Factorial's required custom fields for their legal entity: for everyone, or this person's own.
  const entity = entities.find((e) => e.id === values.legalEntityId);
  const required = formCustomFields(lookups.customFields, entity && { id: entity.id, name: entity.name ?? '' }, mapping);
  const nonEmpty = (r: Record<string, string> | undefined) => Object.fromEntries(Object.entries(r ?? {}).filter(([, v]) => v?.trim()));
  // For everyone means for everyone who lacks it: a value from their data or the mapping stays; their own answer wins.
  const custom = checkCustomFields(required, { ...nonEmpty(fill.customFields), ...mapped.customFields, ...nonEmpty(override.customFields) });
  // What their own data and the mapping do not give: the dialog offers a value for them alone there.
  const lacking = required.filter((f) => !mapped.customFields[f.id]).map((f) => f.id);
  const lacksCustom = lacking.length ? lacking : undefined;
  const stale = lookups.teams && lookups.locations ? staleMapping(mapping, { legalEntities: entities, teams: lookups.teams, locations: lookups.locations, customFields: lookups.customFields }) : [];
  if (stale.length) return { group, reason: stale[0], missing: [], lacks, ...(lacksCustom && { lacksCustom }) };
  const customOk = !custom.missing.length && !Object.keys(custom.errors).length;
  if (check.fields && customOk) return { group, fields: Object.keys(custom.values).length ? { ...check.fields, customFields: custom.values } : check.fields, lacks, ...(lacksCustom && { lacksCustom }) };
  const list = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(', ')}${t('and')}${words[words.length - 1]}` : words[0]);
  const invalid = Object.entries(check.errors)
    .filter(([field]) => !check.missing.includes(field as FormField))
    .map(([field, message]) => {
      const word = fieldWord(field as FormField) ?? field;
      return `${word.charAt(0).toUpperCase()}${word.slice(1)}: ${message}`;
    });
  for (const field of required) if (custom.errors[field.id]) invalid.push(`${field.label}: ${custom.errors[field.id]}`);
  const missing = [...check.missing.map((f) => fieldWord(f) ?? f), ...custom.missing.map((f) => f.label)];
  // Say why the start date is missing when the ATS said (e.g. the accepted offer has none).
  const note = !values.startDate.trim() && group.startDateNote ? group.startDateNote : '';
  return { group, reason: [missing.length ? t('missing', { fields: list(missing) }) : '', note, ...invalid].filter(Boolean).join(' '), missing: check.missing, lacks, ...(lacksCustom && { lacksCustom }) };
}
