import { defineAdapter } from '../define';
import type { TestUrl } from '../types';

/**
 * Greenhouse Recruiting. Accounts live on numbered hosts (app, app2, … app9 and beyond) or the EU region; some
 * companies sign in on their own subdomain, which an admin grants at run time (Options → Sites).
 *
 * URLs: the person is `/people/:id`, with the application in `?application_id=` or `/applications/:aid/…`; the
 * candidate id is the person id (what Kombo knows as the remote id).
 *
 * DOM: not known from any public capture; the selectors below are guesses. When they miss, the floating button
 * carries the id from the URL and the data comes from the API.
 */

/** Numbered hosts seen in public material reach app15; beyond app20 an admin grants the host like a sign-in subdomain. */
const NUMBERED = ['app', ...Array.from({ length: 19 }, (_, i) => `app${i + 2}`)];

export const greenhouse = defineAdapter({
  id: 'greenhouse',
  name: 'Greenhouse',
  komboTool: 'greenhouse',
  hosts: [...NUMBERED.map((host) => `https://${host}.greenhouse.io/*`), 'https://app.eu.greenhouse.io/*'],
  // Any other app host of greenhouse.io (a company's sign-in subdomain, app21…), but never its public job boards,
  // APIs or help sites.
  grantableHost: /^(?!(?:boards|job-boards|boards-api|api|harvest|developers|support|www|my|status|onboarding|mail|email)\.)[a-z0-9-]+(?:\.eu)?\.greenhouse\.io$/,
  candidatePage: /^\/people\/(\d{1,20})(?:\/.*)?$/,
  idPattern: /^\d{1,20}$/,
  candidateList: /^\/people\/?$/,
  pipeline: /^\/plans\/(\d{1,20})\/pipeline/,
  // The person page names the application it shows: /people/123?application_id=456 or /people/123/applications/456.
  applicationId: { param: 'application_id', route: /^\/people\/\d+\/applications\/(\d+)/ },
  selectors: {
    actions: '[data-provides="person-header-actions"], .person-header .actions',
    name: 'h1, .person-name',
    stage: '[data-provides="application-stage"], .current-stage',
    job: '[data-provides="application-job"], .job-name',
    row: '[data-person-id]',
    rowId: 'data-person-id',
    column: '[data-stage-name]',
    columnStage: '@data-stage-name',
    card: '[data-person-id]',
    cardId: 'data-person-id',
  },
});

const ASSESSMENT_DOCS = "Greenhouse's Assessment partner API docs (developers.greenhouse.io/assessment.html), `greenhouse_profile_url` in the test request, as quoted in public integrations";
const READER_EXT = 'A public Greenhouse reader extension\'s tests (find_string "app.eu.greenhouse.io"): hosts app…app15 and app.eu; routes /people/10/applications/20[/redesign] and ?application_id=';

export const testUrls: TestUrl[] = [
  { url: 'https://app.greenhouse.io/people/17681532?application_id=26234709', kind: 'candidate', id: '17681532', source: ASSESSMENT_DOCS },
  {
    url: 'https://app.greenhouse.io/people/35897443?application_id=46194062',
    kind: 'candidate',
    id: '35897443',
    source: 'Greenhouse Recruiting webhook payload example (`application.candidate` … `"url"`), as copied into public webhook handlers',
  },
  { url: 'https://app.greenhouse.io/people/10/applications/20', kind: 'candidate', id: '10', source: READER_EXT },
  { url: 'https://app.greenhouse.io/people/10/applications/20/redesign', kind: 'candidate', id: '10', source: READER_EXT },
  { url: 'https://app.eu.greenhouse.io/people/10?application_id=20', kind: 'candidate', id: '10', source: READER_EXT },
  { url: 'https://app7.greenhouse.io/people/10?job_application_id=20', kind: 'candidate', id: '10', source: READER_EXT },
  { url: 'https://app15.greenhouse.io/people/10', kind: 'candidate', id: '10', source: READER_EXT },
  {
    url: 'https://app.greenhouse.io/people/48213377?application_id=51234567#application',
    kind: 'candidate',
    id: '48213377',
    source: 'A public Looker view linking to Greenhouse: people/{candidate_id}?application_id={application_id}#application',
  },
  {
    url: 'https://app.greenhouse.io/people/48213377?application_id=51234567#candidate_details',
    kind: 'candidate',
    id: '48213377',
    source: 'A public Slack notifier script linking to Greenhouse: people/{id}?application_id={id}#candidate_details',
  },
  { url: 'https://app9.greenhouse.io/dashboard', kind: null, source: 'A public job-board setup guide linking to app9.greenhouse.io/dashboard' },
  { url: 'https://app3.greenhouse.io/account/users/1234567890/edit', kind: null, source: 'Ethyca docs, "Greenhouse": "if the URL shows app3.greenhouse.io/account/users/1234567890/edit"' },
  { url: 'https://app.greenhouse.io/people/new', kind: null, source: 'A public automation catalogue: "Add candidate to Greenhouse", https://app.greenhouse.io/people/new' },
  {
    url: 'https://acme.greenhouse.io/people/10?application_id=20',
    kind: 'candidate',
    id: '10',
    source: 'A public Greenhouse reader extension\'s README: "Custom SSO subdomains are not included" (company sign-in subdomains of greenhouse.io)',
  },
  { url: 'https://boards.greenhouse.io/acme/jobs/4012345', kind: 'not-site', source: 'Public job-board links (boards.greenhouse.io/<board>/jobs/<id>): the candidate-facing board, not the ATS' },
  { url: 'https://job-boards.greenhouse.io/acme/jobs/4012345', kind: 'not-site', source: 'Public job-board links (job-boards.greenhouse.io, job-boards.eu.greenhouse.io)' },
  { url: 'https://job-boards.eu.greenhouse.io/acme', kind: 'not-site', source: 'Public job-board links (job-boards.eu.greenhouse.io)' },
];
