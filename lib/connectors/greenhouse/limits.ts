import type { VendorLimits } from '../http';
import { readRateHeaders } from '../rate-headers';

/**
 * Greenhouse's rate-limit headers (its Harvest docs, "Rate limiting"; tests/vendor/greenhouse/harvest-v3-excerpts.md):
 * requests are "limited to the amount specified in the returned X-RateLimit-Limit header, per 10 seconds";
 * `X-RateLimit-Remaining` says what is left; on a 429, `Retry-After` is seconds to wait (http.ts reads it first) and
 * `X-RateLimit-Reset` "the timestamp indicating when you can try again" — read as epoch seconds, or as a date.
 */
export const GREENHOUSE_RATE_WINDOW_MS = 10_000;

export function readGreenhouseLimits(headers: Pick<Headers, 'get'>, now = Date.now()): VendorLimits | undefined {
  const rate = readRateHeaders(headers, { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' }, now);
  return rate ? { rate } : undefined;
}
