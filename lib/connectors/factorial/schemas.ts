import { z } from 'zod/mini';
import { factorialCv, factorialId, optionalFactorialId } from './quirks';

/**
 * Factorial resources as the OpenAPI spec of the pinned version (2026-07-01; excerpt in tests/vendor/factorial)
 * describes them, limited to the fields Hirebridge reads. Unknown fields pass through untouched; ids go through
 * `factorialId` (string, or an older version's integer → string).
 */

const text = z.pipe(
  z.nullish(z.string()),
  z.transform((v) => v ?? undefined),
);

export const Credentials = z.looseObject({
  id: factorialId,
  company_id: factorialId,
  employee_id: optionalFactorialId,
  name: text,
  legal_name: text,
  full_name: text,
});

export const LegalEntity = z.looseObject({
  id: factorialId,
  company_id: factorialId,
  country: text,
  legal_name: z.string(),
});

export const Team = z.looseObject({ id: factorialId, name: z.string(), company_id: optionalFactorialId });

export const Location = z.looseObject({ id: factorialId, name: z.string(), country: text, company_id: optionalFactorialId });

export const Employee = z.looseObject({
  id: factorialId,
  first_name: z.string(),
  last_name: z.string(),
  full_name: text,
  email: text,
  login_email: text,
  personal_email: text,
  company_id: optionalFactorialId,
});

/**
 * POST employees/employees/create_with_contract (required: company_id, first_name, last_name, email; every id a
 * string). No job title here: that is the contract version's (`ContractVersion`).
 */
export const CreateEmployeeBody = z.strictObject({
  company_id: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  /** The personal email up to 2026-07-01, the login email from 2026-10-01 (see `createWithContractBody`). */
  email: z.string(),
  legal_entity_id: z.optional(z.string()),
  team_id: z.optional(z.string()),
  location_id: z.optional(z.string()),
  contract_starts_on: z.optional(z.string()),
  country: z.optional(z.string()),
  phone_number: z.optional(z.string()),
  manager_id: z.optional(z.string()),
  has_trial_period: z.optional(z.boolean()),
  trial_period_ends_on: z.optional(z.string()),
});

/** custom_fields/fields (2026-07-01 `custom_fields_field`): the label is `label_text`; choices come from custom_fields/options. */
export const CustomFieldType = z.enum(['text', 'long_text', 'date', 'rating', 'checkbox', 'single_choice', 'multiple_choice', 'money', 'cents']);
export const CustomField = z.looseObject({
  id: factorialId,
  field_type: z.string(),
  label_text: z.string(),
  required: z.nullish(z.boolean()),
  legal_entity_name: text,
  legal_entity_id: optionalFactorialId,
  slug: text,
});
export const CustomFieldOption = z.looseObject({ id: factorialId, label: text, value: text, is_active: z.nullish(z.boolean()), field_id: optionalFactorialId });
/** custom_fields/values (`custom_fields_value`): `value` is typed "unknown" by the spec. */
export const CustomFieldValue = z.looseObject({ id: factorialId, field_id: factorialId, valuable_id: factorialId, valuable_type: z.string(), value: z.unknown() });

/** contracts/contract_versions: where an employee's job title lives. */
export const ContractVersion = z.looseObject({
  id: factorialId,
  employee_id: factorialId,
  effective_on: text,
  starts_on: text,
  job_title: text,
});
export type CreateEmployeeBody = z.infer<typeof CreateEmployeeBody>;

export const JobPosting = z.looseObject({
  id: factorialId,
  title: z.string(),
  status: z.string(),
  location_id: optionalFactorialId,
  legal_entity_id: optionalFactorialId,
  team_id: optionalFactorialId,
  url: text,
  remote: z.nullish(z.boolean()),
  published_at: text,
  created_at: text,
});
export type JobPosting = z.infer<typeof JobPosting>;

export const AtsCandidate = z.looseObject({
  id: factorialId,
  first_name: z.string(),
  last_name: z.string(),
  full_name: text,
  email: text,
  phone_number: text,
});

export const AtsApplication = z.looseObject({
  id: factorialId,
  ats_job_posting_id: factorialId,
  ats_candidate_id: optionalFactorialId,
  ats_application_phase_id: optionalFactorialId,
  /** Set once the person is an employee in Factorial HR. */
  employee_id: optionalFactorialId,
  /** Read-only, from 2026-07-01. */
  cv: factorialCv,
  created_at: text,
});

export const ApplicationPhase = z.looseObject({
  id: factorialId,
  ats_job_posting_id: optionalFactorialId,
  name: z.string(),
  phase_type: z.string(),
});
