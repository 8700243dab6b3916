import { z } from 'zod/mini';

/**
 * Teamtailor's JSON:API answers (tests/vendor/teamtailor/teamtailor-api-excerpts.json): `{ data, included, meta, links }`,
 * each resource `{ id, type, attributes, relationships }`, attribute names dasherised. Lenient on what Hirebridge does
 * not read (loose objects, attributes optional), strict on what it does (ids are strings, types are what they say).
 */

const Id = z.string().check(z.minLength(1));
const Text = z.nullish(z.string());

/** A relationship's linkage, present when the related resource was asked for with `include`. */
const Linkage = z.looseObject({ id: z.union([Id, z.pipe(z.number(), z.transform(String))]), type: z.string() });
const Relationship = z.looseObject({ data: z.nullish(z.union([Linkage, z.array(Linkage)])) });
const Relationships = z.optional(z.record(z.string(), Relationship));

const resource = <A extends z.ZodMiniType>(type: string, attributes: A) =>
  z.looseObject({ id: Id, type: z.literal(type), attributes, relationships: Relationships, links: z.optional(z.record(z.string(), z.nullish(z.string()))) });

export const JobAttributes = z.looseObject({
  title: Text,
  status: Text,
  'human-status': Text,
  'created-at': Text,
});
export const Job = resource('jobs', JobAttributes);
export type Job = z.output<typeof Job>;

export const Location = resource('locations', z.looseObject({ city: Text, country: Text, name: Text }));
export type Location = z.output<typeof Location>;

export const Candidate = resource(
  'candidates',
  z.looseObject({
    'first-name': Text,
    'last-name': Text,
    email: Text,
    phone: Text,
    tags: z.nullish(z.array(z.string())),
    'updated-at': Text,
  }),
);
export type Candidate = z.output<typeof Candidate>;

export const JobApplication = resource(
  'job-applications',
  z.looseObject({
    'created-at': Text,
    'updated-at': Text,
    'changed-stage-at': Text,
    'rejected-at': Text,
    sourced: z.nullish(z.boolean()),
    'referring-url': Text,
  }),
);
export type JobApplication = z.output<typeof JobApplication>;

export const Stage = resource('stages', z.looseObject({ name: Text, 'stage-type': Text }));
export type Stage = z.output<typeof Stage>;

/** `alternatives` is `null` in every example the docs give: objects with an id and a title are read, anything else is not. */
const Alternative = z.looseObject({ id: z.union([Id, z.pipe(z.number(), z.transform(String))]), title: z.nullish(z.string()) });
export const Question = resource(
  'questions',
  z.looseObject({
    title: Text,
    'question-type': Text,
    multiple: z.nullish(z.boolean()),
    alternatives: z.nullish(z.array(z.unknown())),
  }),
);
export type Question = z.output<typeof Question>;
export const readAlternatives = (question: Question) =>
  (question.attributes.alternatives ?? []).flatMap((a) => {
    const parsed = Alternative.safeParse(a);
    return parsed.success ? [{ id: parsed.data.id, name: parsed.data.title ?? parsed.data.id }] : [];
  });

export const PickedQuestion = resource('picked-questions', z.looseObject({ mandatory: z.nullish(z.boolean()) }));
export type PickedQuestion = z.output<typeof PickedQuestion>;

/** An answer as created (its body is not read further). */
export const Answer = resource('answers', z.looseObject({}));

export const Company = resource('companies', z.looseObject({ name: Text }));

/** Whatever `include` brought along: kept by type and id, each read with its own schema when used. */
export const Included = z.optional(z.array(z.looseObject({ id: Id, type: z.string() })));

const Links = z.optional(z.looseObject({ next: z.nullish(z.string()) }));

export const listOf = <S extends z.ZodMiniType>(item: S) =>
  z.looseObject({ data: z.array(item), included: Included, links: Links, meta: z.optional(z.looseObject({})) });
export const oneOf = <S extends z.ZodMiniType>(item: S) => z.looseObject({ data: item, included: Included });
