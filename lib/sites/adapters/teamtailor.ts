import { DATA_ATTRIBUTE_LISTS, defineAdapter, ROUTE_ID } from '../define';
import type { TestUrl } from '../types';

/**
 * Teamtailor. The app is app.teamtailor.com; regional stacks such as tt.na.teamtailor.com serve the same app
 * under `/app/…`; another `tt.<region>` / `app.<region>` stack can be granted at run time. A candidate is
 * `/companies/:company/candidates/segment/:segment/candidate/:id` (company ids are opaque: `w2uyscMTojM`,
 * `X@eu`). Company career sites (`<company>.teamtailor.com`) are not the ATS.
 *
 * DOM: not known from any public capture; the selectors are guesses and the floating button is the fallback.
 */
export const teamtailor = defineAdapter({
  id: 'teamtailor',
  name: 'Teamtailor',
  komboTool: 'teamtailor',
  hosts: ['https://app.teamtailor.com/*', 'https://tt.na.teamtailor.com/*'],
  grantableHost: /^(?:app|tt)\.[a-z]{2,}\d*\.teamtailor\.com$/,
  candidatePage: [
    /^(?:\/app)?\/companies\/[^/]+\/candidates\/segment\/[^/]+\/candidate\/(\d{1,20})(?:\/.*)?$/,
    new RegExp(`^/app/(?:.+/)?candidates/${ROUTE_ID}(?:/.*)?$`),
  ],
  candidateList: /^(?:\/app)?(?:\/companies\/[^/]+)?(?:\/.+)?\/candidates(?:\/segment\/[^/]+)?\/?$/,
  pipeline: new RegExp(`^(?:/app)?/(?:.+/)?jobs/${ROUTE_ID}/stages`),
  selectors: {
    actions: '[data-test="candidate-actions"], .candidate-actions',
    name: 'h1',
    stage: '[data-test="stage-name"]',
    job: '[data-test="job-title"]',
    ...DATA_ATTRIBUTE_LISTS,
  },
});

export const testUrls: TestUrl[] = [
  { url: 'https://app.teamtailor.com/companies/w2uyscMTojM/candidates/segment/all/candidate/56558559', kind: 'candidate', id: '56558559', source: 'A public Selenium script opening a Teamtailor candidate (companies/<id>/candidates/segment/all/candidate/<id>)' },
  { url: 'https://app.teamtailor.com/companies/KBWY-SMQuOQ/candidates/segment/all/candidate/41877321', kind: 'candidate', id: '41877321', source: "A public export script's `Link` column: companies/KBWY-SMQuOQ/candidates/segment/all/candidate/{id}" },
  { url: 'https://app.teamtailor.com/companies/X%40eu/candidates/segment/all/candidate/1', kind: 'candidate', id: '1', source: 'A public Slack alert test: companies/X@eu/candidates/segment/all/candidate/1 (company ids may carry a region)' },
  { url: 'https://app.teamtailor.com/companies/w2uyscMTojM/candidates/segment/all?q=eyJxdWVyeSI6IiJ9', kind: 'candidate-list', source: 'Public Teamtailor search links: companies/{COMPANY_ID}/candidates/segment/all?q=<base64 query>' },
  {
    url: 'https://tt.na.teamtailor.com/app/companies/w2uyscMTojM/candidates/segment/all/candidate/56558559',
    kind: 'candidate',
    id: '56558559',
    source: 'Public Teamtailor automation notes: the North-America stack serves the app at https://tt.na.teamtailor.com/app/companies/{TT_COMPANY_ID}/…',
  },
  { url: 'https://tt.na.teamtailor.com/app/companies/w2uyscMTojM/api/jobs', kind: null, source: 'The same notes: the internal API base https://tt.na.teamtailor.com/app/companies/{TT_COMPANY_ID}/api/' },
  { url: 'https://tt.na.teamtailor.com/shares/AbCdEf123/56558559', kind: null, source: 'The same notes: public share pages https://tt.na.teamtailor.com/shares/<TOKEN>/<CID> (not the recruiter\'s candidate page)' },
  { url: 'https://sandboxinteractive.teamtailor.com/jobs/8094866-lead-3d-environment-artist-m-f-d', kind: 'not-site', source: 'A Teamtailor career site (<company>.teamtailor.com/jobs/<id>-<slug>) quoted in public job-search notes' },
];
