/**
 * Where Factorial lives. One pinned API version: Factorial publishes a dated version each quarter and supports
 * each for a year; 2026-07-01 is the first with string ids (older ids were integers — both are accepted).
 */
export const FACTORIAL_API_VERSION = '2026-07-01';

export const FACTORIAL_BASE_URLS = {
  production: 'https://api.factorialhr.com',
  // The spec's api.demo.factorial.dev is deprecated; eu2 is the current demo host.
  demo: 'https://api.eu2.demo.factorial.dev',
} as const;

export function resolveFactorialBaseUrl(environment: 'production' | 'demo' | 'custom', customUrl?: string): string {
  if (environment === 'custom') {
    if (!customUrl) throw new Error('A custom environment needs a base URL.');
    return customUrl.replace(/\/+$/, '');
  }
  return FACTORIAL_BASE_URLS[environment];
}

/** Factorial's web app for an API base URL (for links people click). Demo's app host is inferred from the API host. */
export function factorialWebUrl(baseUrl: string): string {
  if (baseUrl === FACTORIAL_BASE_URLS.production) return 'https://app.factorialhr.com';
  if (baseUrl === FACTORIAL_BASE_URLS.demo) return 'https://app.eu2.demo.factorial.dev';
  return new URL(baseUrl).origin;
}

/** `/api/<version>/resources/<namespace>/<resource>` */
export function resourcePath(resource: string): string {
  return `api/${FACTORIAL_API_VERSION}/resources/${resource.replace(/^\/+/, '')}`;
}
