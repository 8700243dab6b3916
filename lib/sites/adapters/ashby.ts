import { defineAdapter, NOT_PUBLIC, ROUTE_UUID, UUID } from '../define';
import { ashbySite } from '../where/ashby';
import type { TestUrl } from '../types';

/**
 * Ashby (app.ashbyhq.com: lib/sites/where/ashby.ts). Ids are UUIDs. A candidate is `/candidates/:cid/…`, and deep links from the pipeline
 * review nest it: `/candidates/pipeline/application-review/…/candidates/:cid/applications/:aid/feed` — the id is
 * the last `candidates/:cid`, never the word "pipeline". A job's pipeline is `/jobs/:id/candidate-pipeline/…`.
 * External-recruiter seats get a 404 on the bare `/candidates/:cid`: the application-review deep link is what
 * works for them, and it also names the application (`applications/:aid`), which the buttons carry.
 *
 * DOM: not known from any public capture, so nothing is read from it: lists get a button beside each link to a
 * candidate page, candidate pages the floating button with every id of the URL, and the data comes from the API.
 * No Hired column is claimed on its boards.
 */
export const ashby = defineAdapter(ashbySite, {
  applicationId: { route: /\/applications\/([0-9a-fA-F-]{36})(?:\/|$)/ },
  candidatePage: [new RegExp(`^/candidates/(?:.*/)?candidates/${ROUTE_UUID}(?:/.*)?$`), new RegExp(`^/candidates/${ROUTE_UUID}(?:/.*)?$`)],
  idPattern: UUID,
  candidateList: /^\/candidates\/?$/,
  pipeline: new RegExp(`^/jobs/${ROUTE_UUID}/(?:candidate-)?pipeline(?:/|$)`),
  // Markup not public: nothing is read from the page; the floating button carries the URL's ids, the API the rest.
  selectors: { actions: NOT_PUBLIC, name: NOT_PUBLIC },
});

const CID = 'e9ed20fd-5d4c-4a7e-9b1a-3f0c2d8e6a41';
const AID = 'b7c8d9e0-1f2a-4b3c-8d4e-5f6a7b8c9d0e';

export const testUrls: TestUrl[] = [
  { url: `https://app.ashbyhq.com/candidates/${CID}`, kind: 'candidate', id: CID, source: "Ashby API `candidate.info` / `candidate.search`: `profileUrl` is https://app.ashbyhq.com/candidates/<uuid> (as quoted, truncated, in public Ashby MCP docs; the rest of the UUID filled in)" },
  {
    url: `https://app.ashbyhq.com/candidates/pipeline/application-review/right-side/candidates/${CID}/applications/${AID}/feed`,
    kind: 'candidate',
    id: CID,
    applicationId: AID,
    source: 'A public sourcing tool that links recruiters into Ashby: candidates/pipeline/application-review/right-side/candidates/{candidateId}/applications/{applicationId}/feed',
  },
  { url: 'https://app.ashbyhq.com/jobs/49b1160c-98b8-4ba5-a8e4-7c96e7425ca9/candidate-pipeline/active', kind: 'pipeline', source: 'A public recruiting-assistant transcript: "open the pipeline view" → app.ashbyhq.com/jobs/<uuid>/candidate-pipeline/active' },
  { url: `https://app.ashbyhq.com/jobs/49b1160c-98b8-4ba5-a8e4-7c96e7425ca9/job-postings/${AID}/description`, kind: null, source: 'A public Ashby integration linking to a job posting: /jobs/{jobId}/job-postings/{jobPostingId}/description' },
  { url: 'https://app.ashbyhq.com/candidates/pipeline/application-review', kind: null, source: 'The same deep link without a candidate: the review view itself names nobody' },
  // Collected in the issue 26 audit (find_string on the app's host), none of them in the list above before.
  { url: 'https://app.ashbyhq.com/candidates/3b5c2a18-7d4e-4f60-9a1b-2c3d4e5f6a7b', kind: 'candidate', id: '3b5c2a18-7d4e-4f60-9a1b-2c3d4e5f6a7b', source: 'Public Ashby reports linking recruiters in: ashbyUrl = `https://app.ashbyhq.com/candidates/${candidateId}` (several dashboards)' },
  { url: 'https://app.ashbyhq.com/candidates/patrick', kind: null, source: "A public MCP server's test fixture: profileUrl https://app.ashbyhq.com/candidates/patrick (not a UUID: never read as an id)" },
  { url: 'https://app.ashbyhq.com/jobs/49b1160c-98b8-4ba5-a8e4-7c96e7425ca9', kind: null, source: 'A public job scraper: job_url = f"https://app.ashbyhq.com/jobs/{uuid}" (a job, not a candidate)' },
  { url: 'https://jobs.ashbyhq.com/g2i/53ff8f42-9fd4-40d0-82a1-4bdae09f9728', kind: 'not-site', source: 'A public job posting cited in a public company note (jobs.ashbyhq.com/<company>/<posting>): the candidate-facing board' },
];
