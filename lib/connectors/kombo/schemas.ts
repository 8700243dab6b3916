import { z } from 'zod';

/**
 * Kombo's unified ATS models as its OpenAPI spec describes them, limited to what Hirebridge reads.
 * Nullable fields are nullish here; unknown fields pass through.
 */

const text = z.string().nullish().transform((v) => v ?? undefined);

export const success = <T extends z.ZodType>(data: T) => z.object({ status: z.literal('success'), data });
export const paged = <T extends z.ZodType>(item: T) => success(z.object({ next: z.string().nullable(), results: z.array(item) }));

export const CheckApiKey = success(z.looseObject({ environment_id: z.string(), customer_id: z.string() }));

const QuestionOption = z.looseObject({ id: z.string(), name: z.string() });
const QuestionFormat = z.looseObject({ type: z.string(), options: z.array(QuestionOption).nullish() });

export const ScreeningQuestion = z.looseObject({
  id: z.string(),
  title: text,
  description: text,
  required: z.boolean().nullish(),
  format: QuestionFormat.nullish(),
});

export const Job = z.looseObject({
  id: z.string(),
  remote_id: z.string().nullish(),
  name: text,
  status: z.string().nullish(),
  location: z.looseObject({ city: text, country: text, raw: text }).nullish(),
  remote_url: text,
  post_url: text,
  changed_at: z.string(),
  remote_deleted_at: text,
  screening_questions: z.array(ScreeningQuestion).nullish(),
});
export type Job = z.infer<typeof Job>;

const Stage = z.looseObject({ id: z.string(), name: text }).nullish();
const JobRef = z.looseObject({ id: z.string(), remote_id: z.string().nullish(), name: text }).nullish();

export const CandidateApplication = z.looseObject({
  id: z.string(),
  remote_id: z.string().nullish(),
  outcome: z.string().nullish(),
  current_stage: Stage,
  job: JobRef,
});

const Emails = z.array(z.looseObject({ email_address: text })).nullish();
const Phones = z.array(z.looseObject({ phone_number: z.string() })).nullish();

export const Candidate = z.looseObject({
  id: z.string(),
  remote_id: z.string().nullish(),
  first_name: text,
  last_name: text,
  email_addresses: Emails,
  phone_numbers: Phones,
  applications: z.array(CandidateApplication).nullish(),
  custom_fields: z.record(z.string(), z.unknown()).nullish().catch(undefined),
});
export type Candidate = z.infer<typeof Candidate>;

/** An application lists its offers as `{id, remote_id, status}` only; GET /ats/offers has the rest. */
const OfferRef = z.looseObject({ id: z.string(), remote_id: z.string().nullish(), status: z.string().nullish() });

export const Application = z.looseObject({
  id: z.string(),
  remote_id: z.string().nullish(),
  outcome: z.string().nullish(),
  job_id: z.string().nullish(),
  candidate_id: z.string().nullish(),
  remote_updated_at: text,
  changed_at: text,
  candidate: z
    .looseObject({ id: z.string(), remote_id: z.string().nullish(), first_name: text, last_name: text, email_addresses: Emails, phone_numbers: Phones })
    .nullish(),
  current_stage: Stage,
  job: JobRef,
  offers: z.array(OfferRef).nullish(),
  /** Any JSON by key; a malformed one is dropped, not a reason to refuse the page. */
  custom_fields: z.record(z.string(), z.unknown()).nullish().catch(undefined),
});

/** GET /ats/offers: `employment_start_date` is an ISO date-time (or null: the ATS has no start date). */
export const Offer = z.looseObject({
  id: z.string(),
  status: z.string().nullish(),
  employment_start_date: text,
  application_id: z.string().nullish(),
  remote_updated_at: text,
  remote_deleted_at: text,
  custom_fields: z.record(z.string(), z.unknown()).nullish().catch(undefined),
});
export type Offer = z.infer<typeof Offer>;

/** What POST /ats/import-tracked-application answers. */
export const ImportedTracked = success(z.looseObject({ id: z.string(), tracked_at: text }));

/**
 * What POST /ats/jobs/{job_id}/applications answers: the application with its candidate, and `warnings` (required in
 * the spec: "the interaction warnings that are shown in the dashboard", e.g. an answer or a file the ATS did not take).
 * A success without them is still a success: read as none.
 */
export const CreatedApplication = success(
  z.looseObject({
    id: z.string(),
    candidate_id: z.string().nullish(),
    candidate: z.looseObject({ id: z.string() }).nullish(),
  }),
).extend({ warnings: z.array(z.looseObject({ message: z.string() })).nullish().catch(undefined) });

const amount = z.number().nullish();
/** One attachment type's rule: supported (with its limits, null = Kombo does not know) or not at all. */
const AttachmentTypeRule = z.union([
  z.looseObject({ is_supported: z.literal(true), max_amount: amount, max_file_size_bytes: amount, accepted_mime_types: z.array(z.string()).nullish() }),
  z.looseObject({ is_supported: z.literal(false) }),
]);
/** GET /ats/actions/ats_create_application: what the ATS takes as attachments of a new application (null: unknown). */
export const CreateApplicationAction = success(
  z.looseObject({
    attachment_restrictions: z
      .looseObject({ total_size_bytes: amount, types: z.looseObject({ CV: AttachmentTypeRule.nullish() }) })
      .nullish(),
  }),
);
export type AttachmentRestrictions = NonNullable<z.output<typeof CreateApplicationAction>['data']['attachment_restrictions']>;
export const Written = success(z.unknown());
