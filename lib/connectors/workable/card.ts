import type { DirectAtsCard } from '../direct';

/**
 * Workable as the ATS card shows it (see lib/connectors/direct.ts). PLACEHOLDER: labels, hosts and limits to be checked
 * against the vendor's own documentation.
 */
export const workableCard: DirectAtsCard = {
  provider: 'workable',
  name: 'Workable',
  tool: 'workable',
  environments: [{ value: 'production', label: 'Production' }],
  fields: [
    { key: 'accountId', label: 'Subdomain', hint: 'The part before .workable.com in your Workable address.' },
    { key: 'secret', label: 'Access token', hint: 'Settings → Integrations → Apps: generate an API access token with r_jobs, r_candidates and w_candidates.' },
  ],
  baseUrl: (_environment, subdomain) => `https://${subdomain ?? ''}.workable.com/spi/v3`,
  apiHosts: ['https://*.workable.com/*'],
  hint: "An API access token with the r_jobs, r_candidates and w_candidates scopes, and your account's subdomain.",
  pace: { maxInFlight: 2 },
};
