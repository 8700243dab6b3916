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
}

/** One place to put a button, and the candidate it acts on. */
export interface Mount {
  anchor: Element;
  /** Where the button goes relative to the anchor. */
  position: 'append' | 'prepend' | 'before' | 'after';
  candidate: CandidateOnPage;
}

export interface SiteAdapter {
  /** Stable id, e.g. "greenhouse"; also what admins switch off. */
  id: string;
  name: string;
  /** The tool prefix of a Kombo X-Integration-Id for this ATS (e.g. "greenhouse"), when Kombo supports it. */
  komboTool?: string;
  /** Match patterns of the hosts it runs on (built-in hosts are in the manifest). */
  hosts: readonly string[];
  /** Is this URL one of the site's pages at all? */
  isSite(url: URL): boolean;
  /** The kind of page, from the URL alone. */
  pageKind(url: URL): PageKind | null;
  /** On a candidate page, the candidate's id from the URL (null when the URL holds none). */
  candidateId(url: URL): string | null;
  /** Buttons to place on this page now (called again after SPA navigation and DOM changes). */
  mounts(doc: Document, url: URL, kind: PageKind): Mount[];
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
