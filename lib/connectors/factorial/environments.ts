import type { FactorialEnvironment } from '../environments';

/**
 * Where Factorial lives. One pinned API version, here and nowhere else (a unit test holds every other file to it):
 * Factorial publishes a dated version each quarter and supports each for a year. 2026-07-01 is the newest version
 * whose complete official spec we hold and test against (factorialco/factorial-api-sdks ruby/oas-2026-07-01.yaml;
 * excerpt in tests/vendor/factorial): string ids, the read-only `cv` on applications, `phone_number` in
 * create_with_contract. 2026-10-01 and 2027-01-01 are published too (the SDK's generated code); the request bodies
 * Hirebridge sends are checked against their generated types as well (see `createWithContractBody`).
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

/**
 * Factorial's web apps, per environment: production's app.factorialhr.com, and the demo environment's
 * app.demo.factorial.dev (Factorial's notes on its demo environment). The ATS site adapter recognises both hosts.
 */
export const FACTORIAL_WEB_URLS = {
  production: 'https://app.factorialhr.com',
  demo: 'https://app.demo.factorial.dev',
} as const;

/** The named environment an API base URL belongs to (the deprecated demo host too); undefined for a custom one. */
export function factorialEnvironmentOf(baseUrl: string): 'production' | 'demo' | undefined {
  const host = (() => {
    try {
      return new URL(baseUrl).host;
    } catch {
      return '';
    }
  })();
  if (host === new URL(FACTORIAL_BASE_URLS.production).host) return 'production';
  if (host === new URL(FACTORIAL_BASE_URLS.demo).host || host === 'api.demo.factorial.dev') return 'demo';
  return undefined;
}

/** Factorial's web app for an API base URL (for links people click). */
export function factorialWebUrl(baseUrl: string): string {
  const environment = factorialEnvironmentOf(baseUrl);
  return environment ? FACTORIAL_WEB_URLS[environment] : new URL(baseUrl).origin;
}

/** Link to an employee in Factorial's web app (the HR and the ATS connector both point people there). */
export function factorialEmployeeUrl(baseUrl: string, employeeId: string): string {
  return `${factorialWebUrl(baseUrl)}/employees/${encodeURIComponent(employeeId)}`;
}

/** `/api/<version>/resources/<namespace>/<resource>` */
export function resourcePath(resource: string): string {
  return `api/${FACTORIAL_API_VERSION}/resources/${resource.replace(/^\/+/, '')}`;
}
