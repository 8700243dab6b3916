import { defineSite } from './define';

/**
 * Ashby's app is app.ashbyhq.com (the API's `profileUrl`, testUrls in lib/sites/adapters/ashby.ts);
 * jobs.ashbyhq.com is the candidate-facing board, not the ATS.
 */
export const ashbySite = defineSite({
  id: 'ashby',
  name: 'Ashby',
  komboTool: 'ashby',
  hosts: ['https://app.ashbyhq.com/*'],
});
