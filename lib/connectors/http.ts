import { FetchError, ofetch } from 'ofetch';
import type { z } from 'zod/mini';
import { backoffDelay } from '../errors';
import { ConnectorError, type Vendor } from './errors';
import { t } from './messages';

/**
 * The one HTTP client every connector uses (ofetch underneath). It parses every body with the caller's zod
 * schema, turns every failure into a ConnectorError in plain words, and retries idempotent reads on transient
 * failures. Writes are never retried here: the durable outbox above decides, after looking the record up.
 */

export interface RequestInfo {
  vendor: Vendor;
  method: string;
  path: string;
}
export interface HttpHooks {
  /**
   * Awaited right before the request is sent (the vendor's pacing: a place in its window). The function it returns,
   * if any, is called once the answer or the failure is in.
   */
  beforeSend?(info: RequestInfo): Promise<() => void> | undefined;
  /**
   * Awaited before every attempt, retries included (the vendor's request budget). The function it returns, if any,
   * is called once that attempt's answer (after `onLimits`) or failure is in.
   */
  beforeAttempt?(info: RequestInfo): Promise<(() => void) | void> | void;
  /** What the vendor's answer said about its limits (rate window, actions in flight), on every answer that says any. */
  onLimits?(info: RequestInfo & { status: number }, limits: VendorLimits): void;
  onRequest?(info: RequestInfo): void;
  onResponse?(info: RequestInfo & { status: number; ms: number }): void;
}

/** What a vendor's response headers say about its limits (each vendor's names are read by its own connector). */
export interface VendorLimits {
  rate?: { limit?: number; remaining?: number; resetMs?: number };
  concurrency?: { limit?: number; remaining?: number };
}

/** What a vendor's error body says, in its own words. */
export interface VendorErrorDetails {
  message?: string;
  code?: string;
}

export interface HttpClientOptions {
  vendor: Vendor;
  baseUrl: string;
  /** Sent with every request; a function is called before each one (an OAuth bearer token that is refreshed). */
  headers: Record<string, string> | (() => Promise<Record<string, string>> | Record<string, string>);
  /** How long a read and a write may wait for the answer (the vendor's own; default `DEFAULT_TIMEOUTS`). */
  timeouts?: CallTimeouts;
  hooks?: HttpHooks;
  /** Reads the vendor's error envelope; the one place each vendor's error shape is known. */
  readError(body: unknown): VendorErrorDetails;
  /** Reads the vendor's limit headers (Kombo: ratelimit-*, Concurrency-*); the one place each vendor's names are known. */
  readLimits?(headers: Headers, now: number): VendorLimits | undefined;
  /** Vendor-specific classification (e.g. Kombo's codes); return undefined to use the HTTP status. */
  classify?(status: number, details: VendorErrorDetails, retryAfterMs: number | undefined): ConnectorError | undefined;
  /** Values that must never appear in a message (the key), even when a vendor echoes them back. */
  secrets: string[];
  /** HTTP statuses worth retrying a read on (default: 408, 425, 429, 5xx gateway/server errors). */
  retryStatuses?: number[];
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Already-encoded query string (without "?"), built by the vendor's own query rules. */
  query?: string;
  /** JSON-encoded, except FormData (multipart: a file upload) and URLSearchParams (a form), sent as they are. */
  body?: unknown;
  /** This call's own headers, on top of the client's (e.g. a vendor's content type). */
  headers?: Record<string, string>;
  /** An absolute URL instead of `baseUrl` + path (a vendor's token endpoint or a `Link` header's next page). */
  url?: string;
  /** This call's own wait for the answer (e.g. a write the caller bounds itself); default: the client's for its kind. */
  timeoutMs?: number;
}

export interface CallTimeouts {
  readMs: number;
  writeMs: number;
}
/**
 * The wait for an answer when a vendor has no reason for another. Never above 25 s: Chrome cuts an extension service
 * worker's fetch whose answer takes more than 30 s (and the worker itself after 5 min of one event), so a longer wait
 * would not be a wait but a lost answer. A write that does not answer in time has an unknown outcome, not a failed
 * one: the caller looks the record up before sending it again (see lib/sourcing/service.ts).
 */
export const DEFAULT_TIMEOUTS: CallTimeouts = { readMs: 20_000, writeMs: 20_000 };
export const MAX_WAIT_MS = 25_000;

/** Reads (GET) are retried this many times on transient failures before the error surfaces. */
export const READ_RETRIES = 2;
const RETRY_STATUSES = [408, 425, 429, 500, 502, 503, 504];
/** A Retry-After longer than this is left to the caller (an alarm), not waited for in memory. */
const MAX_INLINE_RETRY_WAIT_MS = 10_000;

export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}


export function keyRejectedMessage(vendor: Vendor): string {
  return t('keyRejected', { vendor });
}

/** Plain words for a failed HTTP status, when the vendor's own classification had nothing better. */
export function errorForStatus(vendor: Vendor, status: number, details: VendorErrorDetails, retryAfterMs?: number): ConnectorError {
  const said = details.message ? t('vendorSaid', { vendor, message: details.message }) : '';
  const base = { vendor, status, vendorCode: details.code, retryAfterMs };
  if (status === 401) return new ConnectorError({ ...base, code: 'auth', message: keyRejectedMessage(vendor) });
  if (status === 403)
    return new ConnectorError({ ...base, code: 'forbidden', message: t('forbidden', { vendor, said }) });
  if (status === 404) return new ConnectorError({ ...base, code: 'not-found', message: t('notFound', { vendor, said }) });
  if (status === 408) return new ConnectorError({ ...base, code: 'timeout', message: t('tooSlow', { vendor }) });
  if (status === 409) return new ConnectorError({ ...base, code: 'conflict', message: t('conflict', { vendor, said }) });
  if (status === 425 || status === 429)
    return new ConnectorError({ ...base, code: 'rate-limited', message: t('rateLimited', { vendor }) });
  if (status >= 500)
    return new ConnectorError({ ...base, code: 'server', message: t('server', { vendor, status }) });
  return new ConnectorError({ ...base, code: 'invalid-request', transient: false, message: t('invalidRequest', { vendor, said: said || t('noReason') }) });
}

function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return t('unexpectedShape');
  const path = issue.path.length ? issue.path.join('.') : t('theResponse');
  return `${path}: ${issue.message}`.slice(0, 200);
}

export function createHttpClient(options: HttpClientOptions) {
  const { vendor, hooks } = options;
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const host = (() => {
    try {
      return new URL(baseUrl).host;
    } catch {
      return baseUrl;
    }
  })();

  /**
   * How long the vendor asked us to wait: its Retry-After, else, on a 429, until its rate window resets (Kombo may
   * send only `ratelimit-reset`).
   */
  const waitAsked = (response: Response): number | undefined => {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    if (retryAfter !== undefined || response.status !== 429) return retryAfter;
    return options.readLimits?.(response.headers, Date.now())?.rate?.resetMs;
  };

  const toConnectorError = (error: unknown): ConnectorError => {
    if (error instanceof ConnectorError) return error;
    if (error instanceof FetchError && error.response) {
      const status = error.response.status;
      const details = safeRead(options.readError, error.data, options.secrets);
      const retryAfterMs = waitAsked(error.response);
      return options.classify?.(status, details, retryAfterMs) ?? errorForStatus(vendor, status, details, retryAfterMs);
    }
    const name = (error as { name?: string; cause?: { name?: string } })?.name;
    const causeName = (error as { cause?: { name?: string } })?.cause?.name;
    if (name === 'TimeoutError' || causeName === 'TimeoutError' || /timeout|aborted due to timeout/i.test(String((error as Error)?.message))) {
      return new ConnectorError({ vendor, code: 'timeout', message: t('timeout', { vendor, host }) });
    }
    return new ConnectorError({
      vendor,
      code: 'unreachable',
      message: t('unreachable', { vendor, host }),
    });
  };

  async function request<S extends z.ZodMiniType>(schema: S, path: string, init: RequestOptions = {}): Promise<z.output<S>> {
    return (await exchange(schema, path, init)).data;
  }

  /** `request`, with the answer's headers too (a `Link` header's next page, a vendor's limit headers). */
  async function exchange<S extends z.ZodMiniType>(schema: S, path: string, init: RequestOptions = {}): Promise<{ data: z.output<S>; headers: Headers }> {
    const method = init.method ?? 'GET';
    const url = init.url ?? `${baseUrl}/${path.replace(/^\/+/, '')}${init.query ? `?${init.query}` : ''}`;
    const clientHeaders = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const info: RequestInfo = { vendor, method, path };
    const idempotent = method === 'GET';
    let started = 0;
    let attemptDone: (() => void) | void = undefined;
    const endAttempt = () => {
      const done = attemptDone;
      attemptDone = undefined;
      done?.();
    };
    let raw: unknown;
    let headers: Headers = new Headers();
    const sent = await hooks?.beforeSend?.(info);
    try {
      const response = await ofetch.raw(url, {
        method,
        body: init.body as Record<string, unknown> | undefined,
        headers: { accept: 'application/json', ...clientHeaders, ...init.headers },
        timeout: Math.min(MAX_WAIT_MS, init.timeoutMs ?? (idempotent ? timeouts.readMs : timeouts.writeMs)),
        // Parse ourselves: a body that is not JSON must become a clear error, not a crash or a string.
        parseResponse: parseJsonLeniently,
        retry: idempotent ? READ_RETRIES : 0,
        retryStatusCodes: options.retryStatuses ?? RETRY_STATUSES,
        retryDelay: (ctx) => {
          const asked = ctx.response ? waitAsked(ctx.response) : undefined;
          if (asked !== undefined) return asked;
          return backoffDelay(READ_RETRIES - ((ctx.options.retry as number) ?? 0));
        },
        onRequest: async () => {
          attemptDone = await hooks?.beforeAttempt?.(info);
          started = Date.now();
          hooks?.onRequest?.(info);
        },
        onRequestError: () => endAttempt(),
        onResponse: ({ response }) => {
          const limits = options.readLimits?.(response.headers, Date.now());
          if (limits) hooks?.onLimits?.({ ...info, status: response.status }, limits);
          endAttempt();
          hooks?.onResponse?.({ ...info, status: response.status, ms: Date.now() - started });
        },
        onResponseError: (ctx) => {
          // A wait longer than a worker may sit idle is not waited here: the error carries it to the caller (an alarm).
          const asked = waitAsked(ctx.response);
          if (asked !== undefined && asked > MAX_INLINE_RETRY_WAIT_MS) ctx.options.retry = 0;
        },
      });
      raw = response._data;
      headers = response.headers;
    } catch (error) {
      throw toConnectorError(error);
    } finally {
      endAttempt();
      sent?.();
    }
    if (raw instanceof NotJson) throw badResponse(vendor, t('notJson'));
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw badResponse(vendor, describeIssue(parsed.error));
    return { data: parsed.data, headers };
  }

  return { request, exchange, baseUrl };
}

export type HttpClient = ReturnType<typeof createHttpClient>;

/** Marks a body that was not JSON (an HTML error page, a cut-off answer). */
class NotJson {}
function parseJsonLeniently(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return new NotJson();
  }
}

function badResponse(vendor: Vendor, detail: string): ConnectorError {
  return new ConnectorError({
    vendor,
    code: 'bad-response',
    transient: false,
    message: t('badResponse', { vendor, detail }),
  });
}

/**
 * The vendor's error details, keys scrubbed out *before* anything is shortened: cutting first could keep all but
 * the last characters of an echoed key, which the masked key view ("••••1234") would then complete.
 */
function safeRead(read: (body: unknown) => VendorErrorDetails, body: unknown, secrets: string[]): VendorErrorDetails {
  try {
    const details = read(body);
    const code = details.code === undefined ? undefined : redact(details.code, secrets).slice(0, 100);
    return { code, message: details.message ? plainText(redact(details.message, secrets)) : undefined };
  } catch {
    return {};
  }
}

function redact(text: string, secrets: string[]): string {
  for (const secret of secrets) if (secret) text = text.split(secret).join('••••');
  return text;
}

/** Vendor messages are shown to people: single line, no markup, bounded. */
export function plainText(value: string): string {
  return value.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim().slice(0, 300);
}
