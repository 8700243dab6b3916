import type { VendorLimits } from '../http';
import { readRateHeaders, resetDelayMs } from '../rate-headers';

/**
 * Workable's rate limit (https://workable.readme.io/reference/rate-limits, tests/vendor/workable/spi-v3-excerpt.json):
 * 10 requests per 10-second interval per account token, every call counted; beyond it an HTTP 429. Every answer
 * carries `X-Rate-Limit-Limit` (the maximum), `X-Rate-Limit-Remaining` (left in this interval) and
 * `X-Rate-Limit-Reset` ("Timestamp of next interval"). No `Retry-After` is documented: a 429 waits until the reset.
 */
export const WORKABLE_REQUESTS_PER_INTERVAL = 10;
export const WORKABLE_INTERVAL_MS = 10_000;

/** Milliseconds until the next interval, from `X-Rate-Limit-Reset` (documented as a timestamp; read by the one rule). */
export const workableResetMs = resetDelayMs;

export function readWorkableLimits(headers: Pick<Headers, 'get'>, now = Date.now()): VendorLimits | undefined {
  const rate = readRateHeaders(headers, { limit: 'x-rate-limit-limit', remaining: 'x-rate-limit-remaining', reset: 'x-rate-limit-reset' }, now);
  return rate ? { rate } : undefined;
}
