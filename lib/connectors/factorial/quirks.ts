import { z } from 'zod';
import type { VendorErrorDetails } from '../http';

/**
 * Every Factorial quirk from the vendor notes, each in one place:
 * - ids: integers before API 2026-07-01, strings from it: accept both, keep strings;
 * - lists: `{data, meta}` in the live API, bare arrays in the 2024 spec: accept both;
 * - array query params are Rails style: `emails[]=a&emails[]=b`;
 * - pagination: cursor by ascending id, `limit` ≤ 100 with `after_id`;
 * - error bodies are undocumented: several shapes are seen in the wild.
 */

export const factorialId = z.union([z.string().min(1), z.number().int()]).transform((id) => String(id));
export const optionalFactorialId = factorialId.nullish().transform((id) => id ?? undefined);

export const FACTORIAL_MAX_LIMIT = 100;

const pageMeta = z
  .object({
    has_next_page: z.boolean().optional(),
    end_cursor: z.union([z.string(), z.number()]).nullish(),
    total: z.number().nullish(),
  })
  .passthrough();

/** A list in either shape, normalised to items plus whether another page follows. */
export function factorialList<T extends z.ZodType>(item: T) {
  return z.union([
    z.object({ data: z.array(item), meta: pageMeta.nullish() }).transform((body) => ({
      items: body.data,
      hasNextPage: body.meta?.has_next_page ?? false,
      total: body.meta?.total ?? undefined,
    })),
    z.array(item).transform((items) => ({ items, hasNextPage: false, total: items.length as number | undefined })),
  ]);
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
