import type { CallTimeouts } from '../http';

/**
 * Ashby's limits, as far as it documents them (tests/vendor/ashby/docs-excerpt.md):
 * - Requests are rate-limited per API key and answered 429 past the limit; the spec's 429 body is the error envelope
 *   with `errorInfo.code: "rate_limit_exceeded"` (errors.ts reads it as rate-limited, transient, with any Retry-After).
 * - Ashby publishes neither the per-key figure nor rate-window headers. The one limit header it documents is
 *   `X-RateLimit-Scope: integration-partner`, on a 429 throttling an integration partner's combined traffic
 *   (changelog 2026-10-14); Hirebridge calls as the team's own key, so there is no window to read: the connector gives
 *   the shared client no `readLimits`, and pacing stays at the card's two operations in flight.
 * - Every endpoint is a POST, so the shared client never retries one (it retries GETs only): a read that met a 429 or a
 *   gateway error fails with a transient error and its caller (the job pull's alarm, the outbox) tries again later.
 */

/** Ashby publishes no timeouts; the shared defaults (the worker's ceiling) apply to reads and writes alike. */
export const ASHBY_TIMEOUTS: CallTimeouts = { readMs: 20_000, writeMs: 25_000 };

/**
 * How long a create may still land after the client stopped waiting. Ashby's writes are synchronous RPCs with no
 * documented server-side task time; the request's own time bounds them (a cut request is finished or dropped by then).
 * One minute leaves room for the slowest answer the client could have waited for, twice.
 */
export const ASHBY_WRITE_SETTLES_MS = 60_000;
