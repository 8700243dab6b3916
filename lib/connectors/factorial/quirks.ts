import { z } from 'zod';
import type { VendorErrorDetails } from '../http';

/**
 * Every Factorial quirk from the vendor notes and specs, each in one place:
 * - ids: integers before API 2026-07-01, strings from it: accept both, keep strings;
 * - lists: `{data, meta}` in the live API, bare arrays in the 2024 spec: accept both;
 * - paging: the next page is `after_id=<meta.end_cursor>`, an opaque cursor (base64, e.g. "Mjc="), never an
 *   item's id (the official SDK, factorialco/factorial-api-sdks typescript/src/pagination.ts, does exactly this);
 *   `limit` ≤ 100;
 * - array query params are Rails style: `emails[]=a&emails[]=b`;
 * - error bodies are undocumented: several shapes are seen in the wild;
 * - `email` in create_with_contract: the personal email up to 2026-07-01, the login email from 2027-01-01;
 * - "hired" is the application phase whose `phase_type` is `hired`;
 * - the job title is not on the employee: it lives on the contract version.
 */

export const factorialId = z.union([z.string().min(1), z.number().int()]).transform((id) => String(id));
export const optionalFactorialId = factorialId.nullish().transform((id) => id ?? undefined);

export const FACTORIAL_MAX_LIMIT = 100;

const pageMeta = z
  .object({
    has_next_page: z.boolean().optional(),
    // A string in the spec; an older version's integer is read the same way. Passed back untouched.
    end_cursor: z.union([z.string(), z.number()]).nullish(),
    total: z.number().nullish(),
  })
  .passthrough();

export interface FactorialPage<T> {
  items: T[];
  hasNextPage: boolean;
  /** `meta.end_cursor`: what to send as `after_id` for the next page. Opaque: never built, never parsed. */
  endCursor?: string;
  total?: number;
}

/** A list in either shape, normalised to items plus the cursor of the next page (a bare array has none). */
export function factorialList<T extends z.ZodType>(item: T) {
  return z.union([
    z.object({ data: z.array(item), meta: pageMeta.nullish() }).transform(
      (body): FactorialPage<z.output<T>> => ({
        items: body.data,
        hasNextPage: body.meta?.has_next_page ?? false,
        endCursor: body.meta?.end_cursor === undefined || body.meta?.end_cursor === null || body.meta.end_cursor === '' ? undefined : String(body.meta.end_cursor),
        total: body.meta?.total ?? undefined,
      }),
    ),
    z.array(item).transform((items): FactorialPage<z.output<T>> => ({ items, hasNextPage: false, total: items.length })),
  ]);
}

/** A list's name for messages: `teams/teams` → "teams", `ats/job_postings` → "job postings". */
export function listLabel(resource: string): string {
  return (resource.split('/').filter(Boolean).pop() ?? resource).replace(/_/g, ' ');
}

type QueryParams = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

/** Rails-style query string: arrays as `key[]=a&key[]=b`, everything percent-encoded. */
export function railsQuery(params: QueryParams): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${encodeURIComponent(key)}[]=${encodeURIComponent(String(item))}`);
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.join('&');
}

/** The error shapes seen in the wild: `{errors:{errors:[…]}}`, `{errors:[…]}`, `{message}`, `{error}`. */
export function readFactorialError(body: unknown): VendorErrorDetails {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? { message: body } : {};
  const b = body as Record<string, unknown>;
  const flatten = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(flatten);
    if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.message === 'string') return [o.message];
      if (typeof o.detail === 'string') return [o.detail];
      return Object.entries(o).flatMap(([k, v]) => (k === 'errors' ? flatten(v) : flatten(v).map((m) => `${k} ${m}`)));
    }
    return [];
  };
  const messages = flatten(b.errors ?? b.message ?? b.error);
  return { message: messages.length ? messages.slice(0, 3).join('; ') : undefined, code: typeof b.code === 'string' ? b.code : undefined };
}

/** A single resource: newer versions wrap it in `{ data }`, older ones answer it bare. */
export function factorialOne<T extends z.ZodType>(item: T) {
  return z.union([z.object({ data: item }).transform((b) => (b as { data: z.output<T> }).data), item.transform((b) => b as z.output<T>)]);
}

/** An application is hired when its phase is of type "hired" (phase types in the spec: initial, normal, hired, …). */
export const HIRED_PHASE_TYPE = 'hired';

/**
 * What `email` means in create_with_contract: the personal email up to 2026-07-01 (the spec: "personal email of the
 * employee"); from 2027-01-01 it is the login email, with `communications_email` beside it. Hirebridge has a
 * candidate's own (personal) address only, so from 2027-01-01 that address is both, as an admin would type it.
 */
export function employeeEmailFields(version: string, personalEmail: string): { email: string; communications_email?: string } {
  return version >= '2027-01-01' ? { email: personalEmail, communications_email: personalEmail } : { email: personalEmail };
}

/**
 * The contract version a new employee's job title belongs on: the one in force from the latest `effective_on`
 * (a new hire has one; a future start date makes it a future one). Ties: the higher id, compared as numbers when
 * both are numeric (ids are strings from 2026-07-01).
 */
export function currentContractVersion<T extends { id?: string; effective_on?: string }>(versions: readonly T[]): T | undefined {
  const byId = (a?: string, b?: string) => (a && b && /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : String(a ?? '').localeCompare(String(b ?? '')));
  return [...versions].filter((v) => v.id).sort((a, b) => String(a.effective_on ?? '').localeCompare(String(b.effective_on ?? '')) || byId(a.id, b.id)).pop();
}

/*
 * GET contracts/contract_versions: the 2026-07-01 spec marks `job_catalog_tree_node_uuids[]` as required. Read as a
 * generator artefact (inferred): it is a filter, and an empty one would match nothing, so it is not sent.
 */

/**
 * The read-only CV on an application (from 2026-07-01; the spec describes it only in words: filename, url,
 * byte_size, content_type, created_at). A CV that does not carry an http(s) url is ignored, not an error: the
 * application itself is still good.
 */
export const factorialCv = z
  .looseObject({
    filename: z.string().nullish(),
    url: z.string().regex(/^https?:\/\//i),
    byte_size: z.number().nullish(),
    content_type: z.string().nullish(),
  })
  .transform((cv) => ({ fileName: cv.filename ?? undefined, url: cv.url, byteSize: cv.byte_size ?? undefined, contentType: cv.content_type ?? undefined }))
  .nullish()
  .catch(undefined)
  .transform((cv) => cv ?? undefined);
