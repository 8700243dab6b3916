/**
 * One site's key: its host and path pattern (nothing for the whole host). Its own module, free of zod, so the ATS
 * script every ATS page loads (which applies recipes) stays small.
 */
export const recipeKey = (recipe: { host: string; path?: string }) => `${recipe.host}${recipe.path ?? ''}`;
