import { defineAdapter, NOT_PUBLIC, ROUTE_ID } from '../define';
import { workableSite } from '../where/workable';
import type { TestUrl } from '../types';

/**
 * Workable: each company's app is `<company>.workable.com/backend/…` (where it runs, and which subdomains are
 * public sites: lib/sites/where/workable.ts). A job's candidates are browsed one stage at a time, `/backend/jobs/:job/browser/:stage`; the
 * candidate opens inside it, `/backend/jobs/:job/browser/:stage/candidate/:id`, beside the stage's cards. The
 * stage slugs are the API's (`stage.slug`: applied, …, hired): on the hired stage every card gets its button.
 *
 * DOM (public console snippets, below): each card's `[data-ui="candidate-name"]` sits in a link (`closest('a')`)
 * ending in the candidate's id; that link names the card's candidate. The open candidate's name is read from
 * its own card only, never from another person's. Not public: the profile's header (floating button).
 * Internal JSON routes (`/backend/api/…`: candidates/list, candidates/first, browser/candidates/:id.json_api) are
 * never pages.
 */
export const workable = defineAdapter(workableSite, {
  // The candidate database's profile (`/backend/candidates/db/profile/:id`: "db" is the database, never an id), inside
  // the job's browser (`…/browser/:stage/candidate/:id`) or on its own (`/backend/…/candidates/:id`).
  candidatePage: [
    new RegExp(`^/backend/candidates/db/profile/${ROUTE_ID}(?:/.*)?$`),
    new RegExp(`^/backend/(?:.+/)?candidates?/(?!db(?:/|$))${ROUTE_ID}(?:/.*)?$`),
  ],
  notAPage: /^\/backend\/api\//,
  jobId: new RegExp(`^/backend/jobs/${ROUTE_ID}(?:/|$)`),
  candidateList: /^\/backend\/(?:.+\/)?candidates\/?$/,
  pipeline: new RegExp(`^/backend/jobs/${ROUTE_ID}/browser(?:/|$)`),
  pipelineStage: /^\/backend\/jobs\/[^/]+\/browser\/([^/]+)/,
  selectors: {
    actions: NOT_PUBLIC,
    name: '[data-ui="candidate-name"]',
    card: '[data-ui="candidate-name"]',
  },
});

const CONSOLE_NOTES = 'Public notes on exporting from Workable: the job page\'s `[data-ui="candidate-name"]` links are https://<company>.workable.com/backend/jobs/4087255/browser/applied/candidate/370715911';
/** A public repository of scripts reading Workable with a recruiter's session (download_evaluations.py, download-resumes.rb). */
const SESSION_SCRIPTS = "Public scripts calling Workable's web app with a recruiter's cookie";

export const testUrls: TestUrl[] = [
  { url: 'https://gitlab.workable.com/backend/jobs/128446/browser/applied/candidate/7604850', kind: 'candidate', id: '7604850', jobId: '128446', source: "GitLab's public handbook (hiring, screening call): \"An example of the output of a good screening call\" links to this URL" },
  { url: 'https://constructor-1.workable.com/backend/jobs/4087255/browser/applied/candidate/370715911', kind: 'candidate', id: '370715911', jobId: '4087255', source: CONSOLE_NOTES },
  { url: 'https://constructor-1.workable.com/backend/jobs/4087255/browser/hired', kind: 'pipeline', source: `${CONSOLE_NOTES}; the stage slugs are the API's \`stage.slug\` (${SESSION_SCRIPTS}: fields[stage]=id,slug,name,kind)` },
  { url: 'https://constructor-1.workable.com/backend/jobs/4087255/browser/applied', kind: 'pipeline', source: `${CONSOLE_NOTES} (the job's browser, one stage at a time)` },
  { url: 'https://apply.workable.com/balto/j/9BE3FA1FB7/', kind: 'public', source: 'A public Workable fetch test: https://apply.workable.com/balto/j/9BE3FA1FB7/ (the public careers site on the same wildcard)' },
  { url: 'https://jobs.workable.com/view/abc123', kind: 'public', source: "Workable's public job search (jobs.workable.com), cited by public job scrapers" },
  { url: 'https://constructor-1.workable.com/backend/api/candidates/list?job_id=4087255', kind: null, source: `${SESSION_SCRIPTS}: internal JSON routes under /backend/api/ (read before as a candidate named "list")` },
  { url: 'https://hyperverge.workable.com/backend/api/candidates/first?job_id=3200225', kind: null, source: `${SESSION_SCRIPTS}: https://hyperverge.workable.com/backend/api/candidates/first?job_id=3200225` },
  { url: 'https://constructor-1.workable.com/backend/api/browser/candidates/370715911.json_api', kind: null, source: `${SESSION_SCRIPTS}: /backend/api/browser/candidates/#{ID}.json_api` },
  // Collected in the issue 26 audit (find_string "workable.com/backend"), none of them in the list above before.
  { url: 'https://groove-tech.workable.com/backend/jobs/376844767/candidates/216323526', kind: 'candidate', id: '216323526', jobId: '376844767', source: "Workable API `GET /candidates/:id`: `profile_url` https://groove-tech.workable.com/backend/jobs/376844767/candidates/216323526 (a recorded answer in a public client's tests)" },
  { url: 'https://acme.workable.com/backend/jobs/OPS2026/candidates/c12345', kind: 'candidate', id: 'c12345', jobId: 'OPS2026', source: 'A public recruiting tool’s parser test: parse_workable_candidate_input("https://acme.workable.com/backend/jobs/OPS2026/candidates/c12345") → candidate c12345, job shortcode OPS2026' },
  { url: 'https://gigabrands.workable.com/backend/candidates/db/profile/7604850', kind: 'candidate', id: '7604850', source: 'A public hiring dashboard: workableUrl = `https://gigabrands.workable.com/backend/candidates/db/profile/${candidate.id}` (read before as a candidate named "db")' },
  { url: 'https://rditrials.workable.com/backend/candidates/8f2c41a7', kind: 'candidate', id: '8f2c41a7', source: 'A public hires inbox: workableCandidateUrl(id) = `https://rditrials.workable.com/backend/candidates/${id}` (the id\'s hex form from the same project\'s notes, completed)' },
  { url: 'https://sparkbox.workable.com/backend/jobs/1234567/browser/2nd-interview/candidate/7604850', kind: 'candidate', id: '7604850', jobId: '1234567', source: 'A public exercise README: "the ID in the URL: https://sparkbox.workable.com/backend/jobs/:job-id:/browser/2nd-interview/candidate/:candidate-id:"' },
  { url: 'https://visage.workable.com/backend/jobs/4087255/browser/sourced', kind: 'pipeline', source: "A public job-offer tool: getEvaluateUrl = 'https://visage.workable.com/backend/jobs/' + id + '/browser/sourced'" },
  { url: 'https://acme.workable.com/backend/jobs/7FE1AB41FC', kind: null, source: 'A public job tool: links.workable = `https://${WORKABLE_SUBDOMAIN}.workable.com/backend/jobs/7FE1AB41FC` (the job itself, no candidate)' },
  { url: 'https://planetargon.workable.com/backend/settings/integrations', kind: null, source: 'A public Workable client README: "You can find your API KEY at https://planetargon.workable.com/backend/settings/integrations" (a settings page)' },
  { url: 'https://gigabrands.workable.com/backend/candidates/db', kind: null, source: 'The database the profile link above sits in: not claimed as a list (its markup is not public), and never a candidate named "db"' },
];
