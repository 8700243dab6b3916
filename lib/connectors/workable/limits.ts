import type { VendorLimits } from '../http';

/**
 * Workable's rate limit (https://workable.readme.io/reference/rate-limits, tests/vendor/workable/spi-v3-excerpt.json):
 * 10 requests per 10-second interval per account token, every call counted; beyond it an HTTP 429. Every answer
 * carries `X-Rate-Limit-Limit` (the maximum), `X-Rate-Limit-Remaining` (left in this interval) and
 * `X-Rate-Limit-Reset` ("Timestamp of next interval"). No `Retry-After` is documented: a 429 waits until the reset.
 */
export const WORKABLE_REQUESTS_PER_INTERVAL = 10;
export const WORKABLE_INTERVAL_MS = 10_000;

/** Epoch seconds start around 1e9 (epoch milliseconds around 1e12): nothing smaller is a timestamp. */
const EPOCH_SECONDS_FROM = 1_000_000_000;
const EPOCH_MS_FROM = 1_000_000_000_000;

function count(value: string | null): number | undefined {
  return value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

/**
 * Milliseconds until the next interval, from `X-Rate-Limit-Reset`. Documented as a timestamp (epoch seconds; epoch
 * milliseconds read too); a small number is read as seconds from now, and an ISO date as a date, so an answer in
 * any of these forms still says when.
 */
export function workableResetMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    if (n >= EPOCH_MS_FROM) return Math.max(0, Math.round(n - now));
    if (n >= EPOCH_SECONDS_FROM) return Math.max(0, Math.round(n * 1000 - now));
    return Math.round(n * 1000);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function readWorkableLimits(headers: Pick<Headers, 'get'>, now = Date.now()): VendorLimits | undefined {
  const rate = {
    limit: count(headers.get('x-rate-limit-limit')),
    remaining: count(headers.get('x-rate-limit-remaining')),
    resetMs: workableResetMs(headers.get('x-rate-limit-reset'), now),
  };
  return Object.values(rate).some((v) => v !== undefined) ? { rate } : undefined;
}
