/**
 * The environments each vendor offers, in the order the connect form lists them: the one list the connectors'
 * types, the connect intent's schema, the stored connection's schema and the form's choices follow.
 */
export const FACTORIAL_ENVIRONMENTS = ['production', 'demo', 'custom'] as const;
export const KOMBO_ENVIRONMENTS = ['eu', 'us', 'custom'] as const;

export type FactorialEnvironment = (typeof FACTORIAL_ENVIRONMENTS)[number];
export type KomboEnvironment = (typeof KOMBO_ENVIRONMENTS)[number];
