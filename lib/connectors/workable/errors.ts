import { ConnectorError } from '../errors';
import { keyRejectedMessage, type VendorErrorDetails } from '../http';
import { t as connectorT } from '../messages';
import type { WORKABLE_SCOPES } from './card';
import { t } from './messages';

/**
 * Workable's error envelope (every operation of its reference; tests/vendor/workable/spi-v3-excerpt.json `errors`):
 * `{"error": "Not authorized"}` (401), `{"error": "Not found"}` (404), and on a refused body
 * `{"error": "Validation failed: …", "validation_errors": {"email": ["candidate already exists"]}}` (422).
 * Workable has no error codes: its words are the message.
 */
export function readWorkableError(body: unknown): VendorErrorDetails {
  if (!body || typeof body !== 'object') return {};
  const { error, validation_errors: fields } = body as { error?: unknown; validation_errors?: unknown };
  const details =
    fields && typeof fields === 'object'
      ? Object.entries(fields as Record<string, unknown>)
          .map(([field, problems]) => `${field}: ${Array.isArray(problems) ? problems.join(', ') : String(problems)}`)
          .join('; ')
      : '';
  const message = typeof error === 'string' ? error : undefined;
  return { message: message ?? (details || undefined) };
}

/** The 422 Workable documents for an email that already has a candidate on the job. */
export const isAlreadyOnJob = (details: VendorErrorDetails) => /already exists/i.test(details.message ?? '');

export function classifyWorkableError(status: number, details: VendorErrorDetails, retryAfterMs?: number): ConnectorError | undefined {
  const base = { vendor: 'Workable' as const, status, vendorMessage: details.message, retryAfterMs };
  const said = details.message ? connectorT('vendorSaid', { vendor: 'Workable', message: details.message }) : '';
  if (status === 422 && isAlreadyOnJob(details)) return new ConnectorError({ ...base, code: 'conflict', transient: false, message: t('alreadyOnJob', { said }) });
  if (status === 422 || status === 400) return new ConnectorError({ ...base, code: 'invalid-request', transient: false, message: t('refused', { said: details.message ?? connectorT('noReason').trim() }) });
  return undefined;
}

type Scope = (typeof WORKABLE_SCOPES)[number];
const SCOPE_USE: Record<Scope, Parameters<typeof t>[0]> = { r_jobs: 'scopeReadJobs', r_candidates: 'scopeReadCandidates', w_candidates: 'scopeWriteCandidates' };

/**
 * A refusal of a call that needs `scope`, by a token Workable accepted before: the token lacks that scope. Workable
 * documents only `401 Not authorized` for any refusal, so a 401 names the scope only once another call proved the
 * token (`tokenProven`); a 403 always does. Anything else passes through unchanged.
 */
export function namingScope(error: unknown, scope: Scope, tokenProven: boolean): unknown {
  if (!(error instanceof ConnectorError) || (error.code !== 'auth' && error.code !== 'forbidden')) return error;
  if (error.status === 401 && !tokenProven) return new ConnectorError({ ...error.toJSON(), code: 'auth', message: keyRejectedMessage('Workable') });
  const said = error.vendorMessage ? connectorT('vendorSaid', { vendor: 'Workable', message: error.vendorMessage }) : '';
  const words = { scope, what: t(SCOPE_USE[scope]), said };
  // A 401 cannot tell a missing scope from a token revoked in between: it says both.
  const message = error.status === 401 ? t('missingScopeOrRevoked', words) : t('missingScope', words);
  return new ConnectorError({ ...error.toJSON(), code: error.status === 401 ? 'auth' : 'forbidden', transient: false, vendorCode: scope, message });
}
