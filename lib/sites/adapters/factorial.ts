import { defineAdapter, ROUTE_ID } from '../define';
import type { TestUrl } from '../types';

/**
 * Factorial's ATS inside app.factorialhr.com, and inside app.demo.factorial.dev for companies on Factorial's demo
 * environment (the same web app; its host from Factorial's notes on the demo environment). A job's applications (its pipeline) are
 * `/recruitment/jobs/:id/applications`; candidate pages are `/recruitment/candidates/:id` (no public capture).
 *
 * DOM: not known from any public capture; the selectors are guesses and the floating button is the fallback.
 */
export const factorialAts = defineAdapter({
  id: 'factorial',
  name: 'Factorial ATS',
  komboTool: 'factorial',
  hosts: ['https://app.factorialhr.com/*', 'https://app.demo.factorial.dev/*'],
  candidatePage: new RegExp(`^/recruitment/candidates/${ROUTE_ID}(?:/.*)?$`),
  candidateList: /^\/recruitment\/candidates\/?$/,
  pipeline: new RegExp(`^/recruitment/(?:jobs/${ROUTE_ID}/applications|job_postings/${ROUTE_ID}/pipeline)`),
  selectors: {
    actions: '[data-testid="candidate-header-actions"]',
    name: 'h1',
    stage: '[data-testid="application-phase"]',
    job: '[data-testid="job-posting-title"]',
    row: '[data-candidate-id]',
    rowId: 'data-candidate-id',
    column: '[data-phase-type]',
    columnStage: '@data-phase-type',
    card: '[data-candidate-id]',
    cardId: 'data-candidate-id',
  },
});

export const testUrls: TestUrl[] = [
  { url: 'https://app.factorialhr.com/recruitment/jobs/265724/applications', kind: 'pipeline', source: "Public analytics SQL building job links: concat('https://app.factorialhr.com/recruitment/jobs/', job_posting_id, '/applications')" },
  { url: 'https://app.factorialhr.com/recruitment/jobs/248493/applications', kind: 'pipeline', source: 'A public matching script: job_posting_link = https://app.factorialhr.com/recruitment/jobs/{id}/applications' },
];
