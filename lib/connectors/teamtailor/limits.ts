import type { VendorLimits } from '../http';

/**
 * Teamtailor's limit headers (docs "Rate Limit", tests/vendor/teamtailor/teamtailor-api-excerpts.json):
 * `X-Rate-Limit-Limit` (requests allowed in the current period), `X-Rate-Limit-Remaining`, and `X-Rate-Limit-Reset`,
 * "the number of seconds left in the current period". The docs publish no number for the period, so Hirebridge paces by
 * these headers and by 429s (the HTTP client waits until the reset when a 429 carries no Retry-After).
 */
function count(value: string | null): number | undefined {
  return value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

export function readTeamtailorLimits(headers: Pick<Headers, 'get'>): VendorLimits | undefined {
  const reset = headers.get('x-rate-limit-reset');
  const rate = {
    limit: count(headers.get('x-rate-limit-limit')),
    remaining: count(headers.get('x-rate-limit-remaining')),
    resetMs: reset !== null && /^\s*\d+(\.\d+)?\s*$/.test(reset) ? Math.round(Number(reset) * 1000) : undefined,
  };
  return Object.values(rate).some((v) => v !== undefined) ? { rate } : undefined;
}
