import { z } from 'zod';

/**
 * Ashby's answers as its OpenAPI describes them (tests/vendor/ashby/ashby-openapi.json), limited to what Hirebridge
 * reads: strict on those fields, lenient on every other (loose objects; optional fields nullish).
 */

const text = z.string().nullish().transform((v) => v ?? undefined);

/** The spec's "Error response": `errors` (deprecated) and `errorInfo` `{code, message, requestId}`. */
export const ErrorEnvelope = z.looseObject({
  success: z.literal(false),
  errors: z.array(z.unknown()).nullish(),
  errorInfo: z.looseObject({ code: text, message: text, requestId: text }).nullish(),
});

/** Every answer: `{success: true, results, warnings?}` or the error envelope (a 200 can be a failure). */
export const envelope = <T extends z.ZodType>(results: T) =>
  z.discriminatedUnion('success', [
    z.looseObject({ success: z.literal(true), results, warnings: z.array(z.unknown()).nullish() }),
    ErrorEnvelope,
  ]);

/** A list endpoint's page: `moreDataAvailable`, `nextCursor` while there is more, `syncToken` after the last page. */
export const listEnvelope = <T extends z.ZodType>(item: T) =>
  z.discriminatedUnion('success', [
    z.looseObject({
      success: z.literal(true),
      results: z.array(item),
      moreDataAvailable: z.boolean().nullish(),
      nextCursor: text,
      syncToken: text,
    }),
    ErrorEnvelope,
  ]);

/** apiKey.info: the key's name and its scopes (the spec's example: `jobs:read`, `candidates:read`). */
export const ApiKeyInfo = z.looseObject({ title: text, scopes: z.array(z.string()).nullish() });

const PostalAddress = z.looseObject({ addressCountry: text, addressRegion: text, addressLocality: text });

/** job.list with `expand: ["location"]`: status is one of Draft, Open, Closed, Archived. */
export const Job = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  locationId: text,
  updatedAt: text,
  location: z
    .looseObject({ id: z.string(), name: text, address: z.looseObject({ postalAddress: PostalAddress.nullish() }).nullish() })
    .nullish(),
});
export type Job = z.infer<typeof Job>;

const Contact = z.looseObject({ value: z.string(), isPrimary: z.boolean().nullish() });

/** candidate.info / .search / .create: one `name`, emails and phones as `{value, type, isPrimary}`, `profileUrl`. */
export const Candidate = z.looseObject({
  id: z.string(),
  name: z.string(),
  primaryEmailAddress: Contact.nullish(),
  emailAddresses: z.array(Contact).nullish(),
  primaryPhoneNumber: Contact.nullish(),
  phoneNumbers: z.array(Contact).nullish(),
  socialLinks: z.array(z.looseObject({ url: z.string(), type: text })).nullish(),
  applicationIds: z.array(z.string()).nullish(),
  profileUrl: text,
});
export type Candidate = z.infer<typeof Candidate>;

/** application.info / .list / .create: status is one of Hired, Archived, Active, Lead. */
export const Application = z.looseObject({
  id: z.string(),
  status: z.string(),
  updatedAt: text,
  candidate: z.looseObject({ id: z.string(), name: z.string(), primaryEmailAddress: Contact.nullish(), primaryPhoneNumber: Contact.nullish() }),
  currentInterviewStage: z.looseObject({ id: z.string(), title: text }).nullish(),
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
  latestVersion: z.looseObject({ startDate: text, createdAt: text }).nullish(),
});
export type Offer = z.infer<typeof Offer>;

/** source.list: the admin's sources, by title. */
export const Source = z.looseObject({ id: z.string(), title: z.string(), isArchived: z.boolean().nullish() });

/** A note's answer, read only as "it exists". */
export const Written = z.looseObject({ id: z.string() });
