import type { DirectAtsCard } from '../direct';

/**
 * Teamtailor as the ATS card shows it (see lib/connectors/direct.ts), from Teamtailor's own docs
 * (tests/vendor/teamtailor/SOURCE.md):
 * - the key: "Manage your API keys" at app.teamtailor.com/app/settings/integrations/api-keys (Settings → Integrations →
 *   API keys → New API key); the scope is chosen there (Public, Internal or Admin) with Read and Write checkboxes.
 *   Candidates and job applications need the Admin scope ("Admin … write: Can create new jobs, candidates and job
 *   applications").
 * - the stacks: "For EU stack, use api.teamtailor.com / For NA stack, use api.na.teamtailor.com" (Teamtailor API docs);
 *   a key only answers on its own stack.
 * - limits: the docs publish no number, only the X-Rate-Limit-* headers (limits.ts); two requests at a time.
 */
export const teamtailorCard: DirectAtsCard = {
  provider: 'teamtailor',
  name: 'Teamtailor',
  tool: 'teamtailor',
  environments: [
    { value: 'eu', label: 'EU stack (api.teamtailor.com)' },
    { value: 'na', label: 'NA stack (api.na.teamtailor.com)' },
  ],
  fields: [
    {
      key: 'secret',
      label: 'API key',
      hint: 'Settings → API keys (under Integrations) → New API key: Scope "Admin", with Read and Write checked. Copy the key shown.',
      check: (value) => {
        const key = value.trim();
        if (/^(?:token\s+token=|authorization:)/i.test(key)) return 'Paste only the key itself, without "Token token=".';
        if (/\s/.test(key)) return 'An API key has no spaces: copy it again from Teamtailor.';
        return undefined;
      },
    },
  ],
  baseUrl: (environment) => (environment === 'na' ? 'https://api.na.teamtailor.com/v1' : 'https://api.teamtailor.com/v1'),
  apiHosts: ['https://api.teamtailor.com/*', 'https://api.na.teamtailor.com/*'],
  // A CV only by URL (`resume`; uploads need "a public url"): the Sync dialog offers the PDF for download instead.
  acceptsFiles: false,
  hint: 'An API key with the Admin scope and Read and Write permission, created in Teamtailor under Settings → API keys; choose the stack your account is on (EU or NA).',
  pace: { maxInFlight: 2 },
};
