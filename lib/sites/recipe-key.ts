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

/**
 * What a candidate id read from a page may look like: letters, digits, `_` and `-`, plus `=` and `$` (base64-style
 * ids end in `=`; some apps put `$` in theirs). Also the message schema's rule (lib/export/intents.ts), so
 * an id a recipe reads is never refused on its way to the worker.
 */
export const SITE_ID = /^[A-Za-z0-9_=$-]{1,128}$/;
