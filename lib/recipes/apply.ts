import { defineAdapter, type AdapterSelectors } from '../sites/define';
import type { SiteAdapter } from '../sites/types';
import { recipeKey, taughtAdapterId } from '../sites/recipe-key';
import type { SiteRecipe } from './schema';

/**
 * Recipes applied to the site adapters, on the page side (the ATS content script): a recipe for a built-in
 * adapter's host replaces that adapter's selectors on the pages it covers; a recipe for a host no adapter knows
 * becomes an adapter of its own (`taught:<host>`). Pure: no storage, no messages.
 */


const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An id-like path segment with a digit in it: where a taught page with no `:id` keeps its candidate's id. */
const LAST_ID_SEGMENT = /^\/(?:.*\/)?([A-Za-z0-9_-]*\d[A-Za-z0-9_-]*)\/?$/;

function pathRegex(path: string, idGroup: boolean): RegExp {
  const body = path
    .split(/(:id\b|\*)/)
    .map((part) => (part === ':id' ? (idGroup ? '([A-Za-z0-9_-]{1,128})' : '[^/]+') : part === '*' ? '.*' : escape(part)))
    .join('');
  return new RegExp(`^${body.replace(/\/$/, '')}/?$`);
}

/** The route whose first group is the candidate id on a recipe's pages. */
export function recipeRoute(recipe: Pick<SiteRecipe, 'path'>): RegExp {
  return recipe.path && recipe.path.includes(':id') ? pathRegex(recipe.path, true) : LAST_ID_SEGMENT;
}

export function recipeCovers(recipe: Pick<SiteRecipe, 'host' | 'path'>, url: URL): boolean {
  if (url.hostname !== recipe.host) return false;
  return !recipe.path || pathRegex(recipe.path, false).test(url.pathname);
}

/** The recipe for this page: one for its path first (the longest pattern), else the host's own. */
export function recipeFor(recipes: readonly SiteRecipe[], url: URL): SiteRecipe | undefined {
  return recipes
    .filter((r) => recipeCovers(r, url))
    .sort((a, b) => (b.path?.length ?? -1) - (a.path?.length ?? -1))[0];
}

/** The adapter selectors a recipe replaces (only the fields it has). */
export function recipeSelectors(recipe: SiteRecipe): Partial<AdapterSelectors> {
  const f = recipe.fields;
  const out: Partial<AdapterSelectors> = {};
  if (f.anchor) out.actions = f.anchor;
  if (f.name) out.name = f.name;
  if (f.email) out.email = f.email;
  if (f.stage) out.stage = f.stage;
  if (f.jobTitle) out.job = f.jobTitle;
  if (f.row) Object.assign(out, { row: f.row, rowId: 'data-candidate-id' });
  return out;
}

/** Matches nothing: a taught site's button goes floating until a recipe names its place. */
const NOWHERE = ':not(*)';

/** A host no built-in adapter knows, read only through its recipes. */
export function taughtAdapter(host: string, recipes: readonly SiteRecipe[]): SiteAdapter {
  const lists = recipes.filter((r) => r.fields.row);
  const pages = recipes.filter((r) => !r.fields.row);
  return defineAdapter({
    id: taughtAdapterId(host),
    name: host,
    hosts: [`https://${host}/*`],
    candidatePage: pages.length ? pages.map(recipeRoute) : [LAST_ID_SEGMENT],
    candidateList: lists.length ? new RegExp(lists.map((r) => (r.path ? pathRegex(r.path, false).source : '^/.*$')).join('|')) : undefined,
    selectors: { actions: NOWHERE, name: NOWHERE },
  });
}

/** `base`, reading each page with the selectors of the recipe that covers it. */
function withRecipesOf(base: SiteAdapter, recipes: readonly SiteRecipe[]): SiteAdapter {
  const taught = new Map<string, SiteAdapter>();
  const adapterFor = (url: URL) => {
    const recipe = recipeFor(recipes, url);
    if (!recipe || !base.withSelectors) return base;
    const key = recipeKey(recipe);
    let adapter = taught.get(key);
    if (!adapter) taught.set(key, (adapter = base.withSelectors(recipeSelectors(recipe))));
    return adapter;
  };
  return {
    ...base,
    // A list the built-in adapter does not know as one is one when a list recipe covers it.
    pageKind: (url) => base.pageKind(url) ?? (recipeFor(recipes, url)?.fields.row ? adapterFor(url).pageKind(url) ?? 'candidate-list' : null),
    mounts: (doc, url, kind) => adapterFor(url).mounts(doc, url, kind),
    recipeInUse: (url) => {
      const recipe = recipeFor(recipes, url);
      return recipe && recipeKey(recipe);
    },
  };
}

/**
 * The adapters with the recipes applied: taught hosts first (their own adapters), then every built-in adapter,
 * wrapped when a recipe covers one of its hosts.
 */
export function applyRecipes(adapters: readonly SiteAdapter[], recipes: readonly SiteRecipe[]): SiteAdapter[] {
  if (!recipes.length) return [...adapters];
  const byHost = new Map<string, SiteRecipe[]>();
  for (const recipe of recipes) byHost.set(recipe.host, [...(byHost.get(recipe.host) ?? []), recipe]);
  const out: SiteAdapter[] = [];
  const builtIn = new Map<SiteAdapter, SiteRecipe[]>();
  for (const [host, list] of byHost) {
    const root = new URL(`https://${host}/`);
    const adapter = adapters.find((a) => a.isSite(root));
    if (adapter) builtIn.set(adapter, [...(builtIn.get(adapter) ?? []), ...list]);
    else out.push(withRecipesOf(taughtAdapter(host, list), list));
  }
  for (const adapter of adapters) out.push(builtIn.has(adapter) ? withRecipesOf(adapter, builtIn.get(adapter)!) : adapter);
  return out;
}
