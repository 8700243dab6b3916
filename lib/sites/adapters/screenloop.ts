import { defineAdapter, NOT_PUBLIC, ROUTE_ID } from '../define';
import { screenloopSite } from '../where/screenloop';
import type { TestUrl } from '../types';

/**
 * Screenloop (app.screenloop.com: lib/sites/where/screenloop.ts). No public evidence of its URLs or DOM was found: the routes are guesses, kept
 * because the floating button still gives recruiters Sync to ATS on them; nothing is read from the page.
 */
export const screenloop = defineAdapter(screenloopSite, {
  candidatePage: new RegExp(`^/candidates/${ROUTE_ID}(?:/.*)?$`),
  candidateList: /^\/candidates\/?$/,
  pipeline: new RegExp(`^/jobs/${ROUTE_ID}/pipeline`),
  // Markup not public: nothing is read from the page; the floating button carries the URL's ids, the API the rest.
  selectors: { actions: NOT_PUBLIC, name: NOT_PUBLIC },
});

/**
 * Only public pages of app.screenloop.com were found (its career sites and sign-in, audit for issue 26): none of them is
 * a candidate, so none gets a button. No recruiter-side URL is public.
 */
export const testUrls: TestUrl[] = [
  { url: 'https://app.screenloop.com/careers/avianlabs/job_posts/8866', kind: null, source: "A public job-link classifier's tests: app.screenloop.com/careers/avianlabs/job_posts/8866 (a company's public career site on the app's host)" },
  { url: 'https://app.screenloop.com/careers/motion', kind: null, source: 'A public company site embedding its Screenloop careers page: <iframe src="https://app.screenloop.com/careers/motion">' },
  { url: 'https://app.screenloop.com/auth/sign_in', kind: null, source: 'A public ATS catalogue: Screenloop redirect_url https://app.screenloop.com/auth/sign_in' },
];
