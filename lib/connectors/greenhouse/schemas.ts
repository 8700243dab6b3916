import { z } from 'zod';

/**
 * Harvest v3's answers, limited to what Hirebridge reads; unknown fields pass through. Field names and their
 * provenance (documented by Greenhouse's v3 pages, carried over from v1, or inferred) are listed in
 * tests/vendor/greenhouse/harvest-v3.json. Ids are integers in Greenhouse: kept as strings here.
 */

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);
const text = z.string().nullish().transform((v) => v ?? undefined);
const optionalId = z.union([z.number().int(), z.string().regex(/^\d+$/)]).nullish().transform((v) => (v === null || v === undefined ? undefined : String(v)));

/** Token answer (RFC 6749 §5.1; `expires_at` accepted too: inferred, Greenhouse's token body is not in its stored docs). */
export const Token = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
  expires_at: z.string().optional(),
});

export const Job = z.looseObject({
  id,
  name: text,
  status: z.string().nullish(),
  updated_at: text,
  /** v3 names an office by id (inferred from "Standardizations"); v1's nested `offices` is read too. */
  office_ids: z.array(id).nullish().catch(undefined),
  offices: z.array(z.looseObject({ id, name: text, location: z.looseObject({ name: text }).nullish() })).nullish().catch(undefined),
});
export type Job = z.output<typeof Job>;

export const Office = z.looseObject({ id, name: text, location: z.looseObject({ name: text }).nullish().catch(undefined) });

const Contact = z.looseObject({ value: z.string(), type: text });
export const Candidate = z.looseObject({
  id,
  first_name: text,
  last_name: text,
  email_addresses: z.array(Contact).nullish().catch(undefined),
  phone_numbers: z.array(Contact).nullish().catch(undefined),
});
export type Candidate = z.output<typeof Candidate>;

export const Application = z.looseObject({
  id,
  candidate_id: id,
  /** v3: the parent's id ("All parent resource IDs are included in child resources"); v1 nested `jobs[]` read too. */
  job_id: optionalId,
  jobs: z.array(z.looseObject({ id, name: text })).nullish().catch(undefined),
  status: z.string().nullish(),
  prospect: z.boolean().nullish(),
  current_stage_id: optionalId,
  current_stage: z.looseObject({ id, name: text }).nullish().catch(undefined),
  updated_at: text,
});
export type Application = z.output<typeof Application>;

export const JobStage = z.looseObject({ id, name: text });

/**
 * An offer: `status` (Created, Accepted, Rejected, Deprecated — compared case-insensitively, v1 wrote them in lower
 * case) and its start date: `start_on` in v3's naming rule ("Date-only fields are suffixed with _on (for example,
 * start_on)"), `starts_at` in v1 (a date, "2018-07-20"). Both are read.
 */
export const Offer = z.looseObject({
  id,
  application_id: id,
  status: z.string().nullish(),
  start_on: text,
  starts_at: text,
  version: z.number().nullish(),
  updated_at: text,
  custom_fields: z.record(z.string(), z.unknown()).nullish().catch(undefined),
});
export type Offer = z.output<typeof Offer>;

export const Attachment = z.looseObject({ id, application_id: optionalId, filename: text, type: text });

export const list = <T extends z.ZodType>(item: T) => z.array(item);
