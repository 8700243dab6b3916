import type { KomboEnvironment } from '../environments';

export const KOMBO_BASE_URLS = {
  eu: 'https://api.kombo.dev/v1',
  us: 'https://api.us.kombo.dev/v1',
} as const;

export function resolveKomboBaseUrl(environment: KomboEnvironment, customUrl?: string): string {
  if (environment === 'custom') {
    if (!customUrl) throw new Error('A custom environment needs a base URL.');
    return customUrl.replace(/\/+$/, '');
  }
  return KOMBO_BASE_URLS[environment];
}

/** `greenhouse:8d1h…` → `greenhouse`: the prefix of an integration id names the ATS behind it. */
export function komboToolFromIntegrationId(integrationId: string): string {
  return integrationId.split(':')[0]?.toLowerCase() ?? '';
}

/**
 * Kombo tools that are the same ATS web app under another API version (Kombo's SDK lists `greenhousev3`, Greenhouse
 * Harvest v3): pages of that ATS are the connected ATS either way.
 */
const TOOL_FAMILY: Record<string, string> = { greenhousev3: 'greenhouse' };

/** The ATS (as site adapters name it in `komboTool`) behind a Kombo tool. */
export const komboToolFamily = (tool: string): string => TOOL_FAMILY[tool] ?? tool;
