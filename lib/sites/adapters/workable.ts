import { DATA_ATTRIBUTE_LISTS, defineAdapter, ROUTE_ID } from '../define';
import type { TestUrl } from '../types';

/**
 * Workable: each company's app is `<company>.workable.com/backend/…`. A candidate opens in the job's browser,
 * `/backend/jobs/:job/browser/:stage/candidate/:id`, or on its own, `/backend/…/candidates/:id`.
 *
 * DOM: public console snippets show `[data-ui="candidate-card"]` cards linking to the candidate and
 * `[data-ui="candidate-name"]`; the header actions and the stage elements are guesses (floating button fallback).
 */
export const workable = defineAdapter({
  id: 'workable',
  name: 'Workable',
  komboTool: 'workable',
  hosts: ['https://*.workable.com/*'],
  candidatePage: new RegExp(`^/backend/(?:.+/)?candidates?/${ROUTE_ID}(?:/.*)?$`),
  candidateList: /^\/backend\/(?:.+\/)?candidates\/?$/,
  pipeline: new RegExp(`^/backend/jobs/${ROUTE_ID}/browser`),
  selectors: {
    actions: '[data-ui="candidate-actions"], .candidate-actions',
    name: '[data-ui="candidate-name"], h1',
    stage: '[data-ui="candidate-stage"]',
    job: '[data-ui="candidate-job"]',
    ...DATA_ATTRIBUTE_LISTS,
    // Real cards (public console snippets) carry no id attribute: their link to the candidate names them.
    card: '[data-candidate-id], [data-ui="candidate-card"]',
  },
});

const CONSOLE_NOTES = 'Public notes on exporting from Workable: the job page\'s `[data-ui="candidate-name"]` links are https://<company>.workable.com/backend/jobs/4087255/browser/applied/candidate/370715911';

export const testUrls: TestUrl[] = [
  { url: 'https://gitlab.workable.com/backend/jobs/128446/browser/applied/candidate/7604850', kind: 'candidate', id: '7604850', source: "GitLab's public handbook (hiring, screening call): \"An example of the output of a good screening call\" links to this URL" },
  { url: 'https://constructor-1.workable.com/backend/jobs/4087255/browser/applied/candidate/370715911', kind: 'candidate', id: '370715911', source: CONSOLE_NOTES },
  { url: 'https://constructor-1.workable.com/backend/jobs/4087255/browser/applied', kind: 'pipeline', source: `${CONSOLE_NOTES} (the job's browser, one stage at a time)` },
  { url: 'https://apply.workable.com/balto/j/9BE3FA1FB7/', kind: null, source: 'A public Workable fetch test: https://apply.workable.com/balto/j/9BE3FA1FB7/ (a Workable host, no backend page)' },
];
