import { DATA_ATTRIBUTE_LISTS, defineAdapter, ROUTE_UUID, UUID } from '../define';
import type { TestUrl } from '../types';

/**
 * Ashby (app.ashbyhq.com). Ids are UUIDs. A candidate is `/candidates/:cid/…`, and deep links from the pipeline
 * review nest it: `/candidates/pipeline/application-review/…/candidates/:cid/applications/:aid/feed` — the id is
 * the last `candidates/:cid`, never the word "pipeline". A job's pipeline is `/jobs/:id/candidate-pipeline/…`.
 *
 * DOM: not known from any public capture; the selectors are guesses and the floating button is the fallback.
 */
export const ashby = defineAdapter({
  id: 'ashby',
  name: 'Ashby',
  komboTool: 'ashby',
  hosts: ['https://app.ashbyhq.com/*'],
  candidatePage: [new RegExp(`^/candidates/(?:.*/)?candidates/${ROUTE_UUID}(?:/.*)?$`), new RegExp(`^/candidates/${ROUTE_UUID}(?:/.*)?$`)],
  idPattern: UUID,
  candidateList: /^\/candidates\/?$/,
  pipeline: new RegExp(`^/jobs/${ROUTE_UUID}/(?:candidate-)?pipeline(?:/|$)`),
  selectors: {
    actions: '[data-testid="candidate-header-actions"], .candidate-header-actions',
    name: 'h1',
    stage: '[data-testid="application-stage"]',
    job: '[data-testid="application-job"]',
    ...DATA_ATTRIBUTE_LISTS,
  },
});

const CID = 'e9ed20fd-5d4c-4a7e-9b1a-3f0c2d8e6a41';
const AID = 'b7c8d9e0-1f2a-4b3c-8d4e-5f6a7b8c9d0e';

export const testUrls: TestUrl[] = [
  { url: `https://app.ashbyhq.com/candidates/${CID}`, kind: 'candidate', id: CID, source: "Ashby API `candidate.info` / `candidate.search`: `profileUrl` is https://app.ashbyhq.com/candidates/<uuid> (as quoted, truncated, in public Ashby MCP docs; the rest of the UUID filled in)" },
  {
    url: `https://app.ashbyhq.com/candidates/pipeline/application-review/right-side/candidates/${CID}/applications/${AID}/feed`,
    kind: 'candidate',
    id: CID,
    source: 'A public sourcing tool that links recruiters into Ashby: candidates/pipeline/application-review/right-side/candidates/{candidateId}/applications/{applicationId}/feed',
  },
  { url: 'https://app.ashbyhq.com/jobs/49b1160c-98b8-4ba5-a8e4-7c96e7425ca9/candidate-pipeline/active', kind: 'pipeline', source: 'A public recruiting-assistant transcript: "open the pipeline view" → app.ashbyhq.com/jobs/<uuid>/candidate-pipeline/active' },
  { url: `https://app.ashbyhq.com/jobs/49b1160c-98b8-4ba5-a8e4-7c96e7425ca9/job-postings/${AID}/description`, kind: null, source: 'A public Ashby integration linking to a job posting: /jobs/{jobId}/job-postings/{jobPostingId}/description' },
  { url: 'https://app.ashbyhq.com/candidates/pipeline/application-review', kind: null, source: 'The same deep link without a candidate: the review view itself names nobody' },
  { url: 'https://jobs.ashbyhq.com/g2i/53ff8f42-9fd4-40d0-82a1-4bdae09f9728', kind: 'not-site', source: 'A public job posting cited in a public company note (jobs.ashbyhq.com/<company>/<posting>): the candidate-facing board' },
];
