import type { DirectAtsCard } from '../direct';

/**
 * Recruitee as the ATS card shows it (see lib/connectors/direct.ts). PLACEHOLDER: labels, hosts and limits to be checked
 * against the vendor's own documentation.
 */
export const recruiteeCard: DirectAtsCard = {
  provider: 'recruitee',
  name: 'Recruitee',
  tool: 'recruitee',
  environments: [{ value: 'production', label: 'Production' }],
  fields: [
    { key: 'accountId', label: 'Company ID', hint: 'Settings → Apps and plugins → Personal API tokens shows your company ID.' },
    { key: 'secret', label: 'Personal API token', hint: 'Settings → Apps and plugins → Personal API tokens → New token.' },
  ],
  baseUrl: (_environment, companyId) => `https://api.recruitee.com/c/${companyId ?? ''}`,
  apiHosts: ['https://api.recruitee.com/*'],
  hint: "A personal API token (it has its user's rights: use an admin's) and your company ID.",
  pace: { maxInFlight: 2 },
};
