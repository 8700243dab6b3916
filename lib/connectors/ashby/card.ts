import type { DirectAtsCard } from '../direct';

/**
 * Ashby as the ATS card shows it (see lib/connectors/direct.ts). Sources: tests/vendor/ashby (SOURCE.md).
 * - The credential: one API key, sent as the HTTP Basic username with a blank password (developers.ashbyhq.com/docs/
 *   authentication); the admin creates it under Admin → Integrations → API Keys → "+ New" and grants read or write per
 *   module (the modules as the docs name them: Jobs, Candidates, Hiring Process, Offers, …).
 * - One host, no regions: every endpoint is `POST https://api.ashbyhq.com/<category>.<method>` (the spec's `servers`).
 * - Pace: Ashby rate-limits per API key (429s; changelog 2026-10-14) but publishes no figure and no window headers, so
 *   none is assumed here: two operations at a time, and its 429s are waited out (limits.ts).
 */
export const ashbyCard: DirectAtsCard = {
  provider: 'ashby',
  name: 'Ashby',
  tool: 'ashby',
  environments: [{ value: 'production', label: 'Production' }],
  fields: [
    {
      key: 'secret',
      label: 'API Key',
      hint: 'In Ashby: Admin → Integrations → API Keys → + New. Copy the key when it is shown.',
      // Basic auth sends "<key>:" — a key with a colon or a space could not be sent, so it was not copied right.
      check: (value) => (/[\s:]/.test(value.trim()) ? 'An Ashby API key has no spaces or colons: copy it again from Admin → Integrations → API Keys.' : undefined),
    },
  ],
  baseUrl: () => 'https://api.ashbyhq.com',
  apiHosts: ['https://api.ashbyhq.com/*'],
  hint: 'An API key (Admin → Integrations → API Keys) with Jobs: Read, Candidates: Read and Write, Offers: Read and Hiring Process: Read.',
  pace: { maxInFlight: 2 },
};
