import { defineAdapter, ROUTE_ID, ROUTE_UUID, UUID } from '../define';
import { smartrecruitersSite } from '../where/smartrecruiters';
import type { TestUrl } from '../types';

/**
 * SmartRecruiters (www.smartrecruiters.com/app/…: lib/sites/where/smartrecruiters.ts). A person is `/app/people/applications/:id/…`,
 * `/app/people/profile/:id/…`, `/app/people/:id/…` or `/app/people/candidates/:id`, always a UUID. A job's people,
 * `/app/jobs/details/:job/people`, is a table of applicants (not a stage board): each row's link names its
 * candidate, and the job's id in the address goes with it (Kombo's tracking import names candidate and job).
 *
 * DOM (public screening extensions for SmartRecruiters, below): the app renders in web components with open
 * shadow roots; applicant rows link through `<a href>` or `<sr-link href>` to `/app/people/applications/:id` or
 * `/app/people/profile/:id`, the name in `[data-test="applicant-name"]`; on a candidate, `#st-moveForward` is the
 * pipeline's Move Forward button: the button goes beside it; the candidate's name is `#st-applicantName` ("SR's
 * stable applicant-name element … its <spl-truncate> slot holds the full name", APPLICANT_NAME), in the page or in a
 * shadow root. The stage and the job the person applied to sit in the profile's sidebar (`sr-job-application-sidebar`,
 * "Sidebar / job metadata regions"; SAP's SmartRecruiters course: "the job title the candidate applied for and their
 * current hiring stage" on the right side), but no hook for either value inside it is public: not read (the
 * API gives them). `sr-candidate-personal-info`'s "title at company" is the person's own current job, not the one
 * applied to. On a job's People tab the job's title sits above the table (`app-job-title-section
 * spl-typography-title`, APPLICANT_NAME): every row's job.
 *
 * Where hired people are: SmartRecruiters has no board of people per stage. A job's candidate pipeline is counts per
 * status ("Click on a step or stage to filter candidates on the People tab", Job profile help), and Hired is a
 * status ("When someone marks a candidate as hired, the candidates status will change to Hired", Candidate
 * statuses help): hired people are rows of the job's People table or the global People list filtered by Status,
 * and those rows get their buttons. The job's Hiring Process tab (`/app/jobs/details/:job/hiring-process`) shows
 * the process's stages and steps, not people: no page for buttons.
 */
export const smartrecruiters = defineAdapter(smartrecruitersSite, {
  candidatePage: new RegExp(`^/app/people/(?:applications/|candidates/|profile/)?${ROUTE_UUID}(?:/.*)?$`),
  idPattern: UUID,
  jobId: new RegExp(`^/app/jobs/(?:details/)?${ROUTE_ID}/`),
  // The people search, a job's people, and a talent community's prospects (its rows link to /app/people/applications/:id).
  candidateList: new RegExp(`^/app/(?:people(?:/candidates)?|jobs/(?:details/)?${ROUTE_ID}/people|communities/details/${ROUTE_ID}/prospects)/?$`),
  actionsPosition: 'after',
  selectors: {
    actions: '#st-moveForward',
    // The open candidate's name; a list row's.
    name: '#st-applicantName, [data-test="applicant-name"]',
    // Any element with the href: <a> and <sr-link> alike.
    row: '[href*="/app/people/"]',
    // A job's People tab: the job's title above the table (APPLICANT_NAME's scraper reads it there).
    listJob: 'app-job-title-section spl-typography-title',
  },
});

const ID = 'a6d2e51f-a2ac-4b4a-a062-834cec0bab66';
const JOB = '3c8a5f44-2b1d-4e6f-9a70-1b2c3d4e5f60';
/** Public SmartRecruiters screening/salary-triage extensions (sr-selectors.js, their content scripts and tests). */
const SCREENERS = 'Public SmartRecruiters screening extensions (their selector registry sr-selectors.js and content scripts)';
/**
 * The candidate's name: a public SmartRecruiters keyword-triage extension's keyword-triage-core.js (getCandidateName:
 * "#st-applicantName", looked up in the document, then through shadow roots) and a public SmartRecruiters screening
 * scraper (Playwright, NAME_SELECTOR = "#st-applicantName > spl-truncate"; it also reads a job's title on its People
 * page from "#st-jobDetailsPage app-job-title-section spl-typography-title").
 */
const APPLICANT_NAME = 'Public SmartRecruiters triage extension and screening scraper: the candidate name #st-applicantName (> spl-truncate)';
/** SmartRecruiters help and SAP's SmartRecruiters course: what the job's pipeline, People tab and Hiring Process tab show. */
const SR_HELP =
  'help.smartrecruiters.com "Job profile" (the candidate pipeline: counts per stage; "Click on a step or stage to filter candidates on the People tab") and learning.sap.com "SmartRecruiters for SAP SuccessFactors: Managing hiring processes" ("A hiring process is visible on a job under the Hiring Process tab": stages and steps)';

export const testUrls: TestUrl[] = [
  { url: `https://www.smartrecruiters.com/app/people/${ID}/messages`, kind: 'candidate', id: ID, source: 'A public interview invite: "Please enter feedback in smartrecruiters: https://www.smartrecruiters.com/app/people/<uuid>/messages"; a public PHP client builds the same URL' },
  { url: `https://www.smartrecruiters.com/app/people/applications/${ID}/notes`, kind: 'candidate', id: ID, source: 'A public SmartRecruiters screening helper: profile URLs https://www.smartrecruiters.com/app/people/applications/${id}/notes' },
  { url: `https://www.smartrecruiters.com/app/people/applications/${ID}`, kind: 'candidate', id: ID, source: 'A public Apps Script scorer: profileUrl = SR_APP_BASE + "/app/people/applications/" + candidate.id' },
  { url: 'https://www.smartrecruiters.com/app/people/candidates/0e6b06f7-b56c-4507-8da1-9567a7bf6d24', kind: 'candidate', id: '0e6b06f7-b56c-4507-8da1-9567a7bf6d24', source: "A public SmartRecruiters bot's tests: ref https://smartrecruiters.com/app/people/candidates/<uuid>" },
  { url: `https://www.smartrecruiters.com/app/jobs/details/${JOB}/people`, kind: 'candidate-list', jobId: JOB, source: `${SCREENERS}: the Applicants table under #st-jobDetailsPage (spl-table, app-applicant-list-container, people-tab-container); rows link with <a>/<sr-link href="/app/people/…">` },
  { url: `https://www.smartrecruiters.com/app/people/profile/${ID}/`, kind: 'candidate', id: ID, source: `${SCREENERS}: normalizeProfilePath keeps /app/people/(applications|profile)/:id/` },
  { url: `https://www.smartrecruiters.com/app/people/applications/${ID}/`, kind: 'candidate', id: ID, source: `${APPLICANT_NAME}; the triage extension's isProfilePage: /app/people/(applications|profile)/:id` },
  { url: `https://www.smartrecruiters.com/app/jobs/details/${JOB}/hiring-process`, kind: null, source: `${SR_HELP}: the process, not its people (no button)` },
  { url: `https://www.smartrecruiters.com/app/jobs/details/${JOB}`, kind: null, source: 'A public integration: linkToJob = "https://www.smartrecruiters.com/app/jobs/details/" + jobID' },
  { url: 'https://jobs.smartrecruiters.com/Acme/123-vp-eng', kind: 'not-site', source: 'A public ATS-detection test: jobs.smartrecruiters.com/<company>/<id>-<slug> is the candidate-facing board' },
  { url: 'https://careers.smartrecruiters.com/MastechDigital', kind: 'not-site', source: 'Public career pages (careers.smartrecruiters.com/<company>)' },
  // Collected in the issue 26 audit (find_string "smartrecruiters.com/app/"), none of them in the list above before.
  {
    url: 'https://www.smartrecruiters.com/app/communities/details/43958b7e-97b4-4465-9ed2-5324193e8c8f/prospects',
    kind: 'candidate-list',
    source: 'A public Playwright script exporting a talent community: COMMUNITY_URL …/app/communities/details/<uuid>/prospects, whose rows are a[href^="/app/people/applications/"] (not recognised before)',
  },
  { url: 'https://www.smartrecruiters.com/app/people/?keyword=Ana%20Ruiz', kind: 'candidate-list', source: 'A public "Search in SmartRecruiters" extension: chrome.tabs.create({url: "https://www.smartrecruiters.com/app/people/?keyword=" + selection})' },
  { url: 'https://www.smartrecruiters.com/app/interviews/int-001', kind: null, source: "A public SmartRecruiters client's tests: interview.refUrl https://www.smartrecruiters.com/app/interviews/int-001" },
  { url: 'https://www.smartrecruiters.com/app/jobs/ad/publish', kind: null, source: 'A public page object for the job wizard, step 3 (Hiring Team): https://www.smartrecruiters.com/app/jobs/ad/publish' },
  {
    url: 'https://www.smartrecruiters.com/app/employee-portal/5f0bfc5b150d9a317eac65ea/jobs/fa9ba42d-65bc-444f-a627-705544bd1f87',
    kind: null,
    source: 'A public job posting\'s "Current Employees, apply here" link: the employee portal (internal jobs), not a candidate',
  },
  { url: 'https://www.smartrecruiters.com/app/referrals/', kind: null, source: "A public intranet's links: myReferrals https://www.smartrecruiters.com/app/referrals/" },
  { url: 'https://www.smartrecruiters.com/app/home/', kind: null, source: "A public Selenium test: driver.Navigate().GoToUrl(\"https://www.smartrecruiters.com/app/home/\")" },
];
