/**
 * What a stored connection may name: the providers and their environments, the vocabulary of the `connections` table.
 * Kept with the storage (a record an older version wrote must still parse); the connectors take their lists from
 * here, and each direct ATS declares the rest of itself in its card (lib/connectors/<vendor>/card.ts).
 */
export const FACTORIAL_ENVIRONMENTS = ['production', 'demo', 'custom'] as const;
export const KOMBO_ENVIRONMENTS = ['eu', 'us', 'custom'] as const;
/** The ATSs connected directly, with the credential their own admin screen gives (lib/connectors/direct.ts). */
export const DIRECT_ATS_PROVIDERS = ['greenhouse', 'teamtailor', 'workable', 'recruitee', 'ashby'] as const;
