import { DATA_ATTRIBUTE_LISTS, defineAdapter, ROUTE_ID } from '../define';
import type { TestUrl } from '../types';

/**
 * Screenloop (app.screenloop.com). No public evidence of its URLs or DOM was found: the routes and selectors are
 * guesses, kept because the floating button still gives recruiters Sync to ATS when they miss.
 */
export const screenloop = defineAdapter({
  id: 'screenloop',
  name: 'Screenloop',
  hosts: ['https://app.screenloop.com/*'],
  candidatePage: new RegExp(`^/candidates/${ROUTE_ID}(?:/.*)?$`),
  candidateList: /^\/candidates\/?$/,
  pipeline: new RegExp(`^/jobs/${ROUTE_ID}/pipeline`),
  selectors: {
    actions: '.candidate-actions, [data-test="candidate-actions"]',
    name: 'h1',
    stage: '.candidate-stage',
    job: '.candidate-job',
    ...DATA_ATTRIBUTE_LISTS,
  },
});

export const testUrls: TestUrl[] = [];
