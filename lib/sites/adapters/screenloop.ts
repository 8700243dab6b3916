import { defineAdapter, NOT_PUBLIC, ROUTE_ID } from '../define';
import type { TestUrl } from '../types';

/**
 * Screenloop (app.screenloop.com). No public evidence of its URLs or DOM was found: the routes are guesses, kept
 * because the floating button still gives recruiters Sync to ATS on them; nothing is read from the page.
 */
export const screenloop = defineAdapter({
  id: 'screenloop',
  name: 'Screenloop',
  hosts: ['https://app.screenloop.com/*'],
  candidatePage: new RegExp(`^/candidates/${ROUTE_ID}(?:/.*)?$`),
  candidateList: /^\/candidates\/?$/,
  pipeline: new RegExp(`^/jobs/${ROUTE_ID}/pipeline`),
  // Markup not public: nothing is read from the page; the floating button carries the URL's ids, the API the rest.
  selectors: { actions: NOT_PUBLIC, name: NOT_PUBLIC },
});

export const testUrls: TestUrl[] = [];
