import { parseMatchPattern } from './match-pattern';
import { mailto, tel, text, type CandidateOnPage, type Mount, type PageKind, type SiteAdapter } from './types';

/**
 * Most ATS web apps follow one shape: a candidate page whose URL holds the id, a candidate list with one row per
 * candidate, and a job pipeline with a Hired column. An adapter built with `defineAdapter` only declares its URL
 * patterns and selectors; reading the DOM (always best effort) is shared here.
 */

/**
 * Where an adapter looks on a page. Plain data (CSS selectors and attribute names, never code), so a stored
 * recipe can later replace any of them for a built-in adapter (`withSelectors`).
 */
export interface AdapterSelectors {
  /** Where buttons go on a candidate page (the first match wins; none → floating button). */
  actions: string;
  name: string;
  /** The email (its text, or the address of a `mailto:` link in it); none → the page's first `mailto:` link. */
  email?: string;
  stage?: string;
  job?: string;
  startDate?: string;
  /** A candidate list row, and the attribute on it holding the candidate id. */
  row?: string;
  rowId?: string;
  /** Pipeline: a column, the attribute (`@name`) or heading naming its stage, and a card with its candidate id. */
  column?: string;
  columnStage?: string;
  card?: string;
  cardId?: string;
}

/**
 * Rows, columns and cards marked with `data-candidate-id` / `data-stage` (what the adapters assume where a vendor's
 * list and board markup is not publicly known; a recipe replaces them).
 */
export const DATA_ATTRIBUTE_LISTS = {
  row: '[data-candidate-id]',
  rowId: 'data-candidate-id',
  column: '[data-stage]',
  columnStage: '@data-stage',
  card: '[data-candidate-id]',
  cardId: 'data-candidate-id',
} as const satisfies Partial<AdapterSelectors>;

export interface AdapterSpec {
  id: string;
  /** Where a candidate page's URL names the application it shows: a query parameter, or a route's first group. */
  applicationId?: { param?: string; route?: RegExp };
  name: string;
  komboTool?: string;
  /**
   * Match patterns of the hosts in the manifest (https). The adapter's host check is derived from them, so the
   * browser's idea of where the content script runs and the adapter's idea of its site are one rule.
   */
  hosts: readonly string[];
  /**
   * Hosts an admin may grant at run time (a company's sign-in subdomain, another region's stack): never in the
   * manifest; the content script is registered for each one granted (lib/sites/registration.ts).
   */
  grantableHost?: RegExp;
  /**
   * Routes, matched against the pathname plus a `#/…` hash route (Recruitee); the first group is the candidate
   * id. Several shapes may name the same page; the first that yields an id wins.
   */
  candidatePage: RegExp | readonly RegExp[];
  /** A query parameter (of the URL or of the hash route) naming the candidate: `#/candidates?candidate=123`. */
  candidateParam?: string;
  /** What this ATS's candidate ids look like (default: letters, digits, `_` and `-`). */
  idPattern?: RegExp;
  candidateList?: RegExp;
  pipeline?: RegExp;
  selectors: AdapterSelectors;
}

/**
 * The path the route patterns see: the pathname, plus the hash only when it is a hash route (`#/…`, minus its
 * `?query`). A plain fragment (`/people/123#activity`) must not hide the page from a path-routed adapter.
 */
const route = (url: URL) => `${url.pathname}${url.hash.startsWith('#/') ? url.hash.split('?')[0] : ''}`;

/** Route groups for adapters' patterns: any id-like segment, or a UUID (Lever, Ashby, SmartRecruiters). */
export const ROUTE_ID = '([A-Za-z0-9_-]{1,128})';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ROUTE_UUID = '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';

/** What a row's or card's id attribute must look like (the same rule as the URL ids and the message schema). */
export const ID_LIKE = /^[A-Za-z0-9_-]{1,128}$/;
/** Route words that sit where an id goes (`/people/new`, Ashby's `/candidates/pipeline/…`) but name no candidate. */
const NOT_AN_ID = /^(?:new|edit|search|import|export|bulk|settings|pipeline|segment|applications?|all)$/i;

/** The hash route's query (`#/candidates?candidate=1` → `candidate=1`), which URL.searchParams does not see. */
const hashQuery = (url: URL) => new URLSearchParams(url.hash.startsWith('#/') && url.hash.includes('?') ? url.hash.slice(url.hash.indexOf('?') + 1) : '');

/** A page's hostile `mailto:` (a stray `%`) must cost that one field, not every button on the page. */
export function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** An email shown in an element: the address of a `mailto:` link (it or inside it), else its text when it is one. */
export function emailIn(el: Element | null): string | undefined {
  if (!el) return undefined;
  const link = el.matches('a[href^="mailto:"]') ? el : el.querySelector('a[href^="mailto:"]');
  if (link) return decodeURIComponent(link.getAttribute('href')!.slice('mailto:'.length).split('?')[0]).trim().slice(0, 320) || undefined;
  const value = text(el);
  return value && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value.slice(0, 320) : undefined;
}

export function defineAdapter(spec: AdapterSpec): SiteAdapter {
  const s = spec.selectors;
  // Built when first needed: every ATS page loads every adapter, and most never ask.
  let builtIn: RegExp[] | undefined;
  const builtInHosts = () => (builtIn ??= spec.hosts.map((pattern) => parseMatchPattern(pattern).host));
  const routes = Array.isArray(spec.candidatePage) ? spec.candidatePage : [spec.candidatePage as RegExp];
  const isId = (id: string | null | undefined): id is string =>
    !!id && ID_LIKE.test(id) && !NOT_AN_ID.test(id) && (!spec.idPattern || spec.idPattern.test(id));
  const candidateId = (url: URL): string | null => {
    const path = route(url);
    for (const pattern of routes) {
      const id = pattern.exec(path)?.[1];
      if (isId(id)) return id;
    }
    if (spec.candidateParam) {
      const id = hashQuery(url).get(spec.candidateParam) ?? url.searchParams.get(spec.candidateParam);
      if (isId(id)) return id;
    }
    return null;
  };
  /**
   * A row's or card's candidate id: its id attribute; or, when it has none (real ATS markup rarely carries one),
   * the id of the first link in it to one of this ATS's candidate pages (Workable's cards link to
   * `…/browser/applied/candidate/:id`). An attribute that is there but is not an id is refused, not worked around.
   */
  const attrId = (el: Element, attribute: string): string | null => {
    const id = el.getAttribute(attribute);
    if (id !== null) return ID_LIKE.test(id) ? id : null;
    for (const link of Array.from(el.querySelectorAll<HTMLAnchorElement>('a[href]')).slice(0, 10)) {
      const linked = safe(() => new URL(link.getAttribute('href')!, el.ownerDocument.baseURI));
      const found = linked && linked.origin === new URL(el.ownerDocument.baseURI).origin ? candidateId(linked) : null;
      if (found) return found;
    }
    return null;
  };
  const isBuiltInHost = (url: URL) => url.protocol === 'https:' && builtInHosts().some((host) => host.test(url.hostname));
  return {
    id: spec.id,
    name: spec.name,
    komboTool: spec.komboTool,
    hosts: spec.hosts,
    grantableHost: spec.grantableHost,
    selectors: s,
    withSelectors: (overrides) => defineAdapter({ ...spec, selectors: { ...s, ...overrides } }),
    // The built-in hosts are all https; an http page of the same name is not the ATS (and not a trusted sender).
    isSite: (url) => isBuiltInHost(url) || (url.protocol === 'https:' && !!spec.grantableHost?.test(url.hostname)),
    needsGrant: (url) => !isBuiltInHost(url),
    candidateId,
    pageKind(url): PageKind | null {
      const path = route(url);
      if (candidateId(url)) return 'candidate';
      if (spec.candidateList?.test(path)) return 'candidate-list';
      if (spec.pipeline?.test(path)) return 'pipeline';
      return null;
    },
    mounts(doc, url, kind): Mount[] {
      if (kind === 'candidate') {
        const id = candidateId(url);
        if (!id) return [];
        const anchor = doc.querySelector(s.actions);
        const candidate: CandidateOnPage = {
          siteCandidateId: id,
          fullName: text(doc.querySelector(s.name)),
          email: safe(() => (s.email ? emailIn(doc.querySelector(s.email)) : mailto(doc))),
          phone: safe(() => tel(doc)),
          stage: s.stage ? text(doc.querySelector(s.stage)) : undefined,
          jobTitle: s.job ? text(doc.querySelector(s.job)) : undefined,
          startDate: s.startDate ? text(doc.querySelector(s.startDate)) : undefined,
        };
        const app = spec.applicationId;
        const applicationId = app && ((app.param && url.searchParams.get(app.param)) || app.route?.exec(url.pathname)?.[1]);
        if (applicationId && ID_LIKE.test(applicationId)) candidate.siteApplicationId = applicationId;
        // No anchor: the manager places a floating button instead.
        return anchor ? [{ anchor, position: 'append', candidate }] : [];
      }
      if (kind === 'candidate-list' && s.row && s.rowId) {
        return [...doc.querySelectorAll<HTMLElement>(s.row)].flatMap((row) => {
          const id = attrId(row, s.rowId!);
          if (!id) return [];
          return [
            {
              anchor: row.querySelector('td:last-child, .actions') ?? row,
              position: 'append' as const,
              candidate: {
                siteCandidateId: id,
                fullName: text(row.querySelector(s.name) ?? row.querySelector('a')),
                email: safe(() => mailto(row)),
                phone: safe(() => tel(row)),
                stage: s.stage ? text(row.querySelector(s.stage)) : undefined,
                jobTitle: s.job ? text(row.querySelector(s.job)) : undefined,
              },
            },
          ];
        });
      }
      if (kind === 'pipeline' && s.column && s.card && s.cardId) {
        const hired = [...doc.querySelectorAll<HTMLElement>(s.column)].find((column) => {
          const stage = s.columnStage?.startsWith('@') ? column.getAttribute(s.columnStage.slice(1)) : text(column.querySelector(s.columnStage ?? 'h2, h3'));
          return /\bhired\b|contratad/i.test(stage ?? '');
        });
        if (!hired) return [];
        return [...hired.querySelectorAll<HTMLElement>(s.card)].flatMap((card) => {
          const id = attrId(card, s.cardId!);
          if (!id) return [];
          return [{ anchor: card, position: 'append' as const, candidate: { siteCandidateId: id, fullName: text(card.querySelector('h3, h4, .name, a')), email: safe(() => mailto(card)), stage: 'Hired' } }];
        });
      }
      return [];
    },
  };
}
