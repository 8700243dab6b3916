import type { VendorLimits } from '../http';
import { readRateHeaders } from '../rate-headers';

export function readTeamtailorLimits(headers: Pick<Headers, 'get'>, now = Date.now()): VendorLimits | undefined {
  const rate = readRateHeaders(headers, { limit: 'x-rate-limit-limit', remaining: 'x-rate-limit-remaining', reset: 'x-rate-limit-reset' }, now);
  return rate ? { rate } : undefined;
}
