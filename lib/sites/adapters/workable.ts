import { defineAdapter, NOT_PUBLIC, ROUTE_ID } from '../define';
import type { TestUrl } from '../types';

/**
 * Workable: each company's app is `<company>.workable.com/backend/…`; apply./jobs./www. are public sites, not the
 * recruiter's app. A job's candidates are browsed one stage at a time, `/backend/jobs/:job/browser/:stage`; the
 * candidate opens inside it, `/backend/jobs/:job/browser/:stage/candidate/:id`, beside the stage's cards. The
 * stage slugs are the API's (`stage.slug`: applied, …, hired): on the hired stage every card gets its button.
 *
 * DOM (public console snippets, below): each card's `[data-ui="candidate-name"]` sits in a link (`closest('a')`)
 * ending in the candidate's id; that link names the card's candidate. The open candidate's name is read from
 * its own card only, never from another person's. Not public: the profile's header (floating button).
 * Internal JSON routes (`/backend/api/…`: candidates/list, candidates/first, browser/candidates/:id.json_api) are
 * never pages.
 */
export const workable = defineAdapter({
  id: 'workable',
  name: 'Workable',
  komboTool: 'workable',
  hosts: ['https://*.workable.com/*'],
  publicHost: /^(?:(?:apply|jobs|www|id|help)\.)?workable\.com$/,
  // Inside the job's browser (`…/browser/:stage/candidate/:id`) or on its own (`/backend/…/candidates/:id`).
  candidatePage: new RegExp(`^/backend/(?:.+/)?candidates?/${ROUTE_ID}(?:/.*)?$`),
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
];
