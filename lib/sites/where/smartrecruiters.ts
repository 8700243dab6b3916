import { defineSite } from './define';

/** SmartRecruiters' app is www.smartrecruiters.com/app/… (testUrls in lib/sites/adapters/smartrecruiters.ts). */
export const smartrecruitersSite = defineSite({
  id: 'smartrecruiters',
  name: 'SmartRecruiters',
  komboTool: 'smartrecruiters',
  hosts: ['https://www.smartrecruiters.com/*'],
});
