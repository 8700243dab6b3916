import { defineSite } from './define';

/**
 * Screenloop (app.screenloop.com): its public career sites and sign-in are on that host (testUrls in
 * lib/sites/adapters/screenloop.ts); no recruiter-side URL is public.
 */
export const screenloopSite = defineSite({
  id: 'screenloop',
  name: 'Screenloop',
  hosts: ['https://app.screenloop.com/*'],
});
