import { ExportFields, type CustomFieldDef } from './intents';
import type { AtsValues } from '../connectors/types';
import { MAPPABLE_EMPLOYEE_FIELDS, type FieldMapping, type FieldSource } from '../settings/schema';
import { t } from './messages';
import { isRealDay } from '../people/name';

/**
 * The one completeness and validation rule of an export form, used by the page's and the popup's Export dialog
 * and by Export all alike: the same values, the same messages, the same "still needed". Pure (no database, no
 * connector), so components may use it.
 */

/** The form's own fields (custom fields are checked by `checkCustomFields`). */
export type FormField = Exclude<keyof ExportFields, 'customFields'>;
export type FormValues = Record<FormField, string>;

export const FORM_FIELDS: readonly FormField[] = ['firstName', 'lastName', 'email', 'phone', 'startDate', 'jobTitle', 'legalEntityId', 'teamId', 'locationId', 'managerId', 'trialPeriodEndsOn'];

/** What Export all lets the recruiter give once for everyone who lacks it, and override per person. */
export const FILLABLE_FIELDS = ['startDate', 'legalEntityId', 'teamId', 'locationId'] as const;
export type FillableField = (typeof FILLABLE_FIELDS)[number];
export type Fill = Partial<Record<FillableField, string>> & { customFields?: Record<string, string> };

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const given = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/**
 * The form's values: the person's own data, then `fill` only where their data has nothing, then `override`
 * (this person's own answer) wherever it says something.
 */
export function formValues(own: Partial<Record<FormField, unknown>>, fill: Fill = {}, override: Fill = {}): FormValues {
  const values = Object.fromEntries(FORM_FIELDS.map((f) => [f, text(own[f])])) as FormValues;
  for (const field of FILLABLE_FIELDS) {
    if (!given(values[field]) && given(fill[field])) values[field] = fill[field]!;
    if (given(override[field])) values[field] = override[field]!;
  }
  return values;
}

export interface FormCheck {
  /** Set when everything is there and valid: what is sent. */
  fields?: ExportFields;
  /** The first message per field. */
  errors: Partial<Record<FormField, string>>;
  /** Fields that are required and empty (the rest of `errors` are invalid values). */
  missing: FormField[];
}

export function checkExportForm(values: FormValues): FormCheck {
  const parsed = ExportFields.safeParse(values);
  if (parsed.success) return { fields: parsed.data, errors: {}, missing: [] };
  const errors: FormCheck['errors'] = {};
  const missing: FormField[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as FormField;
    errors[field] ??= issue.message;
    if (!values[field]?.trim() && !missing.includes(field)) missing.push(field);
  }
  return { errors, missing };
}

// ---------------------------------------------------------------- Factorial custom fields

/** Does this field belong to the chosen legal entity? A field with no legal entity is company-wide. */
function belongsTo(field: CustomFieldDef, entity: { id: string; name: string } | undefined): boolean {
  if (!field.legalEntityId && !field.legalEntityName) return true;
  if (!entity) return false;
  return field.legalEntityId ? field.legalEntityId === entity.id : field.legalEntityName === entity.name;
}

/** The custom fields the form asks for: Factorial's required ones for the chosen legal entity. */
export function requiredCustomFields(fields: readonly CustomFieldDef[] | undefined, entity: { id: string; name: string } | undefined): CustomFieldDef[] {
  return (fields ?? []).filter((f) => f.required && belongsTo(f, entity));
}

/** The custom fields a form shows for this legal entity: the required ones, and those the admin mapped. */
export function formCustomFields(fields: readonly CustomFieldDef[] | undefined, entity: { id: string; name: string } | undefined, mapping: FieldMapping | undefined): CustomFieldDef[] {
  return (fields ?? []).filter((f) => (f.required || !!mapping?.customFields[f.id]) && belongsTo(f, entity));
}


/** What is wrong with a value for a field of this type (the field-level error), or undefined. Empty is not checked here. */
export function customValueError(field: CustomFieldDef, value: string): string | undefined {
  const v = value.trim();
  const options = (field.options ?? []).map((o) => o.value);
  switch (field.type) {
    case 'date':
      return isRealDay(v) ? undefined : t('customDate');
    case 'checkbox':
      return v === 'true' || v === 'false' ? undefined : t('customCheckbox');
    case 'money':
    case 'cents':
    case 'rating':
      return /^-?\d+(\.\d{1,2})?$/.test(v) ? undefined : t('customNumber');
    case 'single_choice':
      return options.includes(v) ? undefined : t('customChoice');
    case 'multiple_choice':
      return v.split(',').every((x) => options.includes(x.trim())) ? undefined : t('customChoice');
    case 'text':
    case 'long_text':
      return v.length > 5000 ? t('customLong') : undefined;
    default:
      return t('customUnknownType', { type: field.type });
  }
}

export interface CustomCheck {
  /** What is sent, by field id (only the fields asked for). */
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Required fields with no value, by label. */
  missing: CustomFieldDef[];
}

/** The one rule for custom fields, in the form and in Export all: every required one has a value, every value fits its type. */
export function checkCustomFields(fields: readonly CustomFieldDef[], values: Record<string, string | undefined>): CustomCheck {
  const out: CustomCheck = { values: {}, errors: {}, missing: [] };
  for (const field of fields) {
    const value = values[field.id]?.trim() ?? '';
    if (!value) {
      if (field.required) out.missing.push(field);
      continue;
    }
    const error = customValueError(field, value);
    if (error) out.errors[field.id] = error;
    else out.values[field.id] = value;
  }
  return out;
}

// ---------------------------------------------------------------- the admin's field mapping

type Lists = { legalEntities: readonly { id: string }[]; teams: readonly { id: string }[]; locations: readonly { id: string }[]; customFields?: readonly { id: string }[]; employees?: readonly { id: string }[] };

/** A source's value for this person: fixed, one of their own fields, the ATS's custom field or the accepted offer's. */
export function sourceValue(source: FieldSource, own: Partial<Record<FormField, unknown>>, ats: AtsValues | undefined): string {
  switch (source.from) {
    case 'fixed':
      return source.value.trim();
    case 'ats':
      return text(own[source.field]).trim();
    case 'atsCustom':
      return ats?.[source.on]?.[source.key]?.trim() ?? '';
    case 'offer':
      return ats?.offer?.[source.key]?.trim() ?? '';
  }
}

/** Does the mapping read the candidates' custom fields (which costs the pull one more request a page)? */
export const usesCandidateCustomFields = (mapping: FieldMapping | undefined) =>
  [...Object.values(mapping?.customFields ?? {}), ...Object.values(mapping?.employeeFields ?? {})].some((s) => s?.from === 'atsCustom' && s.on === 'candidate');

/**
 * The person's own fields with the admin's employee-field mapping applied: a mapped source that gives a value
 * wins over the ATS's standard field; one that gives nothing leaves the person's own value. Below the recruiter.
 */
export function withMappedFields<T extends Partial<Record<FormField, unknown>>>(mapping: FieldMapping | undefined, own: T, ats: AtsValues | undefined): T {
  const out = { ...own };
  for (const field of MAPPABLE_EMPLOYEE_FIELDS) {
    const source = mapping?.employeeFields?.[field];
    const value = source ? sourceValue(source, own, ats) : '';
    if (value) (out as Record<string, unknown>)[field] = field === 'startDate' || field === 'trialPeriodEndsOn' ? (/^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? value) : value;
  }
  return out;
}

/**
 * What the admin's mapping gives this person for this legal entity: its fixed team and location, and each mapped
 * custom field's value (a fixed value, one of the person's own fields, the ATS's custom fields or offer). Below
 * anything the recruiter types.
 */
export function mappedValues(
  mapping: FieldMapping | undefined,
  legalEntityId: string,
  own: Partial<Record<FormField, unknown>>,
  ats?: AtsValues,
): { teamId?: string; locationId?: string; managerId?: string; trialPeriodEndsOn?: string; customFields: Record<string, string> } {
  const defaults = mapping?.entityDefaults[legalEntityId] ?? {};
  // A trial period of N months from the start date (the day before the same date N months on).
  const start = text(own.startDate);
  let trialPeriodEndsOn: string | undefined;
  if (defaults.trialMonths && /^\d{4}-\d{2}-\d{2}$/.test(start)) {
    const end = new Date(`${start}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + defaults.trialMonths);
    end.setUTCDate(end.getUTCDate() - 1);
    if (!Number.isNaN(end.getTime())) trialPeriodEndsOn = end.toISOString().slice(0, 10);
  }
  const customFields: Record<string, string> = {};
  for (const [id, source] of Object.entries(mapping?.customFields ?? {})) {
    const value = sourceValue(source, own, ats);
    if (value) customFields[id] = value;
  }
  return { teamId: defaults.teamId, locationId: defaults.locationId, managerId: defaults.managerId, trialPeriodEndsOn, customFields };
}

/** Mapped Factorial things that no longer exist (the export waits, with this message, until an admin fixes it). */
export function staleMapping(mapping: FieldMapping | undefined, lists: Lists): string[] {
  if (!mapping) return [];
  const has = (list: readonly { id: string }[] | undefined, id: string) => !!list?.some((x) => x.id === id);
  const out: string[] = [];
  for (const [entity, d] of Object.entries(mapping.entityDefaults)) {
    if (!has(lists.legalEntities, entity)) out.push(t('mappingGone', { what: t('mappingEntity'), id: entity }));
    if (d.teamId && !has(lists.teams, d.teamId)) out.push(t('mappingGone', { what: t('mappingTeam'), id: d.teamId }));
    if (d.locationId && !has(lists.locations, d.locationId)) out.push(t('mappingGone', { what: t('mappingLocation'), id: d.locationId }));
    if (d.managerId && lists.employees && !has(lists.employees, d.managerId)) out.push(t('mappingGone', { what: t('mappingManager'), id: d.managerId }));
  }
  for (const id of Object.keys(mapping.customFields)) if (!has(lists.customFields, id)) out.push(t('mappingGone', { what: t('mappingCustomField'), id }));
  return out;
}
