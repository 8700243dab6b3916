/**
 * A site adapter knows one ATS web app: which URLs are its pages, what kind of page each is, which candidate
 * ids they carry, and where Hirebridge's buttons go. Adapters run inside web pages: they never reach the
 * database, the key vault or a connector, only the message protocol (through the manager).
 *
 * Preference order (SPEC §3): ids from the URL; then the connected ATS's API by that id (done by the service
 * worker); the DOM only as a best-effort fallback and as the anchor for buttons.
 */

export type PageKind = 'candidate' | 'candidate-list' | 'pipeline';

/** What a page says about a candidate. Everything but the id is best effort: the form lets people fix it. */
export interface CandidateOnPage {
  /** The ATS's own id for the candidate (or application), as in its URL. */
  siteCandidateId: string;
  fullName?: string;
  email?: string;
  phone?: string;
  jobTitle?: string;
  /** The stage as the page shows it, e.g. "Hired". */
  stage?: string;
  startDate?: string;
  /** The ATS's own id of the application shown (Greenhouse's `?application_id=`), when the page gives it. */
  siteApplicationId?: string;
  /** The ATS's own id of the job, when the URL names it (a job's candidate list, a candidate opened in a job). */
  siteJobId?: string;
}

/** One place to put a button, and the candidate it acts on. */
export interface Mount {
  anchor: Element;
  /** Where the button goes relative to the anchor. */
  position: 'append' | 'prepend' | 'before' | 'after';
  candidate: CandidateOnPage;
}

/**
 * Where an adapter looks on a page. Plain data (CSS selectors and attribute names, never code), so a stored
 * recipe's reading can stand beside them (lib/recipes/apply.ts).
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
  /**
   * A candidate list row, and the attribute on it holding the candidate id; a row without that attribute is
   * identified by its link (itself, around it or in it: any element with an `href`). Without `row`, every link to
   * one of the ATS's candidate pages is a row.
   */
  row?: string;
  rowId?: string;
  /** A job's title shown once above a job's list (its rows do not repeat it): every row's job. */
  listJob?: string;
  /**
   * A board showing one stage at a time (`pipelineStage`): its cards, and the attribute on one holding its
   * candidate id (default: the card's link). A board whose Hired column is not known gets no buttons, unless it
   * shows the Hired stage among others (`everyCard`).
   */
  card?: string;
  cardId?: string;
}

/**
 * Where an ATS's web app runs, and nothing about how its pages are read: what the service worker, the options page
 * and the manifest need (lib/sites/where). Each built-in site declares it in lib/sites/where/<id>.ts; its page part
 * (lib/sites/adapters/<id>.ts, the content script's) is built on that same declaration.
 */
export interface AtsSite {
  /** Stable id, e.g. "greenhouse"; also what admins switch off. */
  id: string;
  name: string;
  /** The tool prefix of a Kombo X-Integration-Id for this ATS (e.g. "greenhouse"), when Kombo supports it. */
  komboTool?: string;
  /** Match patterns of the hosts it runs on (built-in hosts are in the manifest). */
  hosts: readonly string[];
  /** Hosts an admin may grant at run time (a company's sign-in subdomain, another region), beyond `hosts`. */
  grantableHost?: RegExp;
  /** Is this URL one of the site's pages at all (on a built-in or a grantable host)? */
  isSite(url: URL): boolean;
  /** True when this page's host is not built in: the service worker answers it only once the host is granted. */
  needsGrant?(url: URL): boolean;
}

/** A site and how its pages are read: the content script's (and the page tools'). */
export interface SiteAdapter extends AtsSite {
  /** The selectors it reads the DOM with (plain data). */
  selectors?: Readonly<AdapterSelectors>;
  /** The key of the admin's recipe that reads this page, when one does (lib/recipes). */
  recipeInUse?(url: URL): string | undefined;
  /** The kind of page, from the URL alone. */
  pageKind(url: URL): PageKind | null;
  /** On a candidate page, the candidate's id from the URL (null when the URL holds none). */
  candidateId(url: URL): string | null;
  /**
   * On a candidate page, the candidate it shows with every id its URL gives (candidate, application, job) and
   * what the page says: the one both the anchored and the floating button act on.
   */
  candidate?(doc: Document, url: URL): CandidateOnPage | null;
  /** Buttons to place on this page now (called again after SPA navigation and DOM changes). */
  mounts(doc: Document, url: URL, kind: PageKind): Mount[];
}

/**
 * A URL of the real app, with what the adapter must make of it and where the URL shape was seen in public
 * (vendor docs, integrations, open-source tools that link into the app). Every adapter file lists its own;
 * one unit test runs them all (tests/unit/sites/real-urls.test.ts). Never imported by the content script.
 */
export interface TestUrl {
  url: string;
  /**
   * The page kind; null for a page of the app that is none of them; 'not-site' when it is not the ATS at all;
   * 'public' for a public site on a host the content script's wildcard covers (no adapter claims it).
   */
  kind: PageKind | null | 'not-site' | 'public';
  /** The candidate id the URL must yield (candidate pages; none where the person is named on the page). */
  id?: string;
  /** The application and job ids the URL must give. */
  applicationId?: string;
  jobId?: string;
  /** Where this shape comes from: a public page or repository, and what it shows. */
  source: string;
}

/** Helpers shared by adapters for reading the DOM defensively. */
export function text(el: Element | null | undefined): string | undefined {
  const value = el?.textContent?.replace(/\s+/g, ' ').trim();
  return value ? value.slice(0, 500) : undefined;
}

export function mailto(root: ParentNode): string | undefined {
  const link = root.querySelector<HTMLAnchorElement>('a[href^="mailto:"]');
  const value = link?.getAttribute('href')?.slice('mailto:'.length).split('?')[0];
  return value ? decodeURIComponent(value).trim().slice(0, 320) : undefined;
}

export function tel(root: ParentNode): string | undefined {
  const link = root.querySelector<HTMLAnchorElement>('a[href^="tel:"]');
  const value = link?.getAttribute('href')?.slice('tel:'.length);
  return value ? decodeURIComponent(value).trim().slice(0, 64) : undefined;
}

/** The path segment after `marker`, when it looks like an id. */
export function idAfter(url: URL, marker: string): string | null {
  const parts = url.pathname.split('/').filter(Boolean);
  const index = parts.indexOf(marker);
  const id = index >= 0 ? parts[index + 1] : undefined;
  return id && /^[A-Za-z0-9_-]{1,128}$/.test(id) ? id : null;
}
