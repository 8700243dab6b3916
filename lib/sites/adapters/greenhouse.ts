import { defineAdapter } from '../define';
import { greenhouseSite } from '../where/greenhouse';
import type { TestUrl } from '../types';

/**
 * Greenhouse Recruiting: how its pages are read. Where it runs (numbered hosts, the EU region, sign-in subdomains
 * granted at run time): lib/sites/where/greenhouse.ts.
 *
 * Pages recruiters work in, and where the button goes (sources in EVIDENCE below):
 * - the person, `/people/:pid`, with the application in `?application_id=` (`?job_application_id=`) or
 *   `/people/:pid/applications/:aid/…`; the candidate id is the person id (Kombo's remote id);
 * - Application Review, `/applications/review/app_review`, and `/applications/:aid`: the URL names no person; the
 *   person is the header's link to `/people/:pid?application_id=:aid` inside `[data-provides="app-review"]`; the
 *   button goes beside the review's own Reject button (`[data-provides="reject"]`);
 * - candidate lists: all candidates (`/people?…`, filtered) and a job's candidates (`/plans/:job/candidates`):
 *   rows carry no id attribute; each row's link to `/people/:pid[/applications/:aid]` names its candidate.
 * Greenhouse's pipeline (`/plans/:job/pipeline`) shows only *active* candidates per stage: there is no Hired
 * column. Hired people are found through the candidate lists' filters, so that is where their buttons are.
 *
 * The person page (`/people/:pid?application_id=…`, `/people/:pid/applications/:aid[/redesign]`): its header's
 * Resume button is `[data-provides="header-view-resume"]` (PERSON_PAGE below): the button goes beside it, as on
 * Application Review beside Reject. The name is the page's `h1` (the same crawler reads it there). Not public: a
 * hook for the header's email (plain text there, not a `mailto:` link: it comes from the API), for the current stage
 * (canonical's userscripts only reach the "Move stage" menu's options, `div[title="<stage>"]`, whose class marks the
 * current one) and for the job. A person page without that Resume button (an older layout) gets the floating button,
 * which carries every id the URL gives.
 */

export const greenhouse = defineAdapter(greenhouseSite, {
  candidatePage: /^\/(?:people|candidates)\/(\d{1,20})(?:\/.*)?$/,
  idPattern: /^\d{1,20}$/,
  applicationPage: /^\/applications\/(?:\d{1,20}|review\/app_review)\/?$/,
  personLink: ['[data-provides="app-review"] header [href*="/people/"]', 'header [href*="/people/"]'],
  applicationId: { params: ['application_id', 'job_application_id'], route: /^\/(?:people\/\d+\/)?applications\/(\d{1,20})(?:\/|$)/ },
  jobId: /^\/plans\/(\d{1,20})\//,
  candidateList: /^\/(?:people|plans\/\d{1,20}\/candidates)\/?$/,
  actionsPosition: 'after',
  selectors: {
    // Application Review's action bar (the Reject button's place), or the person page header's Resume button:
    // whichever comes first in the page.
    actions: '[data-provides="reject"], [data-provides="header-view-resume"]',
    // The page's heading (the person page's name, PERSON_PAGE); never one inside another person's link.
    name: 'h1',
  },
});

const ASSESSMENT_DOCS = "Greenhouse's Assessment partner API docs (developers.greenhouse.io/assessment.html), `greenhouse_profile_url` in the test request, as quoted in public integrations";
const READER_EXT = 'A public Greenhouse reader extension\'s tests (find_string "app.eu.greenhouse.io"): hosts app…app15 and app.eu; routes /people/10/applications/20[/redesign] and ?application_id=';
/** github.com/canonical/greenhouse-browser-scripts: Canonical's userscripts for its own Greenhouse (canonical.greenhouse.io). */
const CANONICAL = 'github.com/canonical/greenhouse-browser-scripts';
/**
 * The person page's header, from a public crawler driving a recruiter's own session
 * (github.com/ravsssh/greenhouse-cv-crawl, scripts/greenhouse_crawler.py, 2026): it opens
 * `/people/{pid}/applications/{aid}/redesign?src=search`, waits for the `h1` and reads the candidate's name from it,
 * then clicks "Greenhouse's own View Resume button", `[data-provides="header-view-resume"]`. Greenhouse support
 * ("Using the new candidate profile", support.greenhouse.io/hc/en-us/articles/11957068130971): "Find a candidate's
 * resume: Click Resume on the right side of the header"; "Candidate profile redesign overview" (…/30352015432987):
 * "The header now includes key details like contact info".
 */
const PERSON_PAGE = 'github.com/ravsssh/greenhouse-cv-crawl scripts/greenhouse_crawler.py (the person page: h1 name, [data-provides="header-view-resume"] in the header)';

export const testUrls: TestUrl[] = [
  {
    url: 'https://app.greenhouse.io/people/48213377/applications/51234567/redesign?src=search',
    kind: 'candidate',
    id: '48213377',
    applicationId: '51234567',
    source: `${PERSON_PAGE}: detail_url = https://app.greenhouse.io/people/{pid}/applications/{aid}/redesign?src=search`,
  },
  {
    url: 'https://canonical.greenhouse.io/people/10/applications/20',
    kind: 'candidate',
    id: '10',
    applicationId: '20',
    source: `${CANONICAL}: talent-interview-field-reminder.user.js 1.3.0 runs on https://canonical.greenhouse.io/people/**/applications/** (the person page's "Move stage" options, div[title="<stage>"])`,
  },
  {
    url: 'https://canonical.greenhouse.io/guides/123/people/10',
    kind: null,
    source: `${CANONICAL}: written-interview-in-new-tab.user.js runs on https://canonical.greenhouse.io/guides/**/people/** (an interview kit for a person, not the candidate's page)`,
  },
  { url: 'https://app.greenhouse.io/alljobs', kind: null, source: `${PERSON_PAGE}: ALL_JOBS_URL = https://app.greenhouse.io/alljobs (the jobs list)` },
  { url: 'https://app.greenhouse.io/people/17681532?application_id=26234709', kind: 'candidate', id: '17681532', applicationId: '26234709', source: ASSESSMENT_DOCS },
  {
    url: 'https://app.greenhouse.io/people/35897443?application_id=46194062',
    kind: 'candidate',
    id: '35897443',
    applicationId: '46194062',
    source: 'Greenhouse Recruiting webhook payload example (`application.candidate` … `"url"`), as copied into public webhook handlers',
  },
  { url: 'https://app.greenhouse.io/people/10/applications/20', kind: 'candidate', id: '10', applicationId: '20', source: READER_EXT },
  { url: 'https://app.greenhouse.io/people/10/applications/20/redesign', kind: 'candidate', id: '10', applicationId: '20', source: READER_EXT },
  { url: 'https://app.eu.greenhouse.io/people/10?application_id=20', kind: 'candidate', id: '10', applicationId: '20', source: READER_EXT },
  { url: 'https://app7.greenhouse.io/people/10?job_application_id=20', kind: 'candidate', id: '10', applicationId: '20', source: READER_EXT },
  { url: 'https://app.greenhouse.io/candidates/10?application_id=20', kind: 'candidate', id: '10', applicationId: '20', source: READER_EXT },
  // Pages naming only the application: the person comes from the page (tests/fixtures/sites/greenhouse/app-review.html).
  { url: 'https://app.greenhouse.io/applications/20', kind: 'candidate', applicationId: '20', source: READER_EXT },
  {
    url: 'https://canonical.greenhouse.io/applications/review/app_review?hiring_plan_id=1753300',
    kind: 'candidate',
    source: `${CANONICAL}: application-review.user.js, duplicate-check.user.js and application-review-hotkeys.user.js run on https://canonical.greenhouse.io/applications/review/app_review*`,
  },
  {
    url: 'https://canonical.greenhouse.io/people/10/merge?application_id=20',
    kind: 'candidate',
    id: '10',
    applicationId: '20',
    source: `${CANONICAL}: duplicate-check.user.js builds https://canonical.greenhouse.io/people/{candidateId}/merge?application_id={applicationId}`,
  },
  { url: 'https://canonical.greenhouse.io/people?stage_status_id=2&in_stages%5B%5D=Hired', kind: 'candidate-list', source: `${CANONICAL}: todo-expander.user.js runs on https://canonical.greenhouse.io/people* (the candidate list's rows)` },
  {
    url: 'https://app2.greenhouse.io/plans/4884435002/candidates?sort=last_activity+desc&type=all&full_text=1&job_status=all&search_terms=169927',
    kind: 'candidate-list',
    jobId: '4884435002',
    source: 'A public Chrome extension (background fetch) searching a job\'s candidates: app2.greenhouse.io/plans/4884435002/candidates?sort=…&search_terms=…',
  },
  { url: 'https://app3.greenhouse.io/plans/4012345', kind: null, source: 'A public gatsby source plugin linking to a job: https://app3.greenhouse.io/plans/${node.ghId}' },
  {
    url: 'https://app.greenhouse.io/plans/4012345/pipeline',
    kind: null,
    source: 'Greenhouse support, "Visual Candidate Pipeline": a summary of the *active* candidates in each stage (Jobs > job > Pipeline): no Hired column, so no buttons there',
  },
  { url: 'https://canonical.greenhouse.io/plans/1753300/jobapp', kind: null, source: `${CANONICAL} (a companion CLI's README): a job's job posts page https://canonical.greenhouse.io/plans/1753300/jobapp` },
  { url: 'https://canonical.greenhouse.io/interviews/scheduler?landing_page=manualScheduling', kind: null, source: `${CANONICAL}: google-meet-auto-select.user.js runs on https://*.greenhouse.io/interviews/scheduler?*` },
  { url: 'https://app15.greenhouse.io/people/10', kind: 'candidate', id: '10', source: READER_EXT },
  {
    url: 'https://app.greenhouse.io/people/48213377?application_id=51234567#application',
    kind: 'candidate',
    id: '48213377',
    applicationId: '51234567',
    source: 'A public Looker view linking to Greenhouse: people/{candidate_id}?application_id={application_id}#application',
  },
  {
    url: 'https://app.greenhouse.io/people/48213377?application_id=51234567#candidate_details',
    kind: 'candidate',
    id: '48213377',
    applicationId: '51234567',
    source: 'A public Slack notifier script linking to Greenhouse: people/{id}?application_id={id}#candidate_details',
  },
  { url: 'https://app9.greenhouse.io/dashboard', kind: null, source: 'A public job-board setup guide linking to app9.greenhouse.io/dashboard' },
  { url: 'https://app3.greenhouse.io/account/users/1234567890/edit', kind: null, source: 'Ethyca docs, "Greenhouse": "if the URL shows app3.greenhouse.io/account/users/1234567890/edit"' },
  { url: 'https://app.greenhouse.io/people/new', kind: null, source: 'A public automation catalogue: "Add candidate to Greenhouse", https://app.greenhouse.io/people/new' },
  {
    url: 'https://acme.greenhouse.io/people/10?application_id=20',
    kind: 'candidate',
    id: '10',
    applicationId: '20',
    source: 'A public Greenhouse reader extension\'s README: "Custom SSO subdomains are not included" (company sign-in subdomains of greenhouse.io)',
  },
  { url: 'https://boards.greenhouse.io/acme/jobs/4012345', kind: 'not-site', source: 'Public job-board links (boards.greenhouse.io/<board>/jobs/<id>): the candidate-facing board, not the ATS' },
  { url: 'https://job-boards.greenhouse.io/acme/jobs/4012345', kind: 'not-site', source: 'Public job-board links (job-boards.greenhouse.io, job-boards.eu.greenhouse.io)' },
  { url: 'https://job-boards.eu.greenhouse.io/acme', kind: 'not-site', source: 'Public job-board links (job-boards.eu.greenhouse.io)' },
  { url: 'https://auth.greenhouse.io/token', kind: 'not-site', source: 'Harvest v3 OAuth token endpoint (tests/vendor/greenhouse/SOURCE.md): an API host, never a page — the direct connector declares it, so Firefox lists it among granted origins' },
  { url: 'https://harvest.greenhouse.io/v3/candidates', kind: 'not-site', source: 'Harvest v3 API (tests/vendor/greenhouse/SOURCE.md): an API host, never a page' },
  // Collected in the issue 26 audit (find_string on the app's host), none of them in the list above before.
  { url: 'https://app8.greenhouse.io/people/48213377', kind: 'candidate', id: '48213377', source: 'A public Slack notifier: formatSlackMessage links `https://app8.greenhouse.io/people/${candidateId}`' },
  {
    url: 'https://app.greenhouse.io/people/265788?application_id=265293',
    kind: 'candidate',
    id: '265788',
    applicationId: '265293',
    source: 'Greenhouse Harvest API example answer (an application\'s `"url"`), as copied into a public repository',
  },
  { url: 'https://app.greenhouse.io/applications/32', kind: 'candidate', applicationId: '32', source: "Kombo's unified ATS application `remote_url` for Greenhouse, in a public integration's tests: https://app.greenhouse.io/applications/32" },
  { url: 'https://gusto.greenhouse.io/sdash/4012345', kind: null, source: 'A public recruiting dashboard linking a requisition: `https://gusto.greenhouse.io/sdash/${ghId}` (a company sign-in subdomain; not a candidate)' },
  { url: 'https://app2.greenhouse.io/plans/new', kind: null, source: "GitLab's public handbook: \"click [Create a Job](https://app2.greenhouse.io/plans/new)\"" },
  { url: 'https://app4.greenhouse.io/people?job_status=all&search_terms=ana.ruiz%40example.com&sort_by=last_activity&sort_order=desc&type=all', kind: 'candidate-list', source: 'A public "Search in Greenhouse" extension: chrome.tabs.create({url: "https://app4.greenhouse.io/people?job_status=all&search_terms=" + selection + "&sort_by=last_activity&sort_order=desc&type=all"})' },
  { url: 'https://nerdwallet.greenhouse.io/people?utf8=%E2%9C%93&type=all&job_status=all&search_terms=ana.ruiz%40example.com&commit=', kind: 'candidate-list', source: "A public duplicate checker (a company's sign-in subdomain): 'https://nerdwallet.greenhouse.io/people?utf8=%E2%9C%93&type=all&job_status=all&search_terms='+email+'&commit='" },
  { url: 'https://app.greenhouse.io/people?sort=last_activity+desc&stage_status_id=2&type=all', kind: 'candidate-list', source: 'A public admin page\'s "Active candidates" link: https://app.greenhouse.io/people?sort=last_activity+desc&stage_status_id=2&type=all' },
  { url: 'https://app.greenhouse.io/alljobs', kind: null, source: 'The same admin page\'s "Greenhouse dashboard" link: https://app.greenhouse.io/alljobs' },
  { url: 'https://my.greenhouse.io/applications/59836123', kind: 'not-site', source: "A public job tracker's tests: https://my.greenhouse.io/applications/59836123 (MyGreenhouse, the candidate's own side)" },
];
