/**
 * The environments each vendor offers, in the order the connect form lists them: the one list the connectors'
 * types, the connect intent's schema, the stored connection's schema and the form's choices follow (kept with the
 * stored connection's vocabulary, lib/db/providers.ts).
 */
import { FACTORIAL_ENVIRONMENTS, KOMBO_ENVIRONMENTS } from '../db/providers';
export { FACTORIAL_ENVIRONMENTS, KOMBO_ENVIRONMENTS };

export type FactorialEnvironment = (typeof FACTORIAL_ENVIRONMENTS)[number];
export type KomboEnvironment = (typeof KOMBO_ENVIRONMENTS)[number];
