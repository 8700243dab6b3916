import { z } from 'zod/mini';
import type { VendorErrorDetails } from '../http';

/**
 * Every Factorial quirk from the vendor notes and specs, each in one place:
 * - ids: integers before API 2026-07-01, strings from it: accept both, keep strings;
 * - lists: `{data, meta}` in the live API, bare arrays in the 2024 spec: accept both;
 * - paging: the next page is `after_id=<meta.end_cursor>`, an opaque cursor (base64, e.g. "Mjc="), never an
 *   item's id (the official SDK, factorialco/factorial-api-sdks typescript/src/pagination.ts, does exactly this);
 *   `limit` ≤ 100;
 * - array query params are Rails style: `emails[]=a&emails[]=b`;
 * - error bodies: `errors` (strings, objects, nested, per field), `error`, `message` or a top-level `detail`;
 * - `email` in create_with_contract: the personal email up to 2026-07-01, the login email from 2026-10-01 (no
 *   `communications_email` in any version);
 * - "hired" is the application phase whose `phase_type` is `hired`;
 * - the job title is not on the employee: it lives on the contract version.
 */

export const factorialId = z.pipe(
  z.union([z.string().check(z.minLength(1)), z.number().check(z.int())]),
  z.transform((id) => String(id)),
);
export const optionalFactorialId = z.pipe(
  z.nullish(factorialId),
  z.transform((id) => id ?? undefined),
);

export const FACTORIAL_MAX_LIMIT = 100;

const pageMeta = z.looseObject({
  has_next_page: z.optional(z.boolean()),
  // A string in the spec; an older version's integer is read the same way. Passed back untouched.
  end_cursor: z.nullish(z.union([z.string(), z.number()])),
  total: z.nullish(z.number()),
});

export interface FactorialPage<T> {
  items: T[];
  hasNextPage: boolean;
  /** `meta.end_cursor`: what to send as `after_id` for the next page. Opaque: never built, never parsed. */
  endCursor?: string;
  total?: number;
}

/** A list in either shape, normalised to items plus the cursor of the next page (a bare array has none). */
export function factorialList<T extends z.ZodMiniType>(item: T) {
  return z.union([
    z.pipe(
      z.object({ data: z.array(item), meta: z.nullish(pageMeta) }),
      z.transform((body): FactorialPage<z.output<T>> => ({
        items: body.data,
        hasNextPage: body.meta?.has_next_page ?? false,
        endCursor: body.meta?.end_cursor === undefined || body.meta?.end_cursor === null || body.meta.end_cursor === '' ? undefined : String(body.meta.end_cursor),
        total: body.meta?.total ?? undefined,
      })),
    ),
    z.pipe(
      z.array(item),
      z.transform((items): FactorialPage<z.output<T>> => ({ items, hasNextPage: false, total: items.length })),
    ),
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

/**
 * Every error body Factorial is known to answer with, read in this order (the first that says something wins):
 * - `errors`: a list of strings (`{errors:["boom"]}`, the SDK's own 500 fixture), a list of objects
 *   (2027-01-01 documents `ErrorResponse = {errors: [{code, message, field}]}`), nested `{errors:{errors:[…]}}`, or a
 *   map of field → messages (`{errors:{email:["is invalid"]}}`); `{errors:null}` (the SDK's 401 fixture) says nothing;
 * - `error`: a string or an object with a message;
 * - `message`;
 * - `detail`: the SDK's own 422 fixture (`jsonResponse(422, { detail })`).
 * Sources, vendored in tests/vendor/factorial/sdk: factorialco/factorial-api-sdks typescript/test/client.test.ts and
 * python/factorial_api_client/generated/models/error_response*.py.
 */
export function readFactorialError(body: unknown): VendorErrorDetails {
  if (body === null || body === undefined) return {};
  if (typeof body !== 'object') return typeof body === 'string' && body.trim() ? { message: body } : {};
  const b = body as Record<string, unknown>;
  let code = typeof b.code === 'string' ? b.code : undefined;
  const flatten = (value: unknown): string[] => {
    if (typeof value === 'string') return value.trim() ? [value] : [];
    if (Array.isArray(value)) return value.flatMap(flatten);
    if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      code ??= typeof o.code === 'string' ? o.code : undefined;
      const words = typeof o.message === 'string' ? o.message : typeof o.detail === 'string' ? o.detail : typeof o.msg === 'string' ? o.msg : undefined;
      if (words !== undefined) return words.trim() ? [withField(typeof o.field === 'string' ? o.field : undefined, words)] : [];
      return Object.entries(o).flatMap(([k, v]) => (k === 'errors' || k === 'error' ? flatten(v) : k === 'code' ? [] : flatten(v).map((m) => withField(k, m))));
    }
    return [];
  };
  for (const key of ['errors', 'error', 'message', 'detail'] as const) {
    const messages = flatten(b[key]);
    if (messages.length) return { message: messages.slice(0, 3).join('; '), code };
  }
  return { code };
}

/** "email" + "is invalid" → "email is invalid"; a message that starts with its field ("Email has already been taken") stays as it is. */
function withField(field: string | undefined, message: string): string {
  if (!field) return message;
  const name = field.replace(/[_\[\]]+/g, ' ').trim().toLowerCase();
  return message.trim().toLowerCase().startsWith(name) ? message : `${field} ${message}`;
}

/** A single resource: newer versions wrap it in `{ data }`, older ones answer it bare. */
export function factorialOne<T extends z.ZodMiniType>(item: T) {
  return z.union([
    z.pipe(
      z.object({ data: item }),
      z.transform((b) => (b as { data: z.output<T> }).data),
    ),
    z.pipe(
      item,
      z.transform((b) => b as z.output<T>),
    ),
  ]);
}

/** An application is hired when its phase is of type "hired" (phase types in the spec: initial, normal, hired, …). */
export const HIRED_PHASE_TYPE = 'hired';

/**
 * The contract version a new employee's job title belongs on: the one in force from the latest `effective_on`
 * (a new hire has one; a future start date makes it a future one). Ties: the higher id, compared as numbers when
 * both are numeric (ids are strings from 2026-07-01).
 */
export function currentContractVersion<T extends { id?: string; effective_on?: string }>(versions: readonly T[]): T | undefined {
  const byId = (a?: string, b?: string) => (a && b && /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : String(a ?? '').localeCompare(String(b ?? '')));
  return [...versions].filter((v) => v.id).sort((a, b) => String(a.effective_on ?? '').localeCompare(String(b.effective_on ?? '')) || byId(a.id, b.id)).pop();
}

/**
 * GET contracts/contract_versions: the spec (2026-07-01, 2026-10-01, 2027-01-01) marks `job_catalog_tree_node_uuids[]`
 * as required, and the SDK's generated types make callers pass it (`'job_catalog_tree_node_uuids[]': Array<string>`).
 * What reaches the wire is what the SDK's request builder makes of it: an empty list, for "any node", serializes to
 * nothing (its query serializer joins no `name=value` pair for an empty array; the Python client's httpx drops an
 * empty list too), so the SDK's own request for one employee's versions is `employee_ids[]=<id>` alone. Ours is the
 * same: `railsQuery` leaves an empty array out. A node filter would only narrow the answer ("filtering with other
 * node types will return no results"). Proved in tests/unit/connectors/factorial-sdk.test.ts against the vendored
 * serializer of the SDK (tests/vendor/factorial/sdk).
 */
export const ALL_JOB_CATALOG_NODES: readonly string[] = [];

/**
 * The read-only CV on an application (from 2026-07-01; the spec describes it only in words: filename, url,
 * byte_size, content_type, created_at). A CV that does not carry an http(s) url is ignored, not an error: the
 * application itself is still good.
 */
export const factorialCv = z.pipe(
  z.catch(
    z.nullish(
      z.pipe(
        z.looseObject({
          filename: z.nullish(z.string()),
          url: z.string().check(z.regex(/^https?:\/\//i)),
          byte_size: z.nullish(z.number()),
          content_type: z.nullish(z.string()),
        }),
        z.transform((cv) => ({
          fileName: cv.filename ?? undefined,
          url: cv.url,
          byteSize: cv.byte_size ?? undefined,
          contentType: cv.content_type ?? undefined,
        })),
      ),
    ),
    undefined,
  ),
  z.transform((cv) => cv ?? undefined),
);
