import type { VendorLimits } from '../http';

/**
 * Greenhouse's rate-limit headers (its Harvest docs, "Rate limiting"; tests/vendor/greenhouse/harvest-v3-excerpts.md):
 * requests are "limited to the amount specified in the returned X-RateLimit-Limit header, per 10 seconds";
 * `X-RateLimit-Remaining` says what is left; on a 429, `Retry-After` is seconds to wait (http.ts reads it first) and
 * `X-RateLimit-Reset` "the timestamp indicating when you can try again" — read as epoch seconds, or as a date.
 */
export const GREENHOUSE_RATE_WINDOW_MS = 10_000;

/** Epoch seconds start around 1e9; no wait lasts anywhere near that long. */
const EPOCH_SECONDS_FROM = 1_000_000_000;

function count(value: string | null): number | undefined {
  return value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

export function resetMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || !value.trim()) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    return n >= EPOCH_SECONDS_FROM ? Math.max(0, Math.round(n * 1000 - now)) : Math.round(n * 1000);
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function readGreenhouseLimits(headers: Pick<Headers, 'get'>, now = Date.now()): VendorLimits | undefined {
  const rate = { limit: count(headers.get('x-ratelimit-limit')), remaining: count(headers.get('x-ratelimit-remaining')), resetMs: resetMs(headers.get('x-ratelimit-reset'), now) };
  if (Object.values(rate).every((v) => v === undefined)) return undefined;
  return { rate };
}
