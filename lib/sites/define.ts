import { mailto, tel, text, type CandidateOnPage, type Mount, type PageKind, type SiteAdapter } from './types';

/**
 * Most ATS web apps follow one shape: a candidate page whose URL holds the id, a candidate list with one row per
 * candidate, and a job pipeline with a Hired column. An adapter built with `defineAdapter` only declares its URL
 * patterns and selectors; reading the DOM (always best effort) is shared here.
 */

export interface AdapterSpec {
  id: string;
  /** Where a candidate page's URL names the application it shows: a query parameter, or a route's first group. */
  applicationId?: { param?: string; route?: RegExp };
  name: string;
  komboTool?: string;
  hosts: readonly string[];
  /** Host check for `isSite` (the match patterns above say the same to the browser). */
  host: RegExp;
  /** Routes: matched against the pathname, plus a `#/…` hash route (Recruitee). The first group is the candidate id. */
  candidatePage: RegExp;
  candidateList?: RegExp;
  pipeline?: RegExp;
  selectors: {
    /** Where buttons go on a candidate page (the first match wins; none → floating button). */
    actions: string;
    name: string;
    stage?: string;
    job?: string;
    startDate?: string;
    /** A candidate list row, and the attribute on it holding the candidate id. */
    row?: string;
    rowId?: string;
    /** Pipeline: a column, the attribute or heading naming its stage, and a card with its candidate id. */
    column?: string;
    columnStage?: string;
    card?: string;
    cardId?: string;
  };
}

/**
 * The path the route patterns see: the pathname, plus the hash only when it is a hash route (`#/…`, minus its
 * `?query`). A plain fragment (`/people/123#activity`) must not hide the page from a path-routed adapter.
 */
const route = (url: URL) => `${url.pathname}${url.hash.startsWith('#/') ? url.hash.split('?')[0] : ''}`;

/** What a row's or card's id attribute must look like (the same rule as the URL ids and the message schema). */
export const ID_LIKE = /^[A-Za-z0-9_-]{1,128}$/;
/** Route words that sit where an id goes (`/people/new`) but name no candidate. */
const NOT_AN_ID = /^(?:new|edit|search|import|export|bulk|settings)$/i;

/** A page's hostile `mailto:` (a stray `%`) must cost that one field, not every button on the page. */
export function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export function defineAdapter(spec: AdapterSpec): SiteAdapter {
  const s = spec.selectors;
  const candidateId = (url: URL): string | null => {
    const id = spec.candidatePage.exec(route(url))?.[1];
    return id && ID_LIKE.test(id) && !NOT_AN_ID.test(id) ? id : null;
  };
  const attrId = (el: Element, attribute: string): string | null => {
    const id = el.getAttribute(attribute);
    return id && ID_LIKE.test(id) ? id : null;
  };
  return {
    id: spec.id,
    name: spec.name,
    komboTool: spec.komboTool,
    hosts: spec.hosts,
    // The built-in hosts are all https; an http page of the same name is not the ATS (and not a trusted sender).
    isSite: (url) => url.protocol === 'https:' && spec.host.test(url.hostname),
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
          email: safe(() => mailto(doc)),
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
