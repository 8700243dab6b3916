import { z } from 'zod/mini';

/**
 * Kombo's unified ATS models as its OpenAPI spec describes them, limited to what Hirebridge reads.
 * Nullable fields are nullish here; unknown fields pass through.
 */

const text = z.pipe(
  z.nullish(z.string()),
  z.transform((v) => v ?? undefined),
);

export const success = <T extends z.ZodMiniType>(data: T) => z.object({ status: z.literal('success'), data });
export const paged = <T extends z.ZodMiniType>(item: T) => success(z.object({ next: z.nullable(z.string()), results: z.array(item) }));

export const CheckApiKey = success(z.looseObject({ environment_id: z.string(), customer_id: z.string() }));

const QuestionOption = z.looseObject({ id: z.string(), name: z.string() });
const QuestionFormat = z.looseObject({ type: z.string(), options: z.nullish(z.array(QuestionOption)) });

export const ScreeningQuestion = z.looseObject({
  id: z.string(),
  title: text,
  description: text,
  required: z.nullish(z.boolean()),
  format: z.nullish(QuestionFormat),
});

export const Job = z.looseObject({
  id: z.string(),
  remote_id: z.nullish(z.string()),
  name: text,
  status: z.nullish(z.string()),
  location: z.nullish(z.looseObject({ city: text, country: text, raw: text })),
  remote_url: text,
  post_url: text,
  changed_at: z.string(),
  remote_deleted_at: text,
  screening_questions: z.nullish(z.array(ScreeningQuestion)),
});
export type Job = z.infer<typeof Job>;

const Stage = z.nullish(z.looseObject({ id: z.string(), name: text }));
const JobRef = z.nullish(z.looseObject({ id: z.string(), remote_id: z.nullish(z.string()), name: text }));

export const CandidateApplication = z.looseObject({
  id: z.string(),
  remote_id: z.nullish(z.string()),
  outcome: z.nullish(z.string()),
  current_stage: Stage,
  job: JobRef,
});

const Emails = z.nullish(z.array(z.looseObject({ email_address: text })));
const Phones = z.nullish(z.array(z.looseObject({ phone_number: z.string() })));

export const Candidate = z.looseObject({
  id: z.string(),
  remote_id: z.nullish(z.string()),
  first_name: text,
  last_name: text,
  email_addresses: Emails,
  phone_numbers: Phones,
  applications: z.nullish(z.array(CandidateApplication)),
  custom_fields: z.catch(z.nullish(z.record(z.string(), z.unknown())), undefined),
});
export type Candidate = z.infer<typeof Candidate>;

/** An application lists its offers as `{id, remote_id, status}` only; GET /ats/offers has the rest. */
const OfferRef = z.looseObject({ id: z.string(), remote_id: z.nullish(z.string()), status: z.nullish(z.string()) });

export const Application = z.looseObject({
  id: z.string(),
  remote_id: z.nullish(z.string()),
  outcome: z.nullish(z.string()),
  job_id: z.nullish(z.string()),
  candidate_id: z.nullish(z.string()),
  remote_updated_at: text,
  changed_at: text,
  candidate: z.nullish(
    z.looseObject({ id: z.string(), remote_id: z.nullish(z.string()), first_name: text, last_name: text, email_addresses: Emails, phone_numbers: Phones }),
  ),
  current_stage: Stage,
  job: JobRef,
  offers: z.nullish(z.array(OfferRef)),
  /** Any JSON by key; a malformed one is dropped, not a reason to refuse the page. */
  custom_fields: z.catch(z.nullish(z.record(z.string(), z.unknown())), undefined),
});

/** GET /ats/offers: `employment_start_date` is an ISO date-time (or null: the ATS has no start date). */
export const Offer = z.looseObject({
  id: z.string(),
  status: z.nullish(z.string()),
  employment_start_date: text,
  application_id: z.nullish(z.string()),
  remote_updated_at: text,
  remote_deleted_at: text,
  custom_fields: z.catch(z.nullish(z.record(z.string(), z.unknown())), undefined),
});
export type Offer = z.infer<typeof Offer>;

/** What POST /ats/import-tracked-application answers. */
export const ImportedTracked = success(z.looseObject({ id: z.string(), tracked_at: text }));

/**
 * What POST /ats/jobs/{job_id}/applications answers: the application with its candidate, and `warnings` (required in
 * the spec: "the interaction warnings that are shown in the dashboard", e.g. an answer or a file the ATS did not take).
 * A success without them is still a success: read as none.
 */
export const CreatedApplication = z.extend(
  success(
    z.looseObject({
      id: z.string(),
      candidate_id: z.nullish(z.string()),
      candidate: z.nullish(z.looseObject({ id: z.string() })),
    }),
  ),
  { warnings: z.catch(z.nullish(z.array(z.looseObject({ message: z.string() }))), undefined) },
);

const amount = z.nullish(z.number());
/** One attachment type's rule: supported (with its limits, null = Kombo does not know) or not at all. */
const AttachmentTypeRule = z.union([
  z.looseObject({ is_supported: z.literal(true), max_amount: amount, max_file_size_bytes: amount, accepted_mime_types: z.nullish(z.array(z.string())) }),
  z.looseObject({ is_supported: z.literal(false) }),
]);
/** GET /ats/actions/ats_create_application: what the ATS takes as attachments of a new application (null: unknown). */
export const CreateApplicationAction = success(
  z.looseObject({
    attachment_restrictions: z.nullish(z.looseObject({ total_size_bytes: amount, types: z.looseObject({ CV: z.nullish(AttachmentTypeRule) }) })),
  }),
);
export type AttachmentRestrictions = NonNullable<z.output<typeof CreateApplicationAction>['data']['attachment_restrictions']>;
export const Written = success(z.unknown());
