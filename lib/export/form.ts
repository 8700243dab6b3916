import { ExportFields } from '../messaging/intents/export';

/**
 * The one completeness and validation rule of an export form, used by the page's and the popup's Export dialog
 * and by Export all alike: the same values, the same messages, the same "still needed". Pure (no database, no
 * connector), so components may use it.
 */

/** The form's own fields (custom fields are checked by `checkCustomFields`). */
export type FormField = Exclude<keyof ExportFields, 'customFields'>;
export type FormValues = Record<FormField, string>;

export const FORM_FIELDS: readonly FormField[] = ['firstName', 'lastName', 'email', 'phone', 'startDate', 'jobTitle', 'legalEntityId', 'teamId', 'locationId'];

/** What Export all lets the recruiter give once for everyone who lacks it, and override per person. */
export const FILLABLE_FIELDS = ['startDate', 'legalEntityId', 'teamId', 'locationId'] as const;
export type FillableField = (typeof FILLABLE_FIELDS)[number];
export type Fill = Partial<Record<FillableField, string>>;

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
