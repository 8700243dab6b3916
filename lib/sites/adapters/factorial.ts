import { defineAdapter, NOT_PUBLIC, ROUTE_ID } from '../define';
import { factorialAtsSite } from '../where/factorial';
import type { TestUrl } from '../types';

/**
 * Factorial's ATS (its hosts: lib/sites/where/factorial.ts). A job's applications (its pipeline) are
 * `/recruitment/jobs/:id/applications`; candidate pages are `/recruitment/candidates/:id` (no public capture).
 *
 * DOM: not known from any public capture, so nothing is read from it: lists get a button beside each link to a
 * candidate page, candidate pages the floating button with every id of the URL, and the data comes from the API.
 * No Hired column is claimed on its boards.
 */
export const factorialAts = defineAdapter(factorialAtsSite, {
  candidatePage: new RegExp(`^/recruitment/candidates/${ROUTE_ID}(?:/.*)?$`),
  candidateList: /^\/recruitment\/candidates\/?$/,
  pipeline: new RegExp(`^/recruitment/(?:jobs/${ROUTE_ID}/applications|job_postings/${ROUTE_ID}/pipeline)`),
  // Markup not public: nothing is read from the page; the floating button carries the URL's ids, the API the rest.
  selectors: { actions: NOT_PUBLIC, name: NOT_PUBLIC },
});

export const testUrls: TestUrl[] = [
  { url: 'https://app.factorialhr.com/recruitment/jobs/265724/applications', kind: 'pipeline', source: "Public analytics SQL building job links: concat('https://app.factorialhr.com/recruitment/jobs/', job_posting_id, '/applications')" },
  { url: 'https://app.factorialhr.com/recruitment/jobs/248493/applications', kind: 'pipeline', source: 'A public matching script: job_posting_link = https://app.factorialhr.com/recruitment/jobs/{id}/applications' },
];
