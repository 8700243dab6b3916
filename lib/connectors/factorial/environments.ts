import type { FactorialEnvironment } from '../environments';

/**
 * Where Factorial lives. One pinned API version: Factorial publishes a dated version each quarter and supports each
 * for a year. 2026-07-01 is the newest version whose complete official spec we hold and test against
 * (factorialco/factorial-api-sdks ruby/oas-2026-07-01.yaml; excerpt in tests/vendor/factorial): string ids, the
 * read-only `cv` on applications, `phone_number` in create_with_contract, and `email` still the personal email
 * (2027-01-01 turns it into the login email; see `employeeEmailFields`).
 */
export const FACTORIAL_API_VERSION = '2026-07-01';

export const FACTORIAL_BASE_URLS = {
  production: 'https://api.factorialhr.com',
  // The spec's api.demo.factorial.dev is deprecated; eu2 is the current demo host.
  demo: 'https://api.eu2.demo.factorial.dev',
} as const;

export function resolveFactorialBaseUrl(environment: FactorialEnvironment, customUrl?: string): string {
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

/** Link to an employee in Factorial's web app (the HR and the ATS connector both point people there). */
export function factorialEmployeeUrl(baseUrl: string, employeeId: string): string {
  return `${factorialWebUrl(baseUrl)}/employees/${encodeURIComponent(employeeId)}`;
}

/** `/api/<version>/resources/<namespace>/<resource>` */
export function resourcePath(resource: string): string {
  return `api/${FACTORIAL_API_VERSION}/resources/${resource.replace(/^\/+/, '')}`;
}
