import { json, Router } from '../http';
import type { StandIn } from '../stand-in';

// Placeholder until the teamtailor stand-in is written from the vendor's docs (see sandbox/stand-in.ts).
export const teamtailor: StandIn<Record<string, never>> = {
  vendor: 'teamtailor',
  hosts: [],
  keys: {},
  seed: () => ({}),
  router: () => new Router(),
  authFailure: () => json(401, { error: 'not implemented' }),
  error: (status, message) => json(status, { error: message }),
  rateLimited: (seconds) => json(429, { error: 'rate limited' }, { 'retry-after': String(seconds) }),
  state: () => ({}),
};
