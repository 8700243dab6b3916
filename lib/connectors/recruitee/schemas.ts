import { z } from 'zod/mini';

/**
 * Recruitee's answers, as far as Hirebridge reads them: lenient on extra fields (zod drops them), strict on the ones
 * used. Shapes from recorded answers of the real API and Recruitee's docs (tests/vendor/recruitee/SOURCE.md,
 * recorded-answers.json). Ids are integers in Recruitee; the port turns them into strings.
 */

const nullableString = z.pipe(
  z.nullish(z.string()),
  z.transform((v) => v ?? undefined),
);

/** A list Recruitee may send as null or leave out: read as an empty list. */
function listOrEmpty<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.nullish(z.array(item)),
    z.transform((v): z.output<T>[] => v ?? []),
  );
}

export const Offer = z.object({
  id: z.number().check(z.int()),
  title: z.string(),
  /** published, internal, closed, archived, draft. */
  status: z.string(),
  /** `job` or `talent_pool`: a talent pool is not a job. */
  kind: z.nullish(z.string()),
  location: nullableString,
  city: nullableString,
  country_code: nullableString,
  careers_url: nullableString,
  updated_at: nullableString,
  /** Careers-site screening questions, when an offer carries them (read leniently; see the port). */
  open_questions: z.nullish(z.array(z.unknown())),
});
export type Offer = z.output<typeof Offer>;
export const OfferList = z.object({ offers: z.array(Offer) });

export const Placement = z.object({
  id: z.number().check(z.int()),
  offer_id: z.number().check(z.int()),
  stage_id: z.nullish(z.number().check(z.int())),
  hired_at: nullableString,
  /** The start date Recruitee asks for when a candidate is moved to Hired: the only start date it keeps. */
  job_starts_at: nullableString,
  disqualify_reason: nullableString,
});
export type Placement = z.output<typeof Placement>;

export const Candidate = z.object({
  id: z.number().check(z.int()),
  name: z.string(),
  emails: listOrEmpty(z.string()),
  phones: listOrEmpty(z.string()),
  links: listOrEmpty(z.string()),
  sources: listOrEmpty(z.string()),
  cv_url: nullableString,
  placements: listOrEmpty(Placement),
});
export type Candidate = z.output<typeof Candidate>;

/** `references` lists the offers and stages a candidate's placements point at (`type` Offer / Stage). */
export const Reference = z.object({
  type: z.string(),
  id: z.number().check(z.int()),
  title: z.nullish(z.string()),
  name: z.nullish(z.string()),
  category: z.nullish(z.string()),
});
export type Reference = z.output<typeof Reference>;
const references = listOrEmpty(Reference);

export const CandidateShow = z.object({ candidate: Candidate, references });
export const CandidateList = z.object({ candidates: z.array(Candidate), references });
export const SearchHits = z.object({
  hits: z.array(
    z.object({
      id: z.number().check(z.int()),
      emails: listOrEmpty(z.string()),
    }),
  ),
  total: z.number().check(z.int()),
});
export const PlacementCreated = z.object({ placement: Placement });
