import type { DirectAtsCard } from '../direct';

/**
 * Workable as the ATS card shows it (see lib/connectors/direct.ts), from Workable's own pages
 * (tests/vendor/workable/SOURCE.md):
 * - The token: an Admin opens Settings > Integrations > Apps, "API Access Tokens", "+ Generate API token", picks the
 *   scopes and copies the token from the modal, which never shows it again
 *   (https://help.workable.com/hc/en-us/articles/115015785428).
 * - The API answers on the account's own host, `https://<subdomain>.workable.com/spi/v3`, with `Authorization: Bearer`
 *   (every code sample of https://workable.readme.io/reference).
 * - Limits: account tokens get 10 requests per 10 seconds, reads included (https://workable.readme.io/reference/rate-limits).
 */

/** What an admin may paste as the subdomain: "acme", "acme.workable.com" or the whole address of their account. */
export function workableSubdomain(value: string | undefined): string {
  const trimmed = (value ?? '').trim().toLowerCase();
  return trimmed.replace(/^https?:\/\//, '').replace(/\.workable\.com(?:[/:].*)?$/, '').replace(/\/.*$/, '');
}

/** Host names are letters, digits and hyphens (RFC 1123 labels): anything else is not a Workable subdomain. */
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const WORKABLE_SCOPES = ['r_jobs', 'r_candidates', 'w_candidates'] as const;

export const workableCard: DirectAtsCard = {
  provider: 'workable',
  name: 'Workable',
  tool: 'workable',
  environments: [{ value: 'production', label: 'Production' }],
  fields: [
    {
      key: 'accountId',
      label: 'Subdomain',
      hint: 'The part before .workable.com in your Workable address (Settings > Company profile shows it too).',
      check: (value) => (SUBDOMAIN.test(workableSubdomain(value)) ? undefined : 'Enter the part before .workable.com in your Workable address, e.g. "acme" for acme.workable.com.'),
    },
    {
      key: 'secret',
      label: 'API access token',
      hint: 'Settings > Integrations > Apps > API Access Tokens > Generate API token, with the scopes r_jobs, r_candidates and w_candidates. Workable shows it once.',
      check: (value) => (/\s/.test(value.trim()) ? 'An access token has no spaces: copy it again from the window Workable showed when it generated it.' : undefined),
    },
  ],
  baseUrl: (_environment, subdomain) => `https://${workableSubdomain(subdomain)}.workable.com/spi/v3`,
  apiHosts: ['https://*.workable.com/*'],
  hint: 'An Admin generates an API access token in Settings > Integrations > Apps with the scopes r_jobs, r_candidates and w_candidates; give it with your account\'s subdomain.',
  // 10 requests per 10 s per account token, every call counted ("apply to any call under this scope").
  pace: { perWindow: 10, windowMs: 10_000, methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], maxInFlight: 2 },
};
