import { SITE_ID } from '../sites/recipe-key';

/**
 * A recipe's page pattern ("Pages"): a path with `:id` where the candidate id is and `*` for any run of characters,
 * optionally followed by a hash route (`#/…` or `#!/…`, for apps that route in the fragment) and by a query whose
 * parameters a page must have — `name=value` (that value), `name=*` (any value) or `name=:id` (the candidate id).
 * With a hash route, the query is the hash route's own (`#/candidates?candidate=1`), else the URL's. Examples from
 * real apps:
 *
 *   /candidates/:id                                          (Breezy, Greenhouse)
 *   /recruit/*\/EntityInfo.do?module=Candidates&id=:id        (Zoho Recruit's record page)
 *   /agencies/*\/people?person_id=:id                         (Loxo's profile drawer over the people list)
 *   /#/candidates?candidate=:id                              (Recruitee: the list with the candidate open)
 *   /#/people/:id                                            (any hash-routed app's record page)
 *
 * Parameters the pattern does not name may be on the page too; their order does not matter. Pure: no DOM, no zod
 * (the ATS script loads this on every page).
 */

export interface QueryRule {
  name: string;
  /** A literal value, `*` (present with any value) or `:id`. */
  value: string;
}
export interface ParsedPattern {
  path: string;
  query: QueryRule[];
}

export function parsePattern(pattern: string): ParsedPattern {
  const at = pattern.indexOf('?');
  const path = at < 0 ? pattern : pattern.slice(0, at);
  const query = at < 0 ? [] : pattern.slice(at + 1).split('&').filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? { name: pair, value: '*' } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
  });
  return { path, query };
}

/** A fragment that is a route: `#/people/1`, `#!/people/1` (never a plain anchor such as `#activity`). */
const HASH_ROUTE = /^#!?\//;
const hashRouteOf = (url: URL) => (HASH_ROUTE.test(url.hash) ? url.hash.split('?')[0] : '');
/** The hash route's query (`#/candidates?candidate=1` → candidate=1), which `URL.searchParams` does not see. */
const hashQueryOf = (url: URL) => new URLSearchParams(HASH_ROUTE.test(url.hash) && url.hash.includes('?') ? url.hash.slice(url.hash.indexOf('?') + 1) : '');
const hasHashRoute = (path: string) => path.includes('#');
/** What a pattern's path is matched against: the pathname, plus the hash route when the pattern has one. */
const routeFor = (path: string, url: URL) => (hasHashRoute(path) ? `${url.pathname}${hashRouteOf(url)}` : url.pathname);
/** A query parameter as a pattern sees it: the hash route's first when the pattern has one, then the URL's. */
const paramFor = (path: string, url: URL, name: string) => (hasHashRoute(path) ? (hashQueryOf(url).get(name) ?? url.searchParams.get(name)) : url.searchParams.get(name));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The path part as a regular expression; with `idGroup`, `:id` is its first group (one path segment). */
function pathRegex(path: string, idGroup: boolean): RegExp {
  const body = path
    .split(/(:id\b|\*)/)
    .map((part) => (part === ':id' ? (idGroup ? '([^/]{1,384})' : '[^/]+') : part === '*' ? '.*' : escape(part)))
    .join('');
  return new RegExp(`^${body.replace(/\/$/, '')}/?$`);
}

/** Route words that sit where an id goes (`/candidates/new`) but name no candidate. */
const NOT_AN_ID = /^(?:new|edit|search|import|export|bulk|settings|pipeline|list|all|index)$/i;

/** A candidate id as it may be used: decoded (`abc%3D%3D` → `abc==`), of the allowed characters, not a route word. */
export function asSiteId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let id: string;
  try {
    id = decodeURIComponent(raw).trim();
  } catch {
    return null;
  }
  return SITE_ID.test(id) && !NOT_AN_ID.test(id) ? id : null;
}

/** Does the page match the pattern (path and every query rule)? */
export function patternCovers(pattern: string, url: URL): boolean {
  const { path, query } = parsePattern(pattern);
  if (!pathRegex(path || '/*', false).test(routeFor(path, url))) return false;
  return query.every(({ name, value }) => {
    const got = paramFor(path, url, name);
    if (got === null) return false;
    if (value === '*') return true;
    if (value === ':id') return !!asSiteId(got);
    return got === safeDecode(value);
  });
}

const safeDecode = (value: string) => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
};

/** The candidate id a page gives under a pattern with `:id` (in the path or the query); null when it has none. */
export function patternId(pattern: string, url: URL): string | null {
  if (!patternCovers(pattern, url)) return null;
  const { path, query } = parsePattern(pattern);
  const inQuery = query.find((rule) => rule.value === ':id');
  if (inQuery) return asSiteId(paramFor(path, url, inQuery.name));
  if (!path.includes(':id')) return null;
  return asSiteId(pathRegex(path, true).exec(routeFor(path, url))?.[1]);
}

/** A path segment that looks like an id: a digit in it, only id characters. */
const ID_SEGMENT = /^(?=.*\d)[A-Za-z0-9_=$%-]{1,384}$/;

/** Collections of people: an id right after one is a person's, wherever it sits (`/jobs/*\/candidates/:id/profile`). */
const PEOPLE = /^(?:candidates?|people|persons?|applicants?|talents?|profiles?|prospects?|contacts?)$/i;
/** Collections of other records (an org, an agency, a job): an id right after one is theirs (Loxo's `/agencies/340/jobs/3525548`). */
const NOT_PEOPLE = /^(?:orgs?|organi[sz]ations?|agenc(?:y|ies)|compan(?:y|ies)|accounts?|teams?|workspaces?|tenants?|clients?|jobs?|offers?|positions?|requisitions?|openings?|vacanc(?:y|ies)|projects?|plans?|pipelines?|stages?|reports?|dashboards?|settings|api)$/i;
/** An id that says it is an organisation's (Zoho Recruit's `org20065965611`). */
const ORG_ID = /^(?:org|agency|company|tenant|account)[-_]?\d/i;

/** A page of the app named like a file (Zoho Recruit's `ShowSetup.do`): what comes before it is a container. */
const PAGE_FILE = /\.[A-Za-z]{1,8}$/;

/**
 * Is the id-like path segment `i` the person's? After a collection of people, yes; an organisation's id, or one after a
 * collection of other records, no; nor one followed by a collection or a page of the app (an agency's
 * `/…/40713/people`, an org's `/recruit/4314466/ShowSetup.do`): that id names what the rest is about, not a person.
 * Otherwise yes (`/talent/:id`, a candidate's tab `/…/applications/:id/notes`).
 */
function personAt(parts: readonly string[], i: number): boolean {
  if (PEOPLE.test(parts[i - 1] ?? '')) return true;
  if (ORG_ID.test(parts[i]) || NOT_PEOPLE.test(parts[i - 1] ?? '')) return false;
  const next = parts[i + 1];
  return !next || !(PAGE_FILE.test(next) || PEOPLE.test(next) || NOT_PEOPLE.test(next));
}

/**
 * Query parameters that name the person a page shows (Zoho Recruit's `id`, Loxo's `person_id`, Recruitee's
 * `candidate`, `candidateId`…).
 * Another record's id (`job_id`, `application_id`, `entityId`) is not the candidate's.
 */
const CANDIDATE_PARAM = /^(?:id|cid|pid|candidate|person|applicant|talent|(?:candidate|person|people|applicant|profile|talent|contact|record)[_-]?id)$/i;

/** Parameters that only say how a page is viewed (a tab, a sort, a search): never part of a page's shape. */
const VIEW_PARAM = /^(?:tab|view|sort|order|dir|page|per_page|limit|offset|filter|filters|q|query|search|lang|locale|ref|source|utm_.*|from|back|return(?:_to|url)?)$/i;

/**
 * The pattern suggested for the page an admin is teaching: where its candidate id is, and the rest of its shape.
 * The id is a query parameter that names a person when there is one (a path segment before it is an org's or an
 * agency's id: `/recruit/org20065965611/EntityInfo.do?module=Candidates&id=…`), else the last id-like path segment
 * that is a person's (personAt: never an org's, an agency's or a job's; a page with none names no candidate);
 * other id-like segments become `*` (another job's, another org's pages have the same shape). Word-valued parameters
 * that pick the kind of record (`module=Candidates`) are kept; view state and other ids are left out.
 */
export function suggestPattern(url: URL, kind: 'page' | 'list' = 'page'): string {
  // A hash-routed app's page is its pathname plus its hash route, and its parameters are the hash route's (then the
  // URL's): `/#/candidates?candidate=123` → `/#/candidates?candidate=:id`.
  const hash = hashRouteOf(url);
  const route = `${url.pathname}${hash}`;
  const params = [...(hash ? [...hashQueryOf(url).entries()] : []), ...url.searchParams.entries()].filter(([name], i, all) => all.findIndex(([other]) => other === name) === i);
  // A list's page names no candidate: every id in it is another record's (a job's, an org's), and a person's
  // parameter is the drawer open over it, not the list.
  if (kind === 'list') {
    const path = route.split('/').map((part) => (ID_SEGMENT.test(part) ? '*' : part)).join('/');
    const kept = params.filter(([name, value]) => !CANDIDATE_PARAM.test(name) && !VIEW_PARAM.test(name) && /^[A-Za-z][A-Za-z_-]{0,39}$/.test(value) && /^[A-Za-z0-9_.-]{1,40}$/.test(name));
    return kept.length ? `${path}?${kept.map(([name, value]) => `${name}=${value}`).join('&')}` : path;
  }
  const idParam = params.find(([name, value]) => CANDIDATE_PARAM.test(name) && !!asSiteId(value) && /\d/.test(value));
  const parts = route.split('/');
  let idAt = -1;
  if (!idParam) for (let i = parts.length - 1; i >= 0 && idAt < 0; i--) if (ID_SEGMENT.test(parts[i]) && asSiteId(parts[i]) && personAt(parts, i)) idAt = i;
  const path = parts.map((part, i) => (i === idAt ? ':id' : ID_SEGMENT.test(part) ? '*' : part)).join('/');
  if (!idParam) return path;
  const kept = params.filter(([name, value]) => name !== idParam[0] && !VIEW_PARAM.test(name) && /^[A-Za-z][A-Za-z_-]{0,39}$/.test(value) && /^[A-Za-z0-9_.-]{1,40}$/.test(name));
  const query = [...kept.map(([name, value]) => `${name}=${value}`), `${idParam[0]}=:id`];
  return `${path}?${query.join('&')}`;
}

/**
 * The candidate id of a page no pattern with `:id` describes (a recipe for a whole host, a list row's link when no
 * candidate page is taught): where the suggested pattern would put it.
 */
export function guessId(url: URL): string | null {
  return patternId(suggestPattern(url), url);
}
