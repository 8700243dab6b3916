import type { DirectAtsCard } from '../direct';

/**
 * Teamtailor as the ATS card shows it (see lib/connectors/direct.ts). PLACEHOLDER: labels, hosts and limits to be checked
 * against the vendor's own documentation.
 */
export const teamtailorCard: DirectAtsCard = {
  provider: 'teamtailor',
  name: 'Teamtailor',
  tool: 'teamtailor',
  environments: [{ value: 'eu', label: 'Europe' }, { value: 'na', label: 'North America' }],
  fields: [{ key: 'secret', label: 'API key', hint: 'Settings → Integrations → API keys: a key with Admin scope, read and write.' }],
  baseUrl: (environment) => (environment === 'na' ? 'https://api.na.teamtailor.com/v1' : 'https://api.teamtailor.com/v1'),
  apiHosts: ['https://api.teamtailor.com/*', 'https://api.na.teamtailor.com/*'],
  hint: 'An API key with Admin scope (read and write), from Settings → Integrations → API keys.',
  pace: { maxInFlight: 2 },
};
