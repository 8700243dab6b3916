import { defineSite } from './define';

/**
 * Workable: each company's app is `<company>.workable.com/backend/…`; apply./jobs./www. are public sites, not the
 * recruiter's app (testUrls in lib/sites/adapters/workable.ts).
 */
export const workableSite = defineSite({
  id: 'workable',
  name: 'Workable',
  komboTool: 'workable',
  hosts: ['https://*.workable.com/*'],
  publicHost: /^(?:(?:apply|jobs|www|id|help)\.)?workable\.com$/,
});
