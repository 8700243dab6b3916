import { defineAdapter, NOT_PUBLIC, ROUTE_ID } from '../define';
import type { TestUrl } from '../types';

/**
 * Recruitee routes in the hash on app.recruitee.com: a candidate is `#/candidates?candidate=:id` (the list with
 * the candidate open) or `#/…/candidate(s)/:id`. `<company>.recruitee.com` are career sites, not the ATS, so the
 * content script is not declared there either.
 *
 * DOM: not known from any public capture, so nothing is read from it: lists get a button beside each link to a
 * candidate page, candidate pages the floating button with every id of the URL, and the data comes from the API.
 * No Hired column is claimed on its boards.
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
  // Markup not public: nothing is read from the page; the floating button carries the URL's ids, the API the rest.
  selectors: { actions: NOT_PUBLIC, name: NOT_PUBLIC },
});

export const testUrls: TestUrl[] = [
  { url: 'https://app.recruitee.com/#/candidates?candidate=91234567', kind: 'candidate', id: '91234567', source: 'A public Raycast extension for Recruitee: Action.OpenInBrowser url={`https://app.recruitee.com/#/candidates?candidate=${item.id}`}' },
  { url: 'https://app.recruitee.com/#/dashboard/overview?candidate=46573203&company=89564', kind: 'candidate', id: '46573203', source: "Recruitee's own API: a candidate's adminapp_url in recorded answers of POST /c/:company/candidates (tests/vendor/recruitee/recorded-answers.json): the web app's candidate= is the API's candidate id" },
  { url: 'https://app.recruitee.com/#/candidates', kind: 'candidate-list', source: 'The same extension: the candidate list the link opens on' },
  { url: 'https://make.recruitee.com/o/ai-automation-expect', kind: 'not-site', source: 'Recruitee career sites: public job scrapers build https://{slug}.recruitee.com/o/{offer slug}; this one is listed in a public application log' },
];
