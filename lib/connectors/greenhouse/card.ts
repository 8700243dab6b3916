import type { DirectAtsCard } from '../direct';

/**
 * Greenhouse as the ATS card shows it (see lib/connectors/direct.ts). Evidence: tests/vendor/greenhouse/ (SOURCE.md).
 *
 * - The credential: Configure → Dev Center → API Credential Management → Create new API credentials → "Harvest V3
 *   (OAuth)"; Greenhouse then shows a "Client ID" (it stays visible) and a "Client Secret" (shown once)
 *   (harvestdocs.greenhouse.io/docs/authentication; support.greenhouse.io article 115000521723). Harvest v1/v2 API keys
 *   stop working on 2026-08-31: there is no API-key field.
 * - Hosts: the API is https://harvest.greenhouse.io/v3; its access token comes from https://auth.greenhouse.io/token.
 *   A custom base URL (the sandbox, `npm start`) gets its token beside it: `<base without /v3>/token` — the same
 *   relation as auth.greenhouse.io/token to harvest.greenhouse.io/v3 (see `tokenUrlFor` in client.ts).
 * - Limits: Greenhouse announces its own per-credential limit in `X-RateLimit-Limit` (requests per 10 seconds) on every
 *   answer; no fixed number is published for v3, so none is assumed here: the client paces by those headers.
 */
export const greenhouseCard: DirectAtsCard = {
  provider: 'greenhouse',
  name: 'Greenhouse',
  tool: 'greenhouse',
  environments: [{ value: 'production', label: 'Production' }],
  fields: [
    {
      key: 'accountId',
      label: 'Client ID',
      hint: 'Configure → Dev Center → API Credential Management → Create new API credentials → Harvest V3 (OAuth): the Client ID stays visible there.',
    },
    { key: 'secret', label: 'Client Secret', hint: 'Shown once, when the Harvest V3 (OAuth) credential is created.' },
  ],
  baseUrl: () => 'https://harvest.greenhouse.io/v3',
  apiHosts: ['https://harvest.greenhouse.io/*', 'https://auth.greenhouse.io/*'],
  hint:
    'A Site Admin creates a Harvest V3 (OAuth) credential (Client ID and Client Secret) with the scopes to list jobs, offices, candidates, applications, job stages and offers, and to create candidates, applications and attachments.',
  pace: { maxInFlight: 2 },
};
