import { ConnectorError } from '../errors';
import type { VendorErrorDetails } from '../http';
import { t as connectorT } from '../messages';
import { t } from './messages';

/**
 * Ashby's error envelope, in plain words (tests/vendor/ashby/docs-excerpt.md; the spec's "Error response":
 * `{success: false, errors: [code] (deprecated), errorInfo: {code, message, requestId}}`).
 * - HTTP 401: no key; 403: a wrong or deactivated key, or — with `missing_endpoint_permission` — a valid key without
 *   the endpoint's module permission (developers.ashbyhq.com/docs/authentication).
 * - "What would be 4XX errors will return 200 with success being false" (docs/responses): a 200 can be a failure.
 * - 429: a rate limit (per API key; the spec's 429 example code is `rate_limit_exceeded`).
 */

/** Each endpoint Hirebridge calls, with the permission its reference page says it requires ("Requires the X permission"). */
export const ASHBY_ENDPOINT_PERMISSION = {
  'apiKey.info': 'apiKeysRead',
  'job.list': 'jobsRead',
  'candidate.search': 'candidatesRead',
  'candidate.info': 'candidatesRead',
  'application.info': 'candidatesRead',
  'application.list': 'candidatesRead',
  'candidate.create': 'candidatesWrite',
  'application.create': 'candidatesWrite',
  'candidate.uploadResume': 'candidatesWrite',
  'candidate.uploadFile': 'candidatesWrite',
  'candidate.createNote': 'candidatesWrite',
  'offer.list': 'offersRead',
  'source.list': 'hiringProcessMetadataRead',
} as const;
export type AshbyEndpoint = keyof typeof ASHBY_ENDPOINT_PERMISSION;
export type AshbyPermission = (typeof ASHBY_ENDPOINT_PERMISSION)[AshbyEndpoint];

/** A permission as the admin screen shows it: the docs' module name and the access ("Jobs: Read"), and why it is needed. */
export const ASHBY_PERMISSIONS: Record<AshbyPermission, { label: string; purpose: Parameters<typeof t>[0] }> = {
  apiKeysRead: { label: 'API Keys: Read', purpose: 'purposeApiKeys' },
  jobsRead: { label: 'Jobs: Read', purpose: 'purposeJobs' },
  candidatesRead: { label: 'Candidates: Read', purpose: 'purposeCandidatesRead' },
  candidatesWrite: { label: 'Candidates: Write', purpose: 'purposeCandidatesWrite' },
  offersRead: { label: 'Offers: Read', purpose: 'purposeOffers' },
  hiringProcessMetadataRead: { label: 'Hiring Process: Read', purpose: 'purposeSources' },
};

export function missingPermissionMessage(permission: AshbyPermission): string {
  const { label, purpose } = ASHBY_PERMISSIONS[permission];
  return t('missingPermission', { permission: label, scope: permission, purpose: t(purpose) });
}

/** The code and words of an Ashby error body (`errorInfo`, else the deprecated `errors` list). */
export function readAshbyError(body: unknown): VendorErrorDetails {
  if (!body || typeof body !== 'object') return {};
  const { errorInfo, errors } = body as { errorInfo?: { code?: unknown; message?: unknown }; errors?: unknown };
  const first = Array.isArray(errors) ? errors.find((e) => typeof e === 'string') : undefined;
  const code = typeof errorInfo?.code === 'string' ? errorInfo.code : first;
  const message = typeof errorInfo?.message === 'string' ? errorInfo.message : undefined;
  return { code, message };
}

const said = (details: VendorErrorDetails) => (details.message ? connectorT('vendorSaid', { vendor: 'Ashby', message: details.message }) : '');

/** An Ashby failure (an HTTP error or a 200 with `success: false`) as a ConnectorError, for the endpoint that failed. */
export function ashbyError(endpoint: AshbyEndpoint | undefined, status: number, details: VendorErrorDetails, retryAfterMs?: number): ConnectorError {
  const base = { vendor: 'Ashby' as const, status, vendorCode: details.code, vendorMessage: details.message, retryAfterMs };
  const code = details.code ?? '';
  if (code === 'missing_endpoint_permission') {
    return new ConnectorError({ ...base, code: 'forbidden', transient: false, message: endpoint ? missingPermissionMessage(ASHBY_ENDPOINT_PERMISSION[endpoint]) : connectorT('forbidden', { vendor: 'Ashby', said: said(details) }) });
  }
  if (status === 401) return new ConnectorError({ ...base, code: 'auth', message: t('keyMissing') });
  // "When the provided key is wrong or deactivated, the API will respond with a 403."
  if (status === 403) return new ConnectorError({ ...base, code: 'auth', message: t('keyRefused') });
  if (status === 429 || code === 'rate_limit_exceeded') return new ConnectorError({ ...base, code: 'rate-limited', message: connectorT('rateLimited', { vendor: 'Ashby' }) });
  if (status >= 500) return new ConnectorError({ ...base, code: 'server', message: connectorT('server', { vendor: 'Ashby', status }) });
  // `application_not_found` (docs/responses) and its siblings: the record is not there (or not visible to this key).
  if (/_not_found$/.test(code)) return new ConnectorError({ ...base, code: 'not-found', transient: false, message: connectorT('notFound', { vendor: 'Ashby', said: said(details) }) });
  if (!code && !details.message) return new ConnectorError({ ...base, code: 'invalid-request', transient: false, message: t('failedWithoutCode') });
  return new ConnectorError({ ...base, code: 'invalid-request', transient: false, message: t('refused', { code: code || '?', said: said(details) }) });
}
