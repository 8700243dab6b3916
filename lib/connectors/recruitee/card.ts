import type { DirectAtsCard } from '../direct';

/**
 * Recruitee as the ATS card shows it (see lib/connectors/direct.ts), from Recruitee's own pages
 * (tests/vendor/recruitee/SOURCE.md):
 * - The credential is a personal API token: "Settings > Apps and plugins > Personal API tokens … + New token"
 *   (support.recruitee.com/en/articles/8213076-faq-api). It has exactly its user's rights ("based on the Hiring role of
 *   the person who created it"; docs.recruitee.com/reference/getting-started) and does not expire unless revoked.
 * - The company ID is shown on that same page (support article 6424081) and in the web app's URL after `company=`.
 * - Every ATS call goes to `https://api.recruitee.com/c/<company id>/…` ("Company ID. A company subdomain can also be
 *   used": docs.recruitee.com/reference/candidates-post).
 * - Limits: Recruitee publishes no rate limit and no limit headers. Two sends at a time is our own caution, not a
 *   vendor number; a 429 is honoured by its Retry-After (lib/connectors/recruitee/limits.ts).
 */
export const recruiteeCard: DirectAtsCard = {
  provider: 'recruitee',
  name: 'Recruitee',
  tool: 'recruitee',
  environments: [{ value: 'production', label: 'Production' }],
  fields: [
    {
      key: 'accountId',
      label: 'Company ID',
      hint: 'Settings → Apps and plugins → Personal API tokens shows it (it is also the number after company= in Recruitee’s URLs).',
      check: (value) =>
        /^[a-z0-9][a-z0-9-]*$/i.test(value.trim()) ? undefined : 'A Recruitee company ID is a number (or your company’s subdomain), without spaces or slashes.',
    },
    {
      key: 'secret',
      label: 'Personal API token',
      hint: 'Settings → Apps and plugins → Personal API tokens → + New token. It has its user’s rights: create it as a user who can see and add candidates on every job.',
      check: (value) => (/\s/.test(value.trim()) ? 'A personal API token has no spaces: copy it again from Recruitee.' : undefined),
    },
  ],
  baseUrl: (_environment, companyId) => `https://api.recruitee.com/c/${encodeURIComponent((companyId ?? '').trim())}`,
  apiHosts: ['https://api.recruitee.com/*'],
  hint: 'A personal API token (Settings → Apps and plugins → Personal API tokens) and your company ID; the token has its user’s rights, so create it as a user who can see and add candidates on every job.',
  pace: { maxInFlight: 2 },
};
