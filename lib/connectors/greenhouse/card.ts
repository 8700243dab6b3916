import type { DirectAtsCard } from '../direct';

/**
 * Greenhouse as the ATS card shows it (see lib/connectors/direct.ts). PLACEHOLDER: labels, hosts and limits to be checked
 * against the vendor's own documentation.
 */
export const greenhouseCard: DirectAtsCard = {
  provider: 'greenhouse',
  name: 'Greenhouse',
  tool: 'greenhouse',
  environments: [{ value: 'production', label: 'Production' }],
  fields: [
    { key: 'accountId', label: 'Client ID', hint: 'Configure → Dev Center → API Credential Management: the Harvest v3 credential\'s client ID.' },
    { key: 'secret', label: 'Client secret', hint: 'Shown once, when the credential is created.' },
  ],
  baseUrl: () => 'https://harvest.greenhouse.io/v3',
  apiHosts: ['https://harvest.greenhouse.io/*', 'https://auth.greenhouse.io/*'],
  hint: 'A Harvest v3 OAuth credential (client ID and secret) with read access to jobs, candidates, applications and offers, and write access to candidates and applications.',
  pace: { maxInFlight: 2 },
};
