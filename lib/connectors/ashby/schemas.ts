import { z } from 'zod/mini';

/**
 * Ashby's answers as its OpenAPI describes them (tests/vendor/ashby/ashby-openapi.json), limited to what Hirebridge
 * reads: strict on those fields, lenient on every other (loose objects; optional fields nullish).
 */

const text = z.pipe(
  z.nullish(z.string()),
  z.transform((v) => v ?? undefined),
);

/** The spec's "Error response": `errors` (deprecated) and `errorInfo` `{code, message, requestId}`. */
export const ErrorEnvelope = z.looseObject({
  success: z.literal(false),
  errors: z.nullish(z.array(z.unknown())),
  errorInfo: z.nullish(z.looseObject({ code: text, message: text, requestId: text })),
});

/** Every answer: `{success: true, results, warnings?}` or the error envelope (a 200 can be a failure). */
export const envelope = <T extends z.ZodMiniType>(results: T) =>
  z.discriminatedUnion('success', [z.looseObject({ success: z.literal(true), results, warnings: z.nullish(z.array(z.unknown())) }), ErrorEnvelope]);

/** A list endpoint's page: `moreDataAvailable`, `nextCursor` while there is more, `syncToken` after the last page. */
export const listEnvelope = <T extends z.ZodMiniType>(item: T) =>
  z.discriminatedUnion('success', [
    z.looseObject({
      success: z.literal(true),
      results: z.array(item),
      moreDataAvailable: z.nullish(z.boolean()),
      nextCursor: text,
      syncToken: text,
    }),
    ErrorEnvelope,
  ]);

/** apiKey.info: the key's name and its scopes (the spec's example: `jobs:read`, `candidates:read`). */
export const ApiKeyInfo = z.looseObject({ title: text, scopes: z.nullish(z.array(z.string())) });

const PostalAddress = z.looseObject({ addressCountry: text, addressRegion: text, addressLocality: text });

/** job.list with `expand: ["location"]`: status is one of Draft, Open, Closed, Archived. */
export const Job = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  locationId: text,
  updatedAt: text,
  location: z.nullish(z.looseObject({ id: z.string(), name: text, address: z.nullish(z.looseObject({ postalAddress: z.nullish(PostalAddress) })) })),
});
export type Job = z.infer<typeof Job>;

const Contact = z.looseObject({ value: z.string(), isPrimary: z.nullish(z.boolean()) });

/** candidate.info / .search / .create: one `name`, emails and phones as `{value, type, isPrimary}`, `profileUrl`. */
export const Candidate = z.looseObject({
  id: z.string(),
  name: z.string(),
  primaryEmailAddress: z.nullish(Contact),
  emailAddresses: z.nullish(z.array(Contact)),
  primaryPhoneNumber: z.nullish(Contact),
  phoneNumbers: z.nullish(z.array(Contact)),
  socialLinks: z.nullish(z.array(z.looseObject({ url: z.string(), type: text }))),
  applicationIds: z.nullish(z.array(z.string())),
  profileUrl: text,
});
export type Candidate = z.infer<typeof Candidate>;

/** application.info / .list / .create: status is one of Hired, Archived, Active, Lead. */
export const Application = z.looseObject({
  id: z.string(),
  status: z.string(),
  updatedAt: text,
  candidate: z.looseObject({ id: z.string(), name: z.string(), primaryEmailAddress: z.nullish(Contact), primaryPhoneNumber: z.nullish(Contact) }),
  currentInterviewStage: z.nullish(z.looseObject({ id: z.string(), title: text })),
  job: z.looseObject({ id: z.string(), title: text }),
});
export type Application = z.infer<typeof Application>;

/** offer.list: `acceptanceStatus` Accepted, …; the start date is on the latest version (a date-time string). */
export const Offer = z.looseObject({
  id: z.string(),
  applicationId: z.string(),
  acceptanceStatus: text,
  offerStatus: text,
  decidedAt: text,
  latestVersion: z.nullish(z.looseObject({ startDate: text, createdAt: text })),
});
export type Offer = z.infer<typeof Offer>;

/** source.list: the admin's sources, by title. */
export const Source = z.looseObject({ id: z.string(), title: z.string(), isArchived: z.nullish(z.boolean()) });

/** A note's answer, read only as "it exists". */
export const Written = z.looseObject({ id: z.string() });
