import type { z } from 'zod';
import { createHttpClient, type HttpHooks } from '../http';
import type { FactorialCredentials } from '../types';
import { resourcePath } from './environments';
import { FACTORIAL_MAX_LIMIT, factorialList, railsQuery, readFactorialError } from './quirks';

type Params = Parameters<typeof railsQuery>[0];

/** Factorial's HTTP surface shared by the HR and ATS connectors: auth header, resource paths, paging. */
export function createFactorialClient(creds: FactorialCredentials, hooks?: HttpHooks) {
  const http = createHttpClient({
    vendor: 'Factorial',
    baseUrl: creds.baseUrl,
    headers: { 'x-api-key': creds.apiKey },
    secrets: [creds.apiKey],
    hooks,
    readError: readFactorialError,
  });

  /** One page of a list, by cursor (`after_id`). */
  async function page<T extends z.ZodType>(item: T, resource: string, params: Params = {}, afterId?: string | null, limit = FACTORIAL_MAX_LIMIT) {
    const query = railsQuery({ ...params, limit: Math.min(limit, FACTORIAL_MAX_LIMIT), after_id: afterId ?? undefined });
    const body = await http.request(factorialList(item), resourcePath(resource), { query });
    const items = body.items as z.output<T>[];
    const last = items[items.length - 1] as { id?: string } | undefined;
    // Without meta (bare-array answers) a full page suggests more may follow.
    const more = body.hasNextPage || (body.total === undefined && items.length >= limit);
    return { items, next: more && last?.id ? last.id : null };
  }

  /** Every item of a list, following the cursor. Bounded, so a broken server cannot loop us forever. */
  async function all<T extends z.ZodType>(item: T, resource: string, params: Params = {}, maxPages = 200) {
    const out: z.output<T>[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < maxPages; i++) {
      const result: { items: z.output<T>[]; next: string | null } = await page(item, resource, params, cursor);
      out.push(...result.items);
      if (!result.next || result.next === cursor) break;
      cursor = result.next;
    }
    return out;
  }

  return { http, page, all, resourcePath };
}

export type FactorialClient = ReturnType<typeof createFactorialClient>;
