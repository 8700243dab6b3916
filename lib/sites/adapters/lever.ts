import { DATA_ATTRIBUTE_LISTS, defineAdapter, ROUTE_UUID, UUID } from '../define';
import type { TestUrl } from '../types';

/**
 * Lever. The app is on hire.lever.co, its EU data centre on hire.eu.lever.co and sandboxes on
 * hire.sandbox.lever.co; another `hire.<stack>.lever.co` can be granted at run time. Candidate (contact) ids are
 * UUIDs: `/candidates/:id`, as in the API's `urls.show`.
 *
 * DOM: not known from any public capture; the selectors are guesses and the floating button is the fallback.
 */
export const lever = defineAdapter({
  id: 'lever',
  name: 'Lever',
  komboTool: 'lever',
  hosts: ['https://hire.lever.co/*', 'https://hire.eu.lever.co/*', 'https://hire.sandbox.lever.co/*'],
  grantableHost: /^hire\.[a-z0-9-]+\.lever\.co$/,
  candidatePage: new RegExp(`^/candidates/${ROUTE_UUID}(?:/.*)?$`),
  idPattern: UUID,
  candidateList: /^\/candidates\/?$/,
  pipeline: new RegExp(`^/jobs/postings/${ROUTE_UUID}/pipeline`),
  selectors: {
    actions: '.profile-header-actions, [data-qa="profile-actions"]',
    name: '.candidate-name, h1',
    stage: '.stage-name, [data-qa="stage"]',
    job: '.posting-title, [data-qa="posting"]',
    ...DATA_ATTRIBUTE_LISTS,
  },
});

const API_URLS = 'Lever API opportunity/candidate objects, `urls.show` / `urls.list` (sandbox responses copied into public client tests and factories)';

export const testUrls: TestUrl[] = [
  { url: 'https://hire.sandbox.lever.co/candidates/74fd168f-1505-4d2e-afd4-6daf29bbc3a9', kind: 'candidate', id: '74fd168f-1505-4d2e-afd4-6daf29bbc3a9', source: API_URLS },
  { url: 'https://hire.sandbox.lever.co/candidates', kind: 'candidate-list', source: API_URLS },
  { url: 'https://hire.lever.co/candidates/74fd168f-1505-4d2e-afd4-6daf29bbc3a9', kind: 'candidate', id: '74fd168f-1505-4d2e-afd4-6daf29bbc3a9', source: `${API_URLS}; production host hire.lever.co` },
  {
    url: 'https://hire.eu.lever.co/candidates/74fd168f-1505-4d2e-afd4-6daf29bbc3a9',
    kind: 'candidate',
    id: '74fd168f-1505-4d2e-afd4-6daf29bbc3a9',
    source: 'Lever\'s own front-end code (public): "Examples of `LEVER_ORIGIN` include https://hire.lever.co, https://hire.eu.lever.co"; Lever EU instance hire.eu.lever.co / api.eu.lever.co',
  },
  {
    url: 'https://hire.green.lever.co/candidates/74fd168f-1505-4d2e-afd4-6daf29bbc3a9',
    kind: 'candidate',
    id: '74fd168f-1505-4d2e-afd4-6daf29bbc3a9',
    source: 'The same Lever code comment names https://hire.green.lever.co: another stack, granted at run time',
  },
  { url: 'https://hire.lever.co/candidates/test_show', kind: null, source: 'A public Lever client test whose `urls.show` ends in a non-id (`test_show`)' },
  { url: 'https://hire.sandbox.lever.co/developer/documentation#opportunities', kind: null, source: "Lever's developer docs are served from the app host (hire.sandbox.lever.co/developer/documentation)" },
  { url: 'https://jobs.lever.co/acme/74fd168f-1505-4d2e-afd4-6daf29bbc3a9', kind: 'not-site', source: 'Public job postings (jobs.lever.co/<company>/<posting>): the candidate-facing board' },
  { url: 'https://jobs.eu.lever.co/acme', kind: 'not-site', source: 'Public EU job postings (jobs.eu.lever.co/<company>)' },
];
