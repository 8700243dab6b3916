import { DIRECT_ATS_CARDS, isDirectAts } from '../connectors/cards';
import { KOMBO_DEFAULT_ACTIONS_IN_FLIGHT } from '../connectors/kombo/limits';
import { declarePaceLimits, type PacedVendor } from '../outbox';

// Kombo: 30 actions in flight until its headers say otherwise (lib/connectors/kombo/limits.ts).
declarePaceLimits('kombo', { maxInFlight: KOMBO_DEFAULT_ACTIONS_IN_FLIGHT, maxActionsInFlight: KOMBO_DEFAULT_ACTIONS_IN_FLIGHT });
// Each direct ATS's documented limits, from its card (lib/connectors/<vendor>/card.ts), before any request to it.
for (const { provider, pace } of DIRECT_ATS_CARDS) {
  declarePaceLimits(provider, { perWindow: pace.perWindow, windowMs: pace.windowMs, writeMethods: pace.methods, maxInFlight: pace.maxInFlight });
}

/** Whose window a connection's requests take: Factorial HR and Factorial ATS share Factorial's. */
export function pacedVendorOf(provider: string): PacedVendor {
  if (provider === 'kombo') return 'kombo';
  return isDirectAts(provider) ? provider : 'factorial';
}
