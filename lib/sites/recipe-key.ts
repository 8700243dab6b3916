/**
 * One site's key: its host and path pattern (nothing for the whole host). Its own module, free of zod, so the ATS
 * script every ATS page loads (which applies recipes) stays small.
 */
export const recipeKey = (recipe: { host: string; path?: string }) => `${recipe.host}${recipe.path ?? ''}`;

/** A taught site's adapter id (`taught:<host>`): the one rule, shared by the page's adapter and the worker's lookup. */
const TAUGHT_PREFIX = 'taught:';
export const taughtAdapterId = (host: string) => `${TAUGHT_PREFIX}${host}`;
export const taughtHostOf = (adapterId: string): string | undefined =>
  adapterId.startsWith(TAUGHT_PREFIX) && /^[a-z0-9.-]{1,253}$/.test(adapterId.slice(TAUGHT_PREFIX.length)) ? adapterId.slice(TAUGHT_PREFIX.length) : undefined;
