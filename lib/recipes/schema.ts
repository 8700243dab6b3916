import { z } from 'zod';
import { t } from './messages';

/**
 * A site recipe: what an admin taught Hirebridge about one site's pages ("Teach this page"). Plain data — CSS
 * selectors as strings and a path pattern, never code — validated here wherever it comes from (the picker, a file,
 * the team setup file, the organisation's policy). Safe to import anywhere (no storage, no DOM).
 */

/** A hostname as browsers write it (lower case, no port, no scheme). */
export const RecipeHost = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/, { error: () => t('badHost') });

/**
 * Which pages of the host: a path with `:id` where the candidate id is and `*` for any run of characters
 * (`/talent/:id`, `/jobs/*\/applicants`). Absent: every page of the host.
 */
export const RecipePath = z
  .string()
  .trim()
  .max(300)
  .regex(/^\/[A-Za-z0-9_\-./:*~%]*$/, { error: () => t('badPath') })
  .refine((path) => (path.match(/:id\b/g) ?? []).length <= 1, { error: () => t('badPath') });

/**
 * A CSS selector, only ever given to querySelector. Braces, angle brackets and semicolons belong to style sheets and
 * markup, never to a selector: a string with them is not one.
 */
export const RecipeSelector = z
  .string()
  .trim()
  .min(1)
  .max(500, { error: () => t('selectorLong') })
  .regex(/^[^{}<>;]+$/, { error: () => t('badSelector') });

export const RECIPE_FIELDS = ['name', 'email', 'stage', 'jobTitle', 'anchor', 'row'] as const;
export type RecipeField = (typeof RECIPE_FIELDS)[number];

export const RecipeFields = z.strictObject({
  /** The candidate's name, email, stage and job on a candidate page. */
  name: RecipeSelector.optional(),
  email: RecipeSelector.optional(),
  stage: RecipeSelector.optional(),
  jobTitle: RecipeSelector.optional(),
  /** Where the buttons go (none: the floating button). */
  anchor: RecipeSelector.optional(),
  /** One row of a candidate list (a list page's recipe): every element it matches gets a button. */
  row: RecipeSelector.optional(),
});

export const SiteRecipe = z.strictObject({
  host: RecipeHost,
  path: RecipePath.optional(),
  fields: RecipeFields.refine((fields) => Object.values(fields).some(Boolean), { error: () => t('noFields') }),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
});
export type SiteRecipe = z.infer<typeof SiteRecipe>;

/** Where a recipe came from: taught or imported here, the team setup file, or the organisation's policy (read-only). */
export type RecipeOrigin = 'local' | 'file' | 'policy';
export interface StoredRecipe {
  recipe: SiteRecipe;
  origin: RecipeOrigin;
  /** Who manages a policy recipe (the policy's `managedBy`). */
  managedBy?: string;
}

export { recipeKey } from '../sites/recipe-key';

export const RECIPES_FORMAT = 'hirebridge-site-recipes';
export const RECIPES_VERSION = 1;
export const RecipesFile = z.strictObject({
  format: z.literal(RECIPES_FORMAT),
  version: z.literal(RECIPES_VERSION),
  exportedAt: z.iso.datetime({ offset: true }).optional(),
  recipes: z.array(SiteRecipe).max(200),
});
export const RecipesEnvelope = z.looseObject({ format: z.literal(RECIPES_FORMAT), version: z.number().int().min(1) });

/** What the last page of a site yielded (Sites → health): one small record per site, written by the worker. */
export const SiteYield = z.strictObject({
  host: RecipeHost,
  path: z.string().max(300),
  adapterId: z.string().min(1).max(300),
  kind: z.enum(['candidate', 'candidate-list', 'pipeline', 'none']),
  /** The candidate id came from the URL. */
  idFromUrl: z.boolean(),
  nameRead: z.boolean(),
  stageRead: z.boolean(),
  /** Where the button went: an anchor on the page, the floating fallback, or nowhere (no candidate found). */
  anchor: z.enum(['found', 'floating', 'none']),
  /** List and pipeline pages: how many rows got a button. */
  rows: z.number().int().min(0).max(10_000),
  /** The recipe's key (host + path) when one was in use. */
  recipe: z.string().max(600).optional(),
});
export type SiteYield = z.infer<typeof SiteYield>;
export interface SiteHealth extends SiteYield {
  at: string;
}

/** The first problem of a zod error, as "where: what". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || t('theFile')}: ${issue.message}` : t('unreadable');
}
