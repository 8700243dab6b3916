import { z } from 'zod/mini';
import { t } from './messages';

/**
 * A site recipe: what an admin taught Hirebridge about one site's pages ("Teach this page"). Plain data — CSS
 * selectors as strings and a path pattern, never code — validated here wherever it comes from (the picker, a file,
 * the team setup file, the organisation's policy). Safe to import anywhere (no storage, no DOM).
 */

/** A hostname as browsers write it (lower case, no port, no scheme). */
export const RecipeHost = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(253),
    z.regex(/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/, { error: () => t('badHost') }),
  );

/**
 * Which pages of the host: a path with `:id` where the candidate id is and `*` for any run of characters
 * (`/talent/:id`, `/jobs/*\/applicants`), optionally with the query parameters those pages have
 * (`/recruit/*\/EntityInfo.do?module=Candidates&id=:id`, `/agencies/*\/people?person_id=:id`): `name=value`,
 * `name=*` or `name=:id`; a hash route after the path for apps that route in the fragment (`/#/people/:id`,
 * `/#/candidates?candidate=:id`; lib/recipes/pattern.ts). A plain fragment (`#activity`) is never part of it. Absent:
 * every page of the host.
 */
export const RecipePath = z.string().check(
  z.trim(),
  z.maxLength(300),
  z.regex(
    /^\/[A-Za-z0-9_\-./:*~%=$]*(?:#!?\/[A-Za-z0-9_\-./:*~%=$]*)?(?:\?[A-Za-z0-9_.\-[\]]+(?:=[A-Za-z0-9_.\-~%+:*]*)?(?:&[A-Za-z0-9_.\-[\]]+(?:=[A-Za-z0-9_.\-~%+:*]*)?)*)?$/,
    { error: () => t('badPath') },
  ),
  z.refine((path) => (path.match(/:id\b/g) ?? []).length <= 1, { error: () => t('badPath') }),
);

/**
 * A CSS selector, only ever given to querySelectorAll; ` >>> ` steps into an element's open shadow root
 * (lib/recipes/deep.ts). Braces, `<` and semicolons belong to style sheets and markup, never to a selector: a string
 * with them is not one. (`>` is CSS's child combinator.)
 */
export const RecipeSelector = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(500, { error: () => t('selectorLong') }),
  z.regex(/^[^{}<;]+$/, { error: () => t('badSelector') }),
  z.refine((selector) => selector.split(/>>>/).every((part) => part.trim() && !part.trim().startsWith('>') && !part.trim().endsWith('>')), {
    error: () => t('badSelector'),
  }),
);

export const RECIPE_FIELDS = ['name', 'email', 'stage', 'jobTitle', 'anchor', 'row', 'panel'] as const;
export type RecipeField = (typeof RECIPE_FIELDS)[number];

export const RecipeFields = z.strictObject({
  /** The candidate's name, email, stage and job on a candidate page. */
  name: z.optional(RecipeSelector),
  email: z.optional(RecipeSelector),
  stage: z.optional(RecipeSelector),
  jobTitle: z.optional(RecipeSelector),
  /** Where the buttons go (none: the floating button). */
  anchor: z.optional(RecipeSelector),
  /** One row of a candidate list (a list page's recipe): every element it matches gets a button. */
  row: z.optional(RecipeSelector),
  /**
   * The candidate panel over a list (a profile drawer, a flyover): the other fields are read inside it, so the
   * button acts on the panel's candidate and never on a row of the list behind it. Recipe format 2.
   */
  panel: z.optional(RecipeSelector),
});

export const SiteRecipe = z.strictObject({
  host: RecipeHost,
  path: z.optional(RecipePath),
  fields: RecipeFields.check(z.refine((fields) => Object.values(fields).some(Boolean), { error: () => t('noFields') })),
  updatedAt: z.optional(z.iso.datetime({ offset: true })),
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
/**
 * 2: page patterns with a query (`?person_id=:id`) or a hash route (`/#/people/:id`), selectors with `>` and ` >>> ` (open shadow roots), the panel
 * field. A file is written in the oldest version that holds its recipes (version 1 when none uses any of these), so
 * a Hirebridge that reads only version 1 still reads it; files of both versions are read.
 */
export const RECIPES_VERSION = 2;
export const RecipesFile = z.strictObject({
  format: z.literal(RECIPES_FORMAT),
  version: z.union([z.literal(1), z.literal(RECIPES_VERSION)]),
  exportedAt: z.optional(z.iso.datetime({ offset: true })),
  recipes: z.array(SiteRecipe).check(z.maxLength(200)),
});
export const RecipesEnvelope = z.looseObject({ format: z.literal(RECIPES_FORMAT), version: z.number().check(z.int(), z.gte(1)) });

/** Does a recipe use what recipe format 1 could not hold (so a file carrying it must say version 2)? */
export function needsFormat2(recipe: SiteRecipe): boolean {
  return !!recipe.path?.match(/[?#=$]/) || !!recipe.fields.panel || Object.values(recipe.fields).some((selector) => !!selector && /[>]/.test(selector));
}

/** What the last page of a site yielded (Sites → health): one small record per site, written by the worker. */
export const SiteYield = z.strictObject({
  host: RecipeHost,
  path: z.string().check(z.maxLength(300)),
  adapterId: z.string().check(z.minLength(1), z.maxLength(300)),
  kind: z.enum(['candidate', 'candidate-list', 'pipeline', 'none']),
  /** The candidate id came from the URL. */
  idFromUrl: z.boolean(),
  nameRead: z.boolean(),
  stageRead: z.boolean(),
  /** Where the button went: an anchor on the page, the floating fallback, or nowhere (no candidate found). */
  anchor: z.enum(['found', 'floating', 'none']),
  /** List and pipeline pages: how many rows got a button. */
  rows: z.number().check(z.int(), z.gte(0), z.lte(10_000)),
  /** The recipe's key (host + path) when one was in use. */
  recipe: z.optional(z.string().check(z.maxLength(600))),
});
export type SiteYield = z.infer<typeof SiteYield>;
export interface SiteHealth extends SiteYield {
  at: string;
}

/** The first problem of a zod error, as "where: what". */
export function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || t('theFile')}: ${issue.message}` : t('unreadable');
}
