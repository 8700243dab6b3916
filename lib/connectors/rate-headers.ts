import type { VendorLimits } from './http';

/**
 * Reading a vendor's rate-limit headers, one rule for all: each vendor names its headers in its own limits.ts
 * (Kombo `ratelimit-*`, Greenhouse `X-RateLimit-*`, Teamtailor and Workable `X-Rate-Limit-*`), this reads them.
 */

/** Epoch seconds start around 1e9 and epoch milliseconds around 1e12; no window lasts anywhere near that long. */
const EPOCH_SECONDS_FROM = 1_000_000_000;
const EPOCH_MS_FROM = 1_000_000_000_000;

/** A whole number of requests, or undefined for anything else. */
export function headerCount(value: string | null): number | undefined {
  return value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

/**
 * Milliseconds until the window resets. Vendors say it as delta-seconds (the IETF RateLimit draft), an epoch time
 * in seconds or milliseconds, or an HTTP date: a number too large to be a delay is read as a time.
 */
export function resetDelayMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || !value.trim()) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    if (n >= EPOCH_MS_FROM) return Math.max(0, Math.round(n - now));
    if (n >= EPOCH_SECONDS_FROM) return Math.max(0, Math.round(n * 1000 - now));
    return Math.round(n * 1000);
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The request window a vendor's headers describe (by their names), or undefined when the answer says none. */
export function readRateHeaders(headers: Pick<Headers, 'get'>, names: { limit: string; remaining: string; reset: string }, now = Date.now()): VendorLimits['rate'] {
  const rate = { limit: headerCount(headers.get(names.limit)), remaining: headerCount(headers.get(names.remaining)), resetMs: resetDelayMs(headers.get(names.reset), now) };
  return Object.values(rate).some((v) => v !== undefined) ? rate : undefined;
}
