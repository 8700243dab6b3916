import { defineSite } from './define';

/**
 * Teamtailor. The app is app.teamtailor.com and tt.teamtailor.com (whose `/app/companies/:co/…` serves the same
 * app: public automations post to its internal API there with the recruiter's session); regional stacks such as
 * tt.na.teamtailor.com serve it under `/app/…`; another `tt.<region>` / `app.<region>` stack can be granted at
 * run time. Company career sites (`<company>.teamtailor.com`, jobs.teamtailor.com) are not the ATS, so the
 * wildcard is not declared. Sources: testUrls in lib/sites/adapters/teamtailor.ts.
 */
export const teamtailorSite = defineSite({
  id: 'teamtailor',
  name: 'Teamtailor',
  komboTool: 'teamtailor',
  hosts: ['https://app.teamtailor.com/*', 'https://tt.teamtailor.com/*', 'https://tt.na.teamtailor.com/*'],
  grantableHost: /^(?:app|tt)\.[a-z]{2,}\d*\.teamtailor\.com$/,
});
