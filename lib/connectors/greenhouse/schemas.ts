import { z } from 'zod/mini';

/**
 * Harvest v3's answers, limited to what Hirebridge reads; unknown fields pass through. Field names and their
 * provenance (documented by Greenhouse's v3 pages, carried over from v1, or inferred) are listed in
 * tests/vendor/greenhouse/harvest-v3.json. Ids are integers in Greenhouse: kept as strings here.
 */

const id = z.pipe(z.union([z.number().check(z.int()), z.string().check(z.regex(/^\d+$/))]), z.transform(String));
const text = z.pipe(
  z.nullish(z.string()),
  z.transform((v) => v ?? undefined),
);
const optionalId = z.pipe(
  z.nullish(z.union([z.number().check(z.int()), z.string().check(z.regex(/^\d+$/))])),
  z.transform((v) => (v === null || v === undefined ? undefined : String(v))),
);

/** Token answer (RFC 6749 §5.1; `expires_at` accepted too: inferred, Greenhouse's token body is not in its stored docs). */
export const Token = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.optional(z.string()),
  expires_in: z.optional(z.number().check(z.positive())),
  expires_at: z.optional(z.string()),
});

export const Job = z.looseObject({
  id,
  name: text,
  status: z.nullish(z.string()),
  updated_at: text,
  /** v3 names an office by id (inferred from "Standardizations"); v1's nested `offices` is read too. */
  office_ids: z.catch(z.nullish(z.array(id)), undefined),
  offices: z.catch(z.nullish(z.array(z.looseObject({ id, name: text, location: z.nullish(z.looseObject({ name: text })) }))), undefined),
});
export type Job = z.output<typeof Job>;

export const Office = z.looseObject({ id, name: text, location: z.catch(z.nullish(z.looseObject({ name: text })), undefined) });

const Contact = z.looseObject({ value: z.string(), type: text });
export const Candidate = z.looseObject({
  id,
  first_name: text,
  last_name: text,
  email_addresses: z.catch(z.nullish(z.array(Contact)), undefined),
  phone_numbers: z.catch(z.nullish(z.array(Contact)), undefined),
});
export type Candidate = z.output<typeof Candidate>;

export const Application = z.looseObject({
  id,
  candidate_id: id,
  /** v3: the parent's id ("All parent resource IDs are included in child resources"); v1 nested `jobs[]` read too. */
  job_id: optionalId,
  jobs: z.catch(z.nullish(z.array(z.looseObject({ id, name: text }))), undefined),
  status: z.nullish(z.string()),
  prospect: z.nullish(z.boolean()),
  current_stage_id: optionalId,
  current_stage: z.catch(z.nullish(z.looseObject({ id, name: text })), undefined),
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
  status: z.nullish(z.string()),
  start_on: text,
  starts_at: text,
  version: z.nullish(z.number()),
  updated_at: text,
  custom_fields: z.catch(z.nullish(z.record(z.string(), z.unknown())), undefined),
});
export type Offer = z.output<typeof Offer>;

export const Attachment = z.looseObject({ id, application_id: optionalId, filename: text, type: text });

export const list = <T extends z.ZodMiniType>(item: T) => z.array(item);
