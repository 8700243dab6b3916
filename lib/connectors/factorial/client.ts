import { z } from 'zod/mini';
import { ConnectorError } from '../errors';
import { createHttpClient, type HttpHooks, type RequestOptions } from '../http';
import type { FactorialCredentials } from '../types';
import { FACTORIAL_API_VERSION, factorialEnvironmentOf, resourcePath } from './environments';
import { t } from './messages';
import { FACTORIAL_MAX_LIMIT, factorialList, listLabel, railsQuery, readFactorialError } from './quirks';
import { Credentials, LegalEntity } from './schemas';

type Params = Parameters<typeof railsQuery>[0];

/**
 * How many items one list may hold before Hirebridge stops with a clear error: far above any real company's teams,
 * locations or hired applications, low enough that a server that never stops paging cannot hold a worker forever.
 */
export const FACTORIAL_MAX_LIST_ITEMS = 20_000;

export interface FactorialListPage<T> {
  items: T[];
  /** The server's `end_cursor` when another page follows; null on the last page. */
  next: string | null;
}

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

  /** Every answer is parsed against the pinned version's shapes; a mismatch says which version we speak. */
  async function request<S extends z.ZodMiniType>(schema: S, path: string, init?: RequestOptions): Promise<z.output<S>> {
    try {
      return await http.request(schema, path, init);
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'bad-response') {
        throw new ConnectorError({ ...error.toJSON(), message: error.message + t('versionHint', { version: FACTORIAL_API_VERSION }) });
      }
      throw error;
    }
  }

  /** One page of a list. `cursor` is a previous page's `end_cursor`, sent back as `after_id` exactly as received. */
  async function page<T extends z.ZodMiniType>(
    item: T,
    resource: string,
    params: Params = {},
    cursor?: string | null,
    limit = FACTORIAL_MAX_LIMIT,
  ): Promise<FactorialListPage<z.output<T>>> {
    const query = railsQuery({ ...params, limit: Math.min(limit, FACTORIAL_MAX_LIMIT), after_id: cursor ?? undefined });
    const body = await request(factorialList(item), resourcePath(resource), { query });
    if (!body.hasNextPage) return { items: body.items as z.output<T>[], next: null };
    if (!body.endCursor) throw listError(t('noCursor', { what: listLabel(resource) }));
    if (body.endCursor === cursor) throw listError(t('repeatedCursor', { what: listLabel(resource) }));
    return { items: body.items as z.output<T>[], next: body.endCursor };
  }

  /**
   * Every item of a list, following `end_cursor` page after page. Bounded: past `maxItems` it stops with a clear
   * error rather than return part of a list as if it were all; a cursor the server already gave is an error too.
   */
  async function all<T extends z.ZodMiniType>(item: T, resource: string, params: Params = {}, maxItems = FACTORIAL_MAX_LIST_ITEMS): Promise<z.output<T>[]> {
    const out: z.output<T>[] = [];
    const seen = new Set<string>();
    let cursor: string | null = null;
    for (;;) {
      const result: FactorialListPage<z.output<T>> = await page(item, resource, params, cursor);
      out.push(...result.items);
      if (out.length > maxItems) throw listError(t('tooMany', { max: maxItems, what: listLabel(resource) }));
      if (!result.next) return out;
      if (seen.has(result.next)) throw listError(t('repeatedCursor', { what: listLabel(resource) }));
      seen.add(result.next);
      cursor = result.next;
    }
  }

  /**
   * The company behind the key. A key of Factorial's other environment (a demo key on production, or the reverse)
   * gets empty answers, not an error (Factorial's "production and demo" guide; tests/vendor/factorial/SOURCE.md):
   * so the key's own credential is read, and when it comes back empty, the company's legal entities, which every
   * real company has. Both empty: the key is refused with words that name the environment to choose instead.
   */
  async function verifyCompany(): Promise<{ label?: string; companyId?: string }> {
    const credential = await request(
      z.union([
        z.pipe(
          z.object({ data: z.array(Credentials) }),
          z.transform((b) => b.data[0]),
        ),
        z.pipe(
          z.array(Credentials),
          z.transform((a) => a[0]),
        ),
        Credentials,
      ]),
      resourcePath('api_public/credentials'),
    );
    if (credential) return { label: credential.legal_name ?? credential.name ?? undefined, companyId: credential.company_id };
    const { items: entities } = await page(LegalEntity, 'companies/legal_entities', {}, null, 1);
    if (entities[0]) return { label: entities[0].legal_name, companyId: entities[0].company_id };
    throw wrongEnvironment(creds.baseUrl);
  }

  return { http: { request }, page, all, resourcePath, verifyCompany };
}

/** Empty answers everywhere: the key is from the other environment (named, when the base URL is a named one). */
function wrongEnvironment(baseUrl: string): ConnectorError {
  const environment = factorialEnvironmentOf(baseUrl);
  const message = environment
    ? t('wrongEnvironment', { other: t(environment === 'production' ? 'demo' : 'production') })
    : t('wrongEnvironmentCustom', { host: new URL(baseUrl).host });
  return new ConnectorError({ vendor: 'Factorial', code: 'wrong-environment', transient: false, message });
}

/** A list that cannot be read to the end: not worth retrying by itself (the same server answers the same). */
function listError(message: string): ConnectorError {
  return new ConnectorError({ vendor: 'Factorial', code: 'bad-response', transient: false, message });
}

export type FactorialClient = ReturnType<typeof createFactorialClient>;
