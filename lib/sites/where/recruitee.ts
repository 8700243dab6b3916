import { defineSite } from './define';

/**
 * Recruitee's app is app.recruitee.com (its routes in the hash); `<company>.recruitee.com` are career sites, not
 * the ATS, so the content script is not declared there either (testUrls in lib/sites/adapters/recruitee.ts).
 */
export const recruiteeSite = defineSite({
  id: 'recruitee',
  name: 'Recruitee',
  komboTool: 'recruitee',
  hosts: ['https://app.recruitee.com/*'],
});
