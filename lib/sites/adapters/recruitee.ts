import { DATA_ATTRIBUTE_LISTS, defineAdapter, ROUTE_ID } from '../define';
import type { TestUrl } from '../types';

/**
 * Recruitee routes in the hash on app.recruitee.com: a candidate is `#/candidates?candidate=:id` (the list with
 * the candidate open) or `#/…/candidate(s)/:id`. `<company>.recruitee.com` are career sites, not the ATS, so the
 * content script is not declared there either.
 *
 * DOM: not known from any public capture; the selectors are guesses and the floating button is the fallback.
 */
export const recruitee = defineAdapter({
  id: 'recruitee',
  name: 'Recruitee',
  komboTool: 'recruitee',
  hosts: ['https://app.recruitee.com/*'],
  candidatePage: new RegExp(`^/#/(?:.+/)?candidates?/${ROUTE_ID}(?:/.*)?$`),
  candidateParam: 'candidate',
  candidateList: /^\/#\/candidates\/?$/,
  pipeline: new RegExp(`^/#/offers/${ROUTE_ID}/pipeline`),
  selectors: {
    actions: '[data-testid="candidate-actions"], .candidate-actions',
    name: 'h1',
    stage: '[data-testid="candidate-stage"]',
    job: '[data-testid="candidate-offer"]',
    ...DATA_ATTRIBUTE_LISTS,
  },
});

export const testUrls: TestUrl[] = [
  { url: 'https://app.recruitee.com/#/candidates?candidate=91234567', kind: 'candidate', id: '91234567', source: 'A public Raycast extension for Recruitee: Action.OpenInBrowser url={`https://app.recruitee.com/#/candidates?candidate=${item.id}`}' },
  { url: 'https://app.recruitee.com/#/candidates', kind: 'candidate-list', source: 'The same extension: the candidate list the link opens on' },
  { url: 'https://make.recruitee.com/o/ai-automation-expect', kind: 'not-site', source: 'Recruitee career sites: public job scrapers build https://{slug}.recruitee.com/o/{offer slug}; this one is listed in a public application log' },
];
