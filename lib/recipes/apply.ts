import { emailIn } from '../sites/define';
import { text, type CandidateOnPage, type Mount, type PageKind, type SiteAdapter } from '../sites/types';
import { linksIn, linkValue, queryAllDeep, queryDeep } from '../sites/deep';
import { recipeKey } from '../sites/recipe-key';
import { taughtSite } from '../sites/where/taught';
import { asSiteId, guessId, patternCovers, patternId } from './pattern';
import type { SiteRecipe } from './schema';

/**
 * Recipes applied to the site adapters, on the page side (the ATS content script): a recipe for a built-in
 * adapter's host reads the pages it covers in that adapter's place (what the recipe does not name, the adapter still
 * reads); a recipe for a host no adapter knows becomes an adapter of its own (`taught:<host>`). The recipes are read
 * at every page load, so what an admin taught on one page works on every page of that shape, for every recruiter
 * who has the recipe. Pure: no storage, no messages.
 */

type Fields = SiteRecipe['fields'];

export function recipeCovers(recipe: Pick<SiteRecipe, 'host' | 'path'>, url: URL): boolean {
  if (url.hostname !== recipe.host) return false;
  return !recipe.path || patternCovers(recipe.path, url);
}

/** The recipe for this page: one for its path first (the longest pattern), else the host's own. */
export function recipeFor<R extends Pick<SiteRecipe, 'host' | 'path'>>(recipes: readonly R[], url: URL): R | undefined {
  return recipes.filter((r) => recipeCovers(r, url)).sort((a, b) => (b.path?.length ?? -1) - (a.path?.length ?? -1))[0];
}

/**
 * The candidate id a page gives under a recipe: where its pattern's `:id` is (path segment or query parameter), else
 * where the suggested pattern would put it (a person-naming query parameter, else the last id-like segment).
 */
export function recipeCandidateId(recipe: Pick<SiteRecipe, 'path'>, url: URL): string | null {
  return recipe.path?.includes(':id') ? patternId(recipe.path, url) : guessId(url);
}

const isList = (recipe: SiteRecipe | undefined) => !!recipe?.fields.row;

function safeUrl(href: string | null, base: string): URL | null {
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** The email an element shows (one rule with the adapters'). */
const emailOf = emailIn;

/** The candidate a row or a panel links to: the first link (any element with an `href`) to a candidate page. */
function linkedId(el: Element, idOfLink: (url: URL) => string | null): { id: string; link: Element } | null {
  const base = el.ownerDocument.baseURI;
  const origin = safeUrl(base, base)?.origin;
  for (const link of linksIn(el)) {
    const url = safeUrl(link.getAttribute('href'), base);
    const id = url && url.origin === origin ? idOfLink(url) : null;
    if (id) return { id, link };
  }
  return null;
}

const defined = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * A candidate page read with a recipe's fields. With a panel (a profile drawer or flyover over a list), everything is
 * read inside the panel: its candidate, never a row of the list behind it; no panel open, no candidate. `base` is what
 * a built-in adapter read on the same page (its other ids and fields stay unless the recipe reads them).
 */
function readCandidate(doc: Document, fields: Fields, urlId: string | null, idOfLink: (url: URL) => string | null, base?: Mount): Mount[] {
  const panel = fields.panel ? queryDeep(doc, fields.panel) : null;
  if (fields.panel && !panel) return [];
  const scope: ParentNode = panel ?? doc;
  const id = urlId ?? (panel ? linkedId(panel, idOfLink)?.id : undefined);
  if (!id) return [];
  const q = (selector: string | undefined) => queryDeep(scope, selector);
  const read: Partial<CandidateOnPage> = defined({
    fullName: fields.name ? text(q(fields.name)) : undefined,
    email: fields.email ? emailOf(q(fields.email)) : undefined,
    stage: fields.stage ? text(q(fields.stage)) : undefined,
    jobTitle: fields.jobTitle ? text(q(fields.jobTitle)) : undefined,
  });
  // What the built-in adapter read stays when it is about the same candidate (its application id, its fields).
  const known = base?.candidate.siteCandidateId === id ? base.candidate : undefined;
  const candidate: CandidateOnPage = {
    ...known,
    email: known?.email ?? linkValue(scope, 'mailto:', 320),
    phone: known?.phone ?? linkValue(scope, 'tel:', 64),
    ...read,
    siteCandidateId: id,
  };
  for (const key of Object.keys(candidate) as (keyof CandidateOnPage)[]) if (candidate[key] === undefined) delete candidate[key];
  const anchor = q(fields.anchor);
  if (anchor) return [{ anchor, position: 'append', candidate }];
  // A panel with no place taught: the button goes at its top, where the panel's own actions are.
  if (panel) return [{ anchor: panel, position: 'prepend', candidate }];
  if (base) return [{ ...base, candidate }];
  return [];
}

/** A list's rows read with a recipe: each row's candidate from its id attribute, else from its link. */
function readRows(doc: Document, rowSelector: string, idOfLink: (url: URL) => string | null): Mount[] {
  let rows: Element[];
  try {
    rows = queryAllDeep(doc, rowSelector).slice(0, 500);
  } catch {
    return [];
  }
  return rows.flatMap((row): Mount[] => {
    const attribute = row.getAttribute('data-candidate-id');
    const linked = attribute === null ? linkedId(row, idOfLink) : null;
    const id = attribute !== null ? asSiteId(attribute) : linked?.id;
    if (!id) return [];
    const candidate: CandidateOnPage = { siteCandidateId: id };
    const name = text(linked?.link) ?? text(row.querySelector('h1, h2, h3, h4, a, [href]'));
    if (name) candidate.fullName = name;
    const email = linkValue(row, 'mailto:', 320);
    if (email) candidate.email = email;
    const phone = linkValue(row, 'tel:', 64);
    if (phone) candidate.phone = phone;
    // A row that is a custom element with its own shadow root shows none of its light children: the button goes after it.
    if (row.shadowRoot) return [{ anchor: row, position: 'after', candidate }];
    const cell = row.localName === 'tr' ? row.lastElementChild : row.querySelector(':scope > .actions');
    return [{ anchor: cell ?? row, position: 'append', candidate }];
  });
}

/** A host no built-in adapter knows, read only through its recipes. */
export function taughtAdapter(host: string, recipes: readonly SiteRecipe[]): SiteAdapter {
  const pages = recipes.filter((r) => !isList(r));
  const site = taughtSite(host);
  const candidateId = (url: URL): string | null => {
    if (!site.isSite(url)) return null;
    const recipe = recipeFor(recipes, url);
    if (recipe) return isList(recipe) ? null : recipeCandidateId(recipe, url);
    // Only lists taught so far: a page of the host with an id where pages keep one is a candidate's.
    return pages.length ? null : guessId(url);
  };
  // A row's or panel's link names a candidate when it goes to a page a recipe reads as one (or, with no candidate
  // page taught, when it has an id where the suggested pattern would look).
  const idOfLink = (url: URL) => candidateId(url);
  return {
    ...site,
    candidateId,
    pageKind(url): PageKind | null {
      const recipe = recipeFor(recipes, url);
      if (isList(recipe)) return 'candidate-list';
      if (candidateId(url) || recipe?.fields.panel) return 'candidate';
      return null;
    },
    mounts(doc, url, kind) {
      const recipe = recipeFor(recipes, url);
      if (kind === 'candidate-list') return recipe?.fields.row ? readRows(doc, recipe.fields.row, idOfLink) : [];
      if (kind === 'candidate') return readCandidate(doc, recipe?.fields ?? {}, candidateId(url), idOfLink);
      return [];
    },
    recipeInUse: (url) => {
      const recipe = recipeFor(recipes, url);
      return recipe && recipeKey(recipe);
    },
  };
}

/** `base`, reading the pages a recipe covers with that recipe (and base's own reading for everything else). */
function withRecipesOf(base: SiteAdapter, recipes: readonly SiteRecipe[]): SiteAdapter {
  /** The id a page recipe's own `:id` gives (the admin said where it is), else the built-in adapter's. */
  const candidateId = (url: URL): string | null => {
    const recipe = recipeFor(recipes, url);
    const taught = recipe && !isList(recipe) && recipe.path?.includes(':id') ? patternId(recipe.path, url) : null;
    return taught ?? base.candidateId(url);
  };
  return {
    ...base,
    candidateId,
    pageKind(url) {
      const recipe = recipeFor(recipes, url);
      if (!recipe) return base.pageKind(url);
      // A candidate panel over a list (its id in the URL): the panel's candidate, not the list's rows.
      if (!isList(recipe) && recipe.path?.includes(':id') && patternId(recipe.path, url)) return 'candidate';
      if (isList(recipe)) return base.pageKind(url) === 'candidate' ? 'candidate' : 'candidate-list';
      return base.pageKind(url) ?? (recipe.fields.panel ? 'candidate' : null);
    },
    mounts(doc, url, kind) {
      const recipe = recipeFor(recipes, url);
      const own = () => {
        try {
          return base.mounts(doc, url, kind);
        } catch {
          return [];
        }
      };
      if (!recipe) return own();
      if (kind === 'candidate-list' && recipe.fields.row) return readRows(doc, recipe.fields.row, candidateId);
      if (kind === 'candidate' && !isList(recipe)) {
        // The built-in reading of this page's candidate, never a row's (Lever's list stays beneath its flyover).
        const id = candidateId(url);
        const mine = own().find((m) => m.candidate.siteCandidateId === id);
        return readCandidate(doc, recipe.fields, id, candidateId, mine);
      }
      return own();
    },
    // The candidate the floating button acts on: the recipe's reading over the built-in one (the same ids).
    candidate(doc, url) {
      const recipe = recipeFor(recipes, url);
      const own = base.candidate?.(doc, url) ?? null;
      if (!recipe || isList(recipe)) return own;
      const read = readCandidate(doc, recipe.fields, candidateId(url), candidateId, own ? { anchor: doc.documentElement, position: 'append', candidate: own } : undefined);
      return read[0]?.candidate ?? own;
    },
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
    else out.push(taughtAdapter(host, list));
  }
  for (const adapter of adapters) out.push(builtIn.has(adapter) ? withRecipesOf(adapter, builtIn.get(adapter)!) : adapter);
  return out;
}
