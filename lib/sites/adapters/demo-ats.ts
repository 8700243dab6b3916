import { linkValue } from '../deep';
import { ID_LIKE } from '../define';
import { text, type Mount, type SiteAdapter, type TestUrl } from '../types';
import { demoAtsSite } from '../where/demo-ats';

/**
 * The sandbox's demo ATS (where it runs: lib/sites/where/demo-ats.ts). Its candidate ids are the ATS's own ids,
 * which Kombo knows as `remote_id`s, like Greenhouse's.
 */
/** The demo ATS names the application a candidate page shows on its header, as Greenhouse does in its URL. */
const applicationIdOf = (main: Element) => {
  const id = main.querySelector<HTMLElement>('[data-application-id]')?.dataset.applicationId;
  return id && ID_LIKE.test(id) ? id : undefined;
};

export const demoAts: SiteAdapter = {
  ...demoAtsSite,
  candidateId: (url) => /^\/demo-ats\/candidates\/([A-Za-z0-9_-]{1,128})\/?$/.exec(url.pathname)?.[1] ?? null,
  pageKind(url) {
    // Only an id-like segment makes a candidate page (else the floating fallback would carry a non-id).
    if (/^\/demo-ats\/candidates\/[A-Za-z0-9_-]{1,128}\/?$/.test(url.pathname)) return 'candidate';
    if (/^\/demo-ats\/candidates\/?$/.test(url.pathname)) return 'candidate-list';
    if (/^\/demo-ats\/jobs\/[^/]+\/pipeline\/?$/.test(url.pathname)) return 'pipeline';
    return null;
  },
  mounts(doc, url, kind): Mount[] {
    if (kind === 'candidate') {
      const id = demoAts.candidateId(url);
      if (!id) return [];
      const main = doc.querySelector('main') ?? doc.body;
      return [
        {
          anchor: doc.querySelector('.candidate-actions') ?? doc.querySelector('h1') ?? main,
          position: doc.querySelector('.candidate-actions') ? 'append' : 'after',
          candidate: {
            siteCandidateId: id,
            fullName: text(main.querySelector('h1')),
            email: linkValue(main, 'mailto:', 320),
            phone: linkValue(main, 'tel:', 64),
            jobTitle: text(main.querySelector('.job-title, [data-field="job"]')),
            stage: text(main.querySelector('.stage')),
            startDate: text(main.querySelector('.start-date, [data-field="start-date"]')),
            siteApplicationId: applicationIdOf(main),
          },
        },
      ];
    }
    if (kind === 'candidate-list') {
      return [...doc.querySelectorAll<HTMLElement>('tr[data-candidate-id]')].flatMap((row) => {
        const id = row.dataset.candidateId;
        if (!id || !ID_LIKE.test(id)) return [];
        const cells = row.querySelectorAll('td');
        return [
          {
            anchor: cells[cells.length - 1] ?? row,
            position: 'append' as const,
            candidate: {
              siteCandidateId: id,
              fullName: text(row.querySelector('a, [data-field="name"]')),
              email: linkValue(row, 'mailto:', 320),
              jobTitle: text(row.querySelector('[data-field="job"]')),
              stage: text(row.querySelector('[data-field="stage"], .stage')),
            },
          },
        ];
      });
    }
    // Job pipeline: only the Hired column's cards can be exported.
    const hired = [...doc.querySelectorAll<HTMLElement>('.pipeline-column')].find((col) => /hired/i.test(col.dataset.stage ?? ''));
    if (!hired) return [];
    return [...hired.querySelectorAll<HTMLElement>('[data-candidate-id]')].flatMap((card) => {
      const id = card.dataset.candidateId;
      if (!id || !ID_LIKE.test(id)) return [];
      return [
        {
          anchor: card,
          position: 'append' as const,
          candidate: { siteCandidateId: id, fullName: text(card.querySelector('h3, .name, a')), email: linkValue(card, 'mailto:', 320), stage: 'Hired', jobTitle: text(doc.querySelector('h1')) },
        },
      ];
    });
  },
};

/** The sandbox's own routes (sandbox/demo/ats.ts in this repository). */
export const testUrls: TestUrl[] = [
  { url: 'http://127.0.0.1:4780/demo-ats/candidates/40112234', kind: 'candidate', id: '40112234', source: 'sandbox/demo/ats.ts: GET /demo-ats/candidates/:remoteId' },
  { url: 'http://127.0.0.1:4780/demo-ats/candidates', kind: 'candidate-list', source: 'sandbox/demo/ats.ts: GET /demo-ats/candidates' },
  { url: 'http://localhost:4780/demo-ats/jobs/JOB-1/pipeline', kind: 'pipeline', source: 'sandbox/demo/ats.ts: GET /demo-ats/jobs/:remoteId/pipeline' },
  { url: 'http://127.0.0.1:4780/demo-ats/jobs', kind: null, source: 'sandbox/demo/ats.ts: GET /demo-ats/jobs' },
  { url: 'http://127.0.0.1:4780/demo-sourcing/people/1', kind: 'not-site', source: 'sandbox/demo/sourcing.ts: the demo sourcing app on the same host is not the ATS' },
];
