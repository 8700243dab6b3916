import { defineAdapter, NOT_PUBLIC } from '../define';
import { teamtailorSite } from '../where/teamtailor';
import type { TestUrl } from '../types';

/**
 * Teamtailor: how its pages are read. Where it runs (app., tt. and regional stacks, which serve the app under
 * `/app/…`): lib/sites/where/teamtailor.ts. A candidate is `/companies/:co/candidates/:id` (the link Teamtailor's
 * own integrations build), `/companies/:co/candidates/segment/:segment/candidate/:id` (the list with the candidate
 * open) or `/candidates/:id`; company ids are opaque (`w2uyscMTojM`, `X@eu`). `/api/…` routes are never pages.
 *
 * DOM: not known from any public capture. Lists: each link to a candidate page is a row; the candidate page gets
 * the floating button with the id from the URL, and the data comes from the API.
 *
 * Where hired people are: every job's process has a Hired stage ("Inbox and Hired stages are locked, ie. they cannot
 * be removed, moved or edited", Teamtailor support, "Setting up the recruitment process",
 * support.teamtailor.com/en/articles/3487472; the API's stage `stage-type` is "Inbox", "In process" or "Hired",
 * tests/vendor/teamtailor/teamtailor-api-excerpts.json), so a job's board of stages shows them. That board's markup
 * (which column is Hired, what a card is) is not public: every card on it that links to a candidate page gets a
 * button for that candidate with the job's id from the address (`everyCard`), and the API says who is hired. No
 * Hired column is claimed. The job's *editor* has a Stages tab too ("go to the job posting's editor and then to the
 * tab Stages", the same article): the process's settings, no people, no links to candidates. The board's own address
 * (`/jobs/:id/stages`) was not seen in public material: kept from earlier work.
 */
export const teamtailor = defineAdapter(teamtailorSite, {
  candidatePage: [
    /^(?:\/app)?\/companies\/[^/]+\/candidates\/segment\/[^/]+\/candidate\/(\d{1,20})(?:\/.*)?$/,
    /^(?:\/app)?(?:\/companies\/[^/]+)?(?:\/jobs\/\d{1,20}(?:-[^/]*)?)?\/candidates\/(\d{1,20})(?:\/.*)?$/,
  ],
  notAPage: /^(?:\/app)?(?:\/companies\/[^/]+)?\/api\//,
  jobId: /\/jobs\/(\d{1,20})(?:-[^/]*)?(?:\/|$)/,
  candidateList: /^(?:\/app)?(?:\/companies\/[^/]+)?(?:\/jobs\/\d{1,20}(?:-[^/]*)?)?\/candidates(?:\/segment\/[^/]+)?\/?$/,
  pipeline: /^(?:\/app)?(?:\/companies\/[^/]+)?\/jobs\/\d{1,20}(?:-[^/]*)?\/stages/,
  everyCard: true,
  selectors: {
    actions: NOT_PUBLIC,
    name: NOT_PUBLIC,
  },
});

const TT_SYNC = 'A public Teamtailor sync job\'s Slack report: buildCandidateUrl = https://app.teamtailor.com/companies/${TEAMTAILOR_COMPANY_ID}/candidates/${candidateId}';
const TT_IMPORT = 'A public recruiting extension importing into Teamtailor: url https://app.teamtailor.com/candidates/${c.id}; internal API https://tt.teamtailor.com/app/companies/${slug}/api/comments (with the session)';

export const testUrls: TestUrl[] = [
  { url: 'https://app.teamtailor.com/companies/Epgs55TVBkQ/candidates/41877321', kind: 'candidate', id: '41877321', source: TT_SYNC },
  { url: 'https://app.teamtailor.com/candidates/41877321', kind: 'candidate', id: '41877321', source: TT_IMPORT },
  { url: 'https://tt.teamtailor.com/app/companies/Epgs55TVBkQ/candidates/41877321', kind: 'candidate', id: '41877321', source: `${TT_IMPORT}: the same app on tt.teamtailor.com/app/companies/:co/…` },
  { url: 'https://tt.teamtailor.com/app/companies/Epgs55TVBkQ/api/comments', kind: null, source: TT_IMPORT },
  { url: 'https://app.teamtailor.com/companies/xfpqKcBF8Ew@eu/dashboard', kind: null, source: 'A public ATS-source audit: https://app.teamtailor.com/companies/xfpqKcBF8Ew@eu/dashboard (the recruiter\'s dashboard, a company id with a region)' },
  { url: 'https://app.teamtailor.com/companies/4iW4IlfJytM/employee', kind: null, source: 'A public onboarding page listing tools: Teamtailor https://app.teamtailor.com/companies/4iW4IlfJytM/employee' },
  { url: 'https://jobs.teamtailor.com/companies/acme/jobs/123', kind: 'not-site', source: 'A public ATS-detection test: jobs.teamtailor.com/companies/<company>/jobs/<id> (public job pages)' },
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
  // Collected in the issue 26 audit (find_string on the app's host), none of them in the list above before.
  { url: 'https://app.teamtailor.com/companies/Epgs55TVBkQ/jobs/4012345', kind: null, source: 'A public job dashboard: window.open(`https://app.teamtailor.com/companies/Epgs55TVBkQ/jobs/${job.teamtailorId}`) (a job, not a candidate)' },
  { url: 'https://app.teamtailor.com/companies/x/dashboard', kind: null, source: 'Public ATS-detection tests: app.teamtailor.com/companies/x/dashboard is the vendor app, not a board' },
  { url: 'https://www.teamtailor.com/app/companies/AWAoluo5yGw/careersite/content', kind: 'not-site', source: "Teamtailor API candidate `referring-url` in a public client's recorded answers (the career-site editor on www.teamtailor.com: not declared, not a candidate)" },
  { url: 'https://aplayers.na.teamtailor.com/jobs/536324-senior-agentic-software-engineer-poolday', kind: 'not-site', source: 'A public job brief: https://aplayers.na.teamtailor.com/jobs/536324-… (a career site on the North-America stack: <company>.na.teamtailor.com is never the app)' },
  { url: 'https://fully.teamtailor.com/jobs/6360832-internship/applications/new', kind: 'not-site', source: "A public application-form reader's tests: https://fully.teamtailor.com/jobs/6360832-internship/applications/new (a career site's application form)" },
  { url: 'https://sandboxinteractive.teamtailor.com/jobs/8094866-lead-3d-environment-artist-m-f-d', kind: 'not-site', source: 'A Teamtailor career site (<company>.teamtailor.com/jobs/<id>-<slug>) quoted in public job-search notes' },
];
