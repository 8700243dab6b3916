import { defineAdapter, NOT_PUBLIC, ROUTE_ID } from '../define';
import { recruiteeSite } from '../where/recruitee';
import type { TestUrl } from '../types';

/**
 * Recruitee routes in the hash on app.recruitee.com: a candidate is `#/candidates?candidate=:id` (the list with
 * the candidate open) or `#/…/candidate(s)/:id`. Where it runs (and where not: the career sites):
 * lib/sites/where/recruitee.ts.
 *
 * DOM: not known from any public capture, so nothing is read from it: lists get a button beside each link to a
 * candidate page, candidate pages the floating button with every id of the URL, and the data comes from the API.
 * With a candidate open over the list (`#/candidates?candidate=:id`, the list's own route), the rows beneath keep
 * their buttons. No Hired column is claimed on its boards.
 */
export const recruitee = defineAdapter(recruiteeSite, {
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
  // Collected in the issue 26 audit (find_string on the app's host), none of them in the list above before.
  { url: 'https://app.recruitee.com/#/dashboard/overview?candidate=33498831&company=38422', kind: 'candidate', id: '33498831', source: 'A Recruitee notification e-mail kept in a public repository: "added a team note to candidate … <https://app.recruitee.com/#/dashboard/overview?candidate=33498831&company=38422>"' },
  { url: 'https://app.recruitee.com/#/offers/mobile-app-developer-remote/pipeline', kind: 'pipeline', source: "A public chat bot's links: openLink('https://app.recruitee.com/#/offers/mobile-app-developer-remote/pipeline')" },
  { url: 'https://app.recruitee.com/#/offers/peon-de-albanil', kind: null, source: "Recruitee API `GET /c/:company/offers`: an offer's `adminapp_url` https://app.recruitee.com/#/offers/peon-de-albanil (recorded in a public repository)" },
  { url: 'https://app.recruitee.com/#/settings/api_tokens', kind: null, source: 'Public Recruitee integration READMEs: "Go to the Recruitee API Dashboard (https://app.recruitee.com/#/settings/api_tokens)"' },
  { url: 'https://app.recruitee.com/#/settings/company/sso', kind: null, source: 'A public SSO setup guide: "visit https://app.recruitee.com/#/settings/company/sso"' },
  { url: 'https://app.recruitee.com/#/companies/12345/dashboard', kind: null, source: 'A public Recruitee client README: "the URL contains your Company ID, e.g. https://app.recruitee.com/#/companies/12345/dashboard"' },
  { url: 'https://app.recruitee.com/#/dashboard/c/38422', kind: null, source: 'A public setup form\'s hint: "find it in your account URL: app.recruitee.com/#/dashboard/c/<COMPANY_ID>" (a company id, never a candidate)' },
  { url: 'https://make.recruitee.com/o/ai-automation-expect', kind: 'not-site', source: 'Recruitee career sites: public job scrapers build https://{slug}.recruitee.com/o/{offer slug}; this one is listed in a public application log' },
];
