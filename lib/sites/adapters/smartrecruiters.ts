import { DATA_ATTRIBUTE_LISTS, defineAdapter, ROUTE_ID, ROUTE_UUID, UUID } from '../define';
import type { TestUrl } from '../types';

/**
 * SmartRecruiters (www.smartrecruiters.com/app/…). A person is `/app/people/:id/…`, `/app/people/applications/:id/…`
 * or `/app/people/candidates/:id`, always a UUID; a job's people are `/app/jobs/details/:id/people`.
 *
 * DOM: public scripts show candidate links `a[href^="/app/people/applications/"]` and `sr-link` elements in the
 * applicant list; the header actions and stage are guesses (floating button fallback).
 */
export const smartrecruiters = defineAdapter({
  id: 'smartrecruiters',
  name: 'SmartRecruiters',
  komboTool: 'smartrecruiters',
  hosts: ['https://www.smartrecruiters.com/*'],
  candidatePage: new RegExp(`^/app/people/(?:applications/|candidates/|profile/)?${ROUTE_UUID}(?:/.*)?$`),
  idPattern: UUID,
  candidateList: /^\/app\/people(?:\/candidates)?\/?$/,
  pipeline: new RegExp(`^/app/jobs/(?:details/)?${ROUTE_ID}/(?:people|hiring-process)`),
  selectors: {
    actions: '.candidate-header__actions, [data-test="candidate-actions"]',
    name: 'h1',
    stage: '[data-test="candidate-status"]',
    job: '[data-test="candidate-job"]',
    ...DATA_ATTRIBUTE_LISTS,
  },
});

const ID = 'a6d2e51f-a2ac-4b4a-a062-834cec0bab66';
const JOB = '3c8a5f44-2b1d-4e6f-9a70-1b2c3d4e5f60';

export const testUrls: TestUrl[] = [
  { url: `https://www.smartrecruiters.com/app/people/${ID}/messages`, kind: 'candidate', id: ID, source: 'A public interview invite: "Please enter feedback in smartrecruiters: https://www.smartrecruiters.com/app/people/<uuid>/messages"; a public PHP client builds the same URL' },
  { url: `https://www.smartrecruiters.com/app/people/applications/${ID}/notes`, kind: 'candidate', id: ID, source: 'A public SmartRecruiters screening helper: profile URLs https://www.smartrecruiters.com/app/people/applications/${id}/notes' },
  { url: `https://www.smartrecruiters.com/app/people/applications/${ID}`, kind: 'candidate', id: ID, source: 'A public Apps Script scorer: profileUrl = SR_APP_BASE + "/app/people/applications/" + candidate.id' },
  { url: 'https://www.smartrecruiters.com/app/people/candidates/0e6b06f7-b56c-4507-8da1-9567a7bf6d24', kind: 'candidate', id: '0e6b06f7-b56c-4507-8da1-9567a7bf6d24', source: "A public SmartRecruiters bot's tests: ref https://smartrecruiters.com/app/people/candidates/<uuid>" },
  { url: `https://www.smartrecruiters.com/app/jobs/details/${JOB}/people`, kind: 'pipeline', source: "The job's people (pipeline): /app/jobs/details/:id/people (issue 15, from the team's captures)" },
  { url: `https://www.smartrecruiters.com/app/jobs/details/${JOB}`, kind: null, source: 'A public integration: linkToJob = "https://www.smartrecruiters.com/app/jobs/details/" + jobID' },
  { url: 'https://jobs.smartrecruiters.com/Acme/123-vp-eng', kind: 'not-site', source: 'A public ATS-detection test: jobs.smartrecruiters.com/<company>/<id>-<slug> is the candidate-facing board' },
  { url: 'https://careers.smartrecruiters.com/MastechDigital', kind: 'not-site', source: 'Public career pages (careers.smartrecruiters.com/<company>)' },
];
