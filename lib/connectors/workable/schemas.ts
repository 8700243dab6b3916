import { z } from 'zod/mini';

/**
 * Workable's SPI v3 answers, limited to what Hirebridge reads (tests/vendor/workable/spi-v3-excerpt.json: the
 * vendor's examples). Lenient on everything else: unknown fields pass through, and empty values, which v3 returns as
 * null ("Empty string values are now returned as null", What's new in v3), read as absent.
 */

const text = z.pipe(
  z.nullish(z.string()),
  z.transform((v) => v ?? undefined),
);

/** `paging.next`: the next page's full URL, present only when there is one. */
const Paging = z.nullish(z.looseObject({ next: text }));

export const JobLocation = z.looseObject({
  location_str: text,
  country: text,
  country_code: text,
  region: text,
  city: text,
  telecommuting: z.nullish(z.boolean()),
});

export const Job = z.looseObject({
  id: z.string(),
  title: z.string(),
  full_title: text,
  shortcode: z.string(),
  state: z.string(),
  url: text,
  application_url: text,
  location: z.nullish(JobLocation),
  created_at: text,
  updated_at: text,
});
export type Job = z.infer<typeof Job>;
export const JobList = z.looseObject({ jobs: z.array(Job), paging: Paging });

const Choice = z.looseObject({ id: z.string(), body: z.string() });
export const Question = z.looseObject({
  id: z.string(),
  body: z.string(),
  type: z.string(),
  required: z.nullish(z.boolean()),
  single_answer: z.nullish(z.boolean()),
  choices: z.nullish(z.array(Choice)),
});
export const QuestionList = z.looseObject({ questions: z.array(Question) });

export const Stage = z.looseObject({ slug: z.string(), name: z.string(), kind: text });
export const StageList = z.looseObject({ stages: z.array(Stage) });

export const Member = z.looseObject({ id: z.string(), name: text, role: text });
export const MemberList = z.looseObject({ members: z.array(Member), paging: Paging });

const CandidateJob = z.nullish(z.looseObject({ shortcode: z.string(), title: text }));

/** A candidate as the collection lists it (basic fields only: no phone, tags or answers). */
export const CandidateRow = z.looseObject({
  id: z.string(),
  name: text,
  firstname: text,
  lastname: text,
  email: text,
  account: z.nullish(z.looseObject({ subdomain: text, name: text })),
  job: CandidateJob,
  stage: text,
  disqualified: z.nullish(z.boolean()),
  sourced: z.nullish(z.boolean()),
  profile_url: text,
  /** Listed by integrations reading v3 (NangoHQ's Workable template); not in the vendor's examples: optional. */
  hired_at: text,
  created_at: text,
  updated_at: text,
});
export type CandidateRow = z.infer<typeof CandidateRow>;
export const CandidateList = z.looseObject({ candidates: z.array(CandidateRow), paging: Paging });

/** The candidate endpoint's full record. */
export const CandidateDetail = z.extend(CandidateRow, {
  phone: text,
  headline: text,
  cover_letter: text,
  resume_url: text,
  tags: z.nullish(z.array(z.string())),
  originating_candidate_id: text,
});
export type CandidateDetail = z.infer<typeof CandidateDetail>;
export const OneCandidate = z.looseObject({ candidate: CandidateDetail });

/** POST /jobs/:shortcode/candidates: `{status: "created", candidate}` (201). */
export const CreatedCandidate = z.looseObject({ status: text, candidate: CandidateDetail });
/** POST /candidates/:id/copy: `{candidate: {id, url}}` (201). */
export const CopiedCandidate = z.looseObject({ candidate: z.looseObject({ id: z.string(), url: text }) });
export const Tags = z.looseObject({ tags: z.array(z.string()) });

/** GET /candidates/:id/offer: the offer's document variables (`start_date` among them). */
const DocumentVariable = z.looseObject({
  document_variable: z.looseObject({ name: text, slug: text }),
  value: z.nullish(z.looseObject({ body: z.optional(z.unknown()) })),
});
export const Offer = z.looseObject({
  candidate: z.nullish(z.looseObject({ id: text })),
  created_at: text,
  document_variables: z.nullish(z.array(DocumentVariable)),
});

/** Writes whose answer Hirebridge does not read (a 202 with a tags list, a PATCH's candidate). */
export const Anything = z.unknown();
