import { linkValue } from './deep';
import { hrefOf, linkAround, queryAllDeep, roots } from './dom';
import { text, type AdapterSelectors, type AtsSite, type CandidateOnPage, type Mount, type PageKind, type SiteAdapter } from './types';

/**
 * Most ATS web apps follow one shape: a candidate page whose URL holds the id, a candidate list with one row per
 * candidate, and a job pipeline with a Hired column. An adapter built with `defineAdapter` only declares its URL
 * patterns and selectors, on top of its site's declaration (where it runs: lib/sites/where/<id>.ts); reading the
 * DOM (always best effort) is shared here. The content script's only: the service worker knows the sites, never
 * this.
 */

/** Matches nothing: where an ATS's markup is not public, the adapter reads nothing rather than guess. */
export const NOT_PUBLIC = ':not(*)';

/** How a site's pages are read (where it runs is its `AtsSite`, lib/sites/where/<id>.ts). */
export interface AdapterSpec {
  /**
   * Where a URL names an application (a candidate page's, or a list row's link): query parameters, or a route's
   * first group (matched against the same path as the candidate routes).
   */
  applicationId?: { params?: readonly string[]; route?: RegExp };
  /** Where a URL names the job (a job's candidate list, a candidate opened inside a job): a route's first group. */
  jobId?: RegExp;
  /**
   * Routes, matched against the pathname plus a `#/…` hash route (Recruitee); the first group is the candidate
   * id. Several shapes may name the same page; the first that yields an id wins.
   */
  candidatePage: RegExp | readonly RegExp[];
  /** A query parameter (of the URL or of the hash route) naming the candidate: `#/candidates?candidate=123`. */
  candidateParam?: string;
  /**
   * Pages showing one application whose URL does not name the person (Greenhouse's Application Review): the
   * person is the element of the first `personLink` selector that matches whose link is one of this ATS's
   * candidate pages (the one naming the page's application first).
   */
  applicationPage?: RegExp;
  personLink?: readonly string[];
  /** Routes of the app that are never a candidate, a list or a board, whatever they hold (internal JSON APIs). */
  notAPage?: RegExp;
  /** What this ATS's candidate ids look like (default: letters, digits, `_` and `-`). */
  idPattern?: RegExp;
  candidateList?: RegExp;
  pipeline?: RegExp;
  /** A board showing one stage at a time, named in its URL (first group): its cards are hired when the stage is. */
  pipelineStage?: RegExp;
  /**
   * A board that shows the Hired stage among others, whose columns no public evidence tells apart (Teamtailor's job
   * board): every card linking to a candidate page gets a button, and the ATS's API says whether that person is hired.
   */
  everyCard?: boolean;
  /**
   * The candidate page is a panel over the candidate list, on a route of its own (Lever's flyover): the list's rows
   * beneath keep a button each. A candidate shown on the list's own route is always read so.
   */
  listBeneath?: boolean;
  /** Where the candidate page's button goes relative to `selectors.actions` (default: appended inside it). */
  actionsPosition?: 'append' | 'after' | 'before';
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

/**
 * An email shown in an element: the address of a `mailto:` link (it or inside it, shadow roots included), else its
 * text when that is an address. One rule for the adapters, the recipes and the teach picker.
 */
export function emailIn(el: Element | null): string | undefined {
  if (!el) return undefined;
  const value = linkValue(el, 'mailto:', 320) ?? text(el);
  return value && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value.slice(0, 320) : undefined;
}

const HIRED = /\bhired\b|contratad/i;

/** A site's adapter: its declaration (id, name, hosts, host checks: the same object's) and how its pages are read. */
export function defineAdapter(site: AtsSite, spec: AdapterSpec): SiteAdapter {
  const s = spec.selectors;
  const routes = Array.isArray(spec.candidatePage) ? spec.candidatePage : [spec.candidatePage as RegExp];
  const isId = (id: string | null | undefined): id is string =>
    !!id && ID_LIKE.test(id) && !NOT_AN_ID.test(id) && (!spec.idPattern || spec.idPattern.test(id));
  const candidateId = (url: URL): string | null => {
    const path = route(url);
    if (spec.notAPage?.test(path)) return null;
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
  /** Every id a URL gives: the candidate, the application and the job. */
  const idsOf = (url: URL) => {
    const path = route(url);
    const app = spec.applicationId;
    const fromQuery = app?.params?.map((p) => url.searchParams.get(p)).find((v) => v);
    const application = fromQuery ?? app?.route?.exec(path)?.[1];
    const job = spec.jobId?.exec(path)?.[1];
    return {
      siteCandidateId: candidateId(url),
      siteApplicationId: application && ID_LIKE.test(application) ? application : undefined,
      siteJobId: job && ID_LIKE.test(job) ? job : undefined,
    };
  };
  /** The ids an element's link gives, when it links to one of this ATS's candidate pages on the page's own site. */
  const linkIds = (el: Element | null) => {
    const linked = el && hrefOf(el);
    if (!linked || linked.origin !== new URL(el.ownerDocument.baseURI).origin) return null;
    const ids = idsOf(linked);
    return ids.siteCandidateId ? (ids as typeof ids & { siteCandidateId: string }) : null;
  };
  /**
   * The first element matching `selector` that belongs to candidate `id`: an element inside a link to another
   * candidate (a card of the list beside the open profile) is that other person's, never this one's.
   */
  const readFor = (all: ReturnType<typeof roots>, selector: string | undefined, id: string) =>
    selector
      ? queryAllDeep(all, selector).find((el) => {
          const other = linkIds(linkAround(el));
          return !other || other.siteCandidateId === id;
        })
      : undefined;
  const pageCandidate = (doc: Document, url: URL, all = roots(doc)): CandidateOnPage | null => {
    let ids = idsOf(url);
    let person: Element | undefined;
    if (!ids.siteCandidateId && spec.applicationPage?.test(route(url)) && spec.personLink) {
      // The person named on the page; the one whose link names this page's application first.
      let found: { el: Element; linked: NonNullable<ReturnType<typeof linkIds>> }[] = [];
      for (const selector of spec.personLink) {
        found = queryAllDeep(all, selector).flatMap((el) => {
          const linked = linkIds(el);
          return linked ? [{ el, linked }] : [];
        });
        if (found.length) break;
      }
      const chosen = found.find((f) => ids.siteApplicationId && f.linked.siteApplicationId === ids.siteApplicationId) ?? found[0];
      if (chosen) {
        person = chosen.el;
        ids = { ...chosen.linked, siteApplicationId: ids.siteApplicationId ?? chosen.linked.siteApplicationId, siteJobId: ids.siteJobId ?? chosen.linked.siteJobId };
      }
    }
    const id = ids.siteCandidateId;
    if (!id) return null;
    const field = (selector?: string) => text(readFor(all, selector, id));
    const candidate: CandidateOnPage = {
      siteCandidateId: id,
      fullName: field(s.name) ?? text(person),
      email: emailIn(readFor(all, s.email ?? 'a[href^="mailto:"]', id) ?? null),
      phone: ((el) => el && linkValue(el, 'tel:', 64))(readFor(all, 'a[href^="tel:"]', id)),
      stage: field(s.stage),
      jobTitle: field(s.job),
      startDate: field(s.startDate),
    };
    if (ids.siteApplicationId) candidate.siteApplicationId = ids.siteApplicationId;
    if (ids.siteJobId) candidate.siteJobId = ids.siteJobId;
    return candidate;
  };
  /**
   * One button per row (or card) of a list, acting on that row's candidate: identified by its id attribute, or
   * by its link (the row itself, the link around it, or the first links in it). An id attribute that is there
   * but is not an id is refused, not worked around. One button per candidate and application.
   */
  const rowMounts = (doc: Document, url: URL, all: readonly (Document | ShadowRoot | Element)[], selector: string | undefined, idAttribute: string | undefined, stage?: string): Mount[] => {
    const page = idsOf(url);
    const rows = selector ? queryAllDeep<HTMLElement>(all, selector) : queryAllDeep<HTMLElement>(all, '[href]').filter((el) => linkIds(el));
    const listJob = s.listJob ? text(queryAllDeep(all, s.listJob)[0]) : undefined;
    const seen = new Set<string>();
    return rows.flatMap((row) => {
      const attribute = idAttribute ? row.getAttribute(idAttribute) : null;
      const link = linkAround(row);
      let ids: ReturnType<typeof linkIds> = null;
      if (attribute !== null) {
        if (!ID_LIKE.test(attribute)) return [];
        ids = { siteCandidateId: attribute } as NonNullable<typeof ids>;
      } else {
        for (const el of [link, ...Array.from(row.querySelectorAll('[href]')).slice(0, 10)]) if ((ids = linkIds(el))) break;
      }
      const key = ids && `${ids.siteCandidateId}:${ids.siteApplicationId ?? ''}`;
      if (!ids || seen.has(key!)) return [];
      seen.add(key!);
      const candidate: CandidateOnPage = {
        siteCandidateId: ids.siteCandidateId,
        fullName: text((row.matches(s.name) ? row : row.querySelector(s.name)) ?? link ?? row.querySelector('[href]')),
        email: linkValue(row, 'mailto:', 320),
        phone: linkValue(row, 'tel:', 64),
        stage: stage ?? (s.stage ? text(row.querySelector(s.stage)) : undefined),
        jobTitle: (s.job ? text(row.querySelector(s.job)) : undefined) ?? listJob,
      };
      const application = ids.siteApplicationId;
      const job = ids.siteJobId ?? page.siteJobId;
      if (application) candidate.siteApplicationId = application;
      if (job) candidate.siteJobId = job;
      // Never inside a link (a click there would open the candidate): beside it.
      return [link ? { anchor: link, position: 'after' as const, candidate } : { anchor: row.querySelector('td:last-child') ?? row, position: 'append' as const, candidate }];
    });
  };
  const boardMounts = (doc: Document, url: URL, all: ReturnType<typeof roots>): Mount[] => {
    const path = route(url);
    if (spec.everyCard) return rowMounts(doc, url, all, s.card, s.cardId);
    const shown = spec.pipelineStage?.exec(path)?.[1];
    return shown && HIRED.test(shown) ? rowMounts(doc, url, all, s.card, s.cardId, 'Hired') : [];
  };
  const pageKind = (url: URL): PageKind | null => {
    const path = route(url);
    if (spec.notAPage?.test(path)) return null;
    if (candidateId(url) || spec.applicationPage?.test(path)) return 'candidate';
    if (spec.candidateList?.test(path)) return 'candidate-list';
    if (spec.pipeline?.test(path)) return 'pipeline';
    return null;
  };
  return {
    ...site,
    selectors: s,
    candidateId,
    pageKind,
    candidate: (doc, url) => (pageKind(url) === 'candidate' ? pageCandidate(doc, url) : null),
    mounts(doc, url, kind): Mount[] {
      const all = roots(doc);
      if (kind === 'candidate') {
        const candidate = pageCandidate(doc, url, all);
        if (!candidate) return [];
        const [anchor] = queryAllDeep(all, s.actions);
        // No anchor: the manager places a floating button for this same candidate instead.
        const own: Mount[] = anchor ? [{ anchor, position: spec.actionsPosition ?? 'append', candidate }] : [];
        const others = (mounts: Mount[]) => mounts.filter((m) => m.candidate.siteCandidateId !== candidate.siteCandidateId);
        // A candidate opened inside a one-stage board (Workable's browser): the board's cards keep their buttons.
        if (spec.pipelineStage && spec.pipeline?.test(route(url))) return [...own, ...others(boardMounts(doc, url, all))];
        // A candidate opened over the list (Lever's flyover; Recruitee's `#/candidates?candidate=:id`, the list's own
        // route): the list's rows beneath keep theirs.
        if (spec.listBeneath || spec.candidateList?.test(route(url))) return [...own, ...others(rowMounts(doc, url, all, s.row, s.rowId))];
        return own;
      }
      if (kind === 'candidate-list') return rowMounts(doc, url, all, s.row, s.rowId);
      if (kind === 'pipeline') return boardMounts(doc, url, all);
      return [];
    },
  };
}
