import { mailto, tel, text, type CandidateOnPage, type Mount, type PageKind, type SiteAdapter } from './types';

/**
 * Most ATS web apps follow one shape: a candidate page whose URL holds the id, a candidate list with one row per
 * candidate, and a job pipeline with a Hired column. An adapter built with `defineAdapter` only declares its URL
 * patterns and selectors; reading the DOM (always best effort) is shared here.
 */

export interface AdapterSpec {
  id: string;
  name: string;
  komboTool?: string;
  hosts: readonly string[];
  /** Host check for `isSite` (the match patterns above say the same to the browser). */
  host: RegExp;
  /** Routes: matched against `pathname + hash` so hash-routed apps (Recruitee) work too. The first group is the candidate id. */
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

const route = (url: URL) => `${url.pathname}${url.hash}`;

export function defineAdapter(spec: AdapterSpec): SiteAdapter {
  const s = spec.selectors;
  return {
    id: spec.id,
    name: spec.name,
    komboTool: spec.komboTool,
    hosts: spec.hosts,
    isSite: (url) => spec.host.test(url.hostname),
    pageKind(url): PageKind | null {
      const path = route(url);
      if (spec.candidatePage.test(path)) return 'candidate';
      if (spec.candidateList?.test(path)) return 'candidate-list';
      if (spec.pipeline?.test(path)) return 'pipeline';
      return null;
    },
    mounts(doc, url, kind): Mount[] {
      if (kind === 'candidate') {
        const id = spec.candidatePage.exec(route(url))?.[1];
        if (!id) return [];
        const anchor = doc.querySelector(s.actions);
        const candidate: CandidateOnPage = {
          siteCandidateId: decodeURIComponent(id),
          fullName: text(doc.querySelector(s.name)),
          email: mailto(doc),
          phone: tel(doc),
          stage: s.stage ? text(doc.querySelector(s.stage)) : undefined,
          jobTitle: s.job ? text(doc.querySelector(s.job)) : undefined,
          startDate: s.startDate ? text(doc.querySelector(s.startDate)) : undefined,
        };
        // No anchor: the manager places a floating button instead.
        return anchor ? [{ anchor, position: 'append', candidate }] : [];
      }
      if (kind === 'candidate-list' && s.row && s.rowId) {
        return [...doc.querySelectorAll<HTMLElement>(s.row)].flatMap((row) => {
          const id = row.getAttribute(s.rowId!);
          if (!id) return [];
          return [
            {
              anchor: row.querySelector('td:last-child, .actions') ?? row,
              position: 'append' as const,
              candidate: {
                siteCandidateId: id,
                fullName: text(row.querySelector(s.name) ?? row.querySelector('a')),
                email: mailto(row),
                phone: tel(row),
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
          const id = card.getAttribute(s.cardId!);
          if (!id) return [];
          return [{ anchor: card, position: 'append' as const, candidate: { siteCandidateId: id, fullName: text(card.querySelector('h3, h4, .name, a')), email: mailto(card), stage: 'Hired' } }];
        });
      }
      return [];
    },
  };
}
