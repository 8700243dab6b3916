import { defineAdapter, NOT_PUBLIC, ROUTE_UUID, UUID } from '../define';
import { leverSite } from '../where/lever';
import type { CandidateOnPage, Mount, SiteAdapter, TestUrl } from '../types';

/**
 * Lever: how its pages are read. Where it runs (hire.lever.co, its EU data centre and sandboxes, other stacks
 * granted at run time): lib/sites/where/lever.ts.
 *
 * What is public (sources below `lever`, each shape also in `testUrls`):
 * - A candidate is `/candidates/:id` (the API's `urls.show`), also with a tail (`/candidates/:id/interview/:iid`).
 *   The id is the API object's `id` (the opportunity, in today's data model), not its `contact`; Kombo's Lever
 *   candidates carry that same id as their remote id ("We use the opportunityId for candidates", docs.kombo.dev/
 *   ats/connectors/lever), so the API look-up by the URL's id finds them. The address is what names the person:
 *   public tools read only the URL there (and the tab's title).
 * - The profile opens as a panel over the list: Lever's own help ("clicking into an opportunity will bring up the
 *   associated candidate profile"), and userscripts for hire.lever.co that widen the `.flyover` element and hide
 *   its `.flyover-controls` and `.next-prev-container`. Public tools that track which candidate a tab shows take
 *   the candidate from `/candidates/:id` in the path and skip `/candidates?…` (the list itself): opening a profile
 *   puts its address in the URL while the list stays beneath. So on a candidate page the button goes in the
 *   flyover's controls (else it floats), acting on the URL's candidate; the list's rows under the panel keep a
 *   button each, acting on the candidate their link names.
 * - The tab's title on a candidate is "Full Name – Lever Hire" (a public tab tracker strips " – Lever Hire"
 *   from it, and blocks the bare "Lever Hire"): the only place the name is read from. A title that is not that
 *   shape gives no name, and neither does one still naming the candidate before (another row's name) while the
 *   address has moved on.
 * - The list is `/candidates` (the API's `urls.list`), with filters in its query. Lever's pipeline is that page:
 *   "a list of opportunities grouped by stage", filtered by posting from the menu beside it; there is no separate
 *   job pipeline route in public material. Hired people are in the pipeline's Archive section, under the "Hired"
 *   archive reason (one that "cannot be deleted"): a filter of the same list, where each row gets its button.
 *
 * Excerpts of every source: tests/vendor/lever/SOURCE.md.
 *
 * Not public: the markup of the profile (name, email, stage, posting) and of the list's rows beyond their links.
 * Nothing is read there: the stage comes from the API when Lever is the connected ATS, or from a recipe an admin
 * teaches (lib/recipes, which can also name the panel); the name from the title; email and phone only from
 * `mailto:`/`tel:` links, as on any page.
 */
const base = defineAdapter(leverSite, {
  candidatePage: new RegExp(`^/candidates/${ROUTE_UUID}(?:/.*)?$`),
  idPattern: UUID,
  candidateList: /^\/candidates\/?$/,
  listBeneath: true,
  // The flyover's control bar (userscripts above); no name, stage or posting element is public.
  selectors: { actions: '.flyover-controls', name: NOT_PUBLIC },
});

/** "Full Name – Lever Hire" (en dash, as the public tab tracker splits it): the name; anything else: none. */
const TITLE = /^(.*\S)\s+–\s+Lever Hire$/u;

export function nameFromTitle(doc: Document): string | undefined {
  const match = TITLE.exec(doc.title.replace(/\s+/g, ' ').trim());
  return match ? match[1].slice(0, 500) : undefined;
}

/**
 * The opened candidate with the title's name. Moving between profiles, the address can change before the title
 * does: a title naming another candidate of the list beneath (their row's link reads the same) is the one before,
 * and gives no name. An empty name the recruiter fills beats another person's.
 */
const named = (doc: Document, candidate: CandidateOnPage, rows: readonly Mount[]): CandidateOnPage => {
  const title = nameFromTitle(doc);
  const stale = !!title && rows.some((row) => row.candidate.siteCandidateId !== candidate.siteCandidateId && row.candidate.fullName === title);
  const fullName = candidate.fullName ?? (stale ? undefined : title);
  return fullName ? { ...candidate, fullName } : candidate;
};

export const lever: SiteAdapter = {
  ...base,
  candidate: (doc, url) => {
    const candidate = base.candidate!(doc, url);
    return candidate && named(doc, candidate, base.mounts(doc, url, 'candidate-list'));
  },
  mounts(doc, url, kind) {
    const mounts = base.mounts(doc, url, kind);
    if (kind !== 'candidate') return mounts;
    // The opened candidate's button and, beneath the flyover (listBeneath), each row's, acting on its own candidate.
    const id = base.candidateId(url);
    const rows = mounts.filter((m) => m.candidate.siteCandidateId !== id);
    return mounts.map((m) => (m.candidate.siteCandidateId === id ? { ...m, candidate: named(doc, m.candidate, rows) } : m));
  },
};

/**
 * Where each shape was seen (the URLs below cite these; tests/vendor/lever/SOURCE.md has the excerpts). Plain
 * strings, not one object's properties: the bundler drops strings no code reads, but keeps every read of an
 * object's property (it may be a getter), which shipped all of them in the ATS content script.
 */
export const API_URLS =
  'Lever API opportunity objects, `urls.list` = https://hire.lever.co/candidates and `urls.show` = https://hire.lever.co/candidates/<id> (hire.lever.co/developer/documentation; sandbox responses copied into public client tests, e.g. a Go client\'s create-opportunity test, and a public "Lever API Data Reference" whose example has id b2b0c192-… = urls.show and a different `contact`)';
export const TAB_TRACKER =
  'A public tab/history tracker\'s Lever filter (url_regex hire\\.lever\\.co/.+): candidate = `candidates/<GUID>` in the pathname, title "Full Name – Lever Hire" split on "–"; interviews = `interviews/<GUID>`; block_list title /Lever Hire/ and url /\\/candidates\\?/';
export const USERSCRIPTS =
  'Public Tampermonkey userscripts "Full-width Lever" and "Lou\'s lovely Lever hacks" (@match https://hire.lever.co/*, 2026-02-20): document.getElementsByClassName("flyover"), "flyover-controls", "next-prev-container", "interview-story" with "card-key"/"card-value"';
export const HELP_FLYOVER =
  'help.lever.co "Candidates and opportunities in the pipeline" (articles/20087348604445): "a list of opportunities grouped by stage … Clicking into an opportunity will bring up the associated candidate profile"';
export const HELP_FILTERS =
  'help.lever.co "Filtering the candidate pipeline" (articles/20087378745501): "The filter menu to the left of the candidate list allows you to filter the pipeline by job posting"';
export const HELP_HIRED =
  'help.lever.co "Operating the Archive" (articles/20087374094365): the Archive is "segmented by archive reasons … Selecting an archive reason will filter for opportunities"; articles/204502125: "The “Hired” archive reason cannot be deleted"';
export const INTERVIEW_LINK =
  'A public Lever connector building source links https://hire.lever.co/candidates/{opp_id}/interview/{interview_id}, else https://hire.lever.co/interviews/{interview_id}';
export const POSTING_EDIT = "A public handbook linking a job posting's editor: https://hire.lever.co/jobs/postings/edit/c36db3e1-0ece-465d-ad7c-1eb6de9a4b22";
export const URL_ONLY_EXTENSION =
  'A public recruiting extension for Lever: injects on https://hire.lever.co/candidates/ and https://hire.sandbox.lever.co/candidates/ and reads candidateId = pathname minus /candidates/ (no DOM)';
export const LOOKER = 'Public Looker views linking to Lever: url "https://hire.lever.co/candidates/{{ value }}" for opportunity ids (OPP_ID) and candidate ids';

export const testUrls: TestUrl[] = [
  {
    url: 'https://hire.lever.co/candidates/b2b0c192-be1a-465b-9af1-f0c4a1069d08',
    kind: 'candidate',
    id: 'b2b0c192-be1a-465b-9af1-f0c4a1069d08',
    source: `${API_URLS}; ${URL_ONLY_EXTENSION}; ${LOOKER}`,
  },
  {
    url: 'https://hire.lever.co/candidates/cb45668d-38b6-43dd-9ba5-bd325d50dbfc',
    kind: 'candidate',
    id: 'cb45668d-38b6-43dd-9ba5-bd325d50dbfc',
    source: API_URLS,
  },
  {
    url: 'https://hire.sandbox.lever.co/candidates/74fd168f-1505-4d2e-afd4-6daf29bbc3a9',
    kind: 'candidate',
    id: '74fd168f-1505-4d2e-afd4-6daf29bbc3a9',
    source: API_URLS,
  },
  {
    url: 'https://hire.lever.co/candidates',
    kind: 'candidate-list',
    source: `${API_URLS}; ${HELP_FILTERS}; ${HELP_HIRED} (the Archive and its Hired reason are filters of this list; the filters' query names are not public)`,
  },
  { url: 'https://hire.sandbox.lever.co/candidates', kind: 'candidate-list', source: API_URLS },
  {
    url: 'https://hire.lever.co/candidates/8f1c2a7e-5d3b-4c1e-9a2f-6b7c8d9e0f1a/interview/2b8e5a31-6c4d-4f70-8a12-3e4f5a6b7c8d',
    kind: 'candidate',
    id: '8f1c2a7e-5d3b-4c1e-9a2f-6b7c8d9e0f1a',
    source: INTERVIEW_LINK,
  },
  {
    url: 'https://hire.lever.co/interviews/2b8e5a31-6c4d-4f70-8a12-3e4f5a6b7c8d',
    kind: null,
    source: `${INTERVIEW_LINK}; ${TAB_TRACKER} (an interview, not a candidate page)`,
  },
  { url: 'https://hire.lever.co/jobs/postings/edit/c36db3e1-0ece-465d-ad7c-1eb6de9a4b22', kind: null, source: POSTING_EDIT },
  {
    url: 'https://hire.eu.lever.co/candidates/74fd168f-1505-4d2e-afd4-6daf29bbc3a9',
    kind: 'candidate',
    id: '74fd168f-1505-4d2e-afd4-6daf29bbc3a9',
    source:
      'Lever\'s own front-end code (public): "Examples of `LEVER_ORIGIN` include https://hire.lever.co, https://hire.eu.lever.co"; Lever EU instance hire.eu.lever.co / api.eu.lever.co',
  },
  {
    url: 'https://hire.green.lever.co/candidates/74fd168f-1505-4d2e-afd4-6daf29bbc3a9',
    kind: 'candidate',
    id: '74fd168f-1505-4d2e-afd4-6daf29bbc3a9',
    source: 'The same Lever code comment names https://hire.green.lever.co: another stack, granted at run time',
  },
  { url: 'https://hire.lever.co/candidates/test_show', kind: null, source: 'A public Lever client test whose `urls.show` ends in a non-id (`test_show`)' },
  {
    url: 'https://hire.sandbox.lever.co/developer/documentation#opportunities',
    kind: null,
    source: "Lever's developer docs are served from the app host (hire.sandbox.lever.co/developer/documentation)",
  },
  {
    url: 'https://jobs.lever.co/acme/74fd168f-1505-4d2e-afd4-6daf29bbc3a9',
    kind: 'not-site',
    source: 'Public job postings (jobs.lever.co/<company>/<posting>): the candidate-facing board',
  },
  { url: 'https://jobs.eu.lever.co/acme', kind: 'not-site', source: 'Public EU job postings (jobs.eu.lever.co/<company>)' },
];
