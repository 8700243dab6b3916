import { defineAdapter, NOT_PUBLIC, ROUTE_UUID, UUID } from '../define';
import type { TestUrl } from '../types';

/**
 * Lever. The app is on hire.lever.co, its EU data centre on hire.eu.lever.co and sandboxes on
 * hire.sandbox.lever.co; another `hire.<stack>.lever.co` can be granted at run time. Candidate (contact) ids are
 * UUIDs: `/candidates/:id`, as in the API's `urls.show`. The profile opens as a panel over the candidate list with
 * that address: the address names the candidate; a public extension for Lever reads only that (below).
 *
 * DOM: not known from any public capture. Lists get a button beside each link to a candidate page; candidate
 * pages the floating button with every id of the URL; no Hired column is claimed on its boards. The name, email,
 * posting and stage selectors below are NOT evidence: they are kept only because Sync to ATS and the automatic
 * sync read a Lever profile's stage and person from the page; replace them with evidence or a taught recipe.
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
  // Not evidence (see above): no anchor is claimed; the reads stay for Sync to ATS until evidence or a recipe replaces them.
  selectors: { actions: NOT_PUBLIC, name: '.candidate-name, h1', stage: '.stage-name, [data-qa="stage"]', job: '.posting-title, [data-qa="posting"]' },
});

const API_URLS = 'Lever API opportunity/candidate objects, `urls.show` / `urls.list` (sandbox responses copied into public client tests and factories)';

const URL_ONLY_EXT = 'A public recruiting extension for Lever: injects on https://hire.lever.co/candidates/ and https://hire.sandbox.lever.co/candidates/ and reads candidateId = pathname minus /candidates/ (no DOM)';

export const testUrls: TestUrl[] = [
  { url: 'https://hire.lever.co/candidates/b2b0c192-be1a-465b-9af1-f0c4a1069d08', kind: 'candidate', id: 'b2b0c192-be1a-465b-9af1-f0c4a1069d08', source: `${URL_ONLY_EXT}; a public Lever field reference quotes urls.show = https://hire.lever.co/candidates/b2b0c192-be1a-465b-9af1-f0c4a1069d08` },
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
