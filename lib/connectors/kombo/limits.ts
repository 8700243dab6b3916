import type { VendorLimits } from '../http';
import { headerCount, readRateHeaders } from '../rate-headers';

/**
 * Kombo's documented limits, in one place.
 *
 * Deletion policy (https://docs.kombo.dev/lms/features/deletion-policy, and `remote_deleted_at` in Kombo's
 * OpenAPI, tests/vendor/kombo/kombo-openapi.json): an entry Kombo no longer finds is marked `remote_deleted_at` and
 * 14 days later emptied; Kombo recommends a periodic full fetch. A pull with `updated_after` older than that misses
 * the deletion.
 */
export const KOMBO_FORGETS_DELETED_AFTER_MS = 14 * 24 * 60 * 60 * 1000;


/**
 * Kombo's limits come in response headers, and vary (per integration for concurrency): pace by them rather than by
 * a number assumed here (docs.kombo.dev/ats/guides/concurrency-limiting; "important changes" 2026-03-20: more than
 * 30 actions in flight per integration get 429 PLATFORM.CONCURRENCY_LIMIT_EXCEEDED, "check the Concurrency-Remaining
 * response header to throttle proactively"; model reads are not concurrency-limited).
 * - `ratelimit-limit`, `ratelimit-remaining`, `ratelimit-reset`: requests per window, all endpoints. Kombo promises no
 *   `Retry-After`: a 429 waits until `ratelimit-reset`. Reset is read as delta-seconds (the IETF RateLimit header
 *   fields draft these names come from); a value too large to be a delay (an epoch time in seconds) is read as a time.
 * - `Concurrency-Limit`, `Concurrency-Remaining`: unified actions (writes) in flight per integration.
 */
export const KOMBO_DEFAULT_ACTIONS_IN_FLIGHT = 30;

export function readKomboLimits(headers: Pick<Headers, 'get'>, now = Date.now()): VendorLimits | undefined {
  const rate = readRateHeaders(headers, { limit: 'ratelimit-limit', remaining: 'ratelimit-remaining', reset: 'ratelimit-reset' }, now);
  const concurrency = { limit: headerCount(headers.get('concurrency-limit')), remaining: headerCount(headers.get('concurrency-remaining')) };
  const hasConcurrency = Object.values(concurrency).some((v) => v !== undefined);
  if (!rate && !hasConcurrency) return undefined;
  return { ...(rate ? { rate } : {}), ...(hasConcurrency ? { concurrency } : {}) };
}
