import type { DirectAtsCard } from '../direct';

/**
 * Ashby as the ATS card shows it (see lib/connectors/direct.ts). PLACEHOLDER: labels, hosts and limits to be checked
 * against the vendor's own documentation.
 */
export const ashbyCard: DirectAtsCard = {
  provider: 'ashby',
  name: 'Ashby',
  tool: 'ashby',
  environments: [{ value: 'production', label: 'Production' }],
  fields: [{ key: 'secret', label: 'API key', hint: 'Admin → Integrations → API keys: a key with read on jobs, candidates and offers, and write on candidates.' }],
  baseUrl: () => 'https://api.ashbyhq.com',
  apiHosts: ['https://api.ashbyhq.com/*'],
  hint: 'An API key with Candidates (read and write), Jobs (read) and Offers (read) permissions.',
  pace: { maxInFlight: 2 },
};
