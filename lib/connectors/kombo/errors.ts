import { ConnectorError } from '../errors';
import { keyRejectedMessage, type VendorErrorDetails } from '../http';
import { t as connectorT } from '../messages';
import { t } from './messages';

/**
 * Kombo's error envelope `{status:"error", error:{code, title, message, log_url}}`, and what each code means for
 * Hirebridge. Decided by `error.code`, never by the HTTP status (Kombo's errors guide, https://docs.kombo.dev/guides/errors;
 * since 2026-05-19 INTEGRATION.SETUP_INCOMPLETE / SETUP_SYNC_PENDING / QA_FAILED answer 409, which is not a duplicate:
 * https://docs.kombo.dev/ats/important-changes). Every code of the spec's ATS error enum has its own line below
 * (tests/unit/connectors/kombo-errors.test.ts checks that against tests/vendor/kombo/kombo-openapi.json).
 */
export function readKomboError(body: unknown): VendorErrorDetails {
  const error = (body as { error?: { code?: unknown; message?: unknown; title?: unknown } } | undefined)?.error;
  if (!error || typeof error !== 'object') return {};
  const message = typeof error.message === 'string' ? error.message : typeof error.title === 'string' ? error.title : undefined;
  return { code: typeof error.code === 'string' ? error.code : undefined, message };
}

/** Integration-setup codes: nothing was done; a Kombo admin must fix the integration (each says what). */
const SETUP: Record<string, Parameters<typeof t>[0]> = {
  'INTEGRATION.QA_FAILED': 'setupQaFailed',
  'INTEGRATION.SETUP_INCOMPLETE': 'setupIncomplete',
  'INTEGRATION.SETUP_SYNC_PENDING': 'setupSyncPending',
  'INTEGRATION.AUTHENTICATION_INVALID': 'setupAuthInvalid',
  'INTEGRATION.INACTIVE': 'setupInactive',
  'INTEGRATION.PERMISSION_MISSING': 'setupPermissionMissing',
  'INTEGRATION.MODEL_DISABLED': 'setupModelDisabled',
  'INTEGRATION.MODEL_NOT_AVAILABLE': 'setupModelNotAvailable',
  'INTEGRATION.ACTION_DISABLED': 'setupActionDisabled',
  'INTEGRATION.ACTION_NOT_AVAILABLE': 'setupActionNotAvailable',
};

export function classifyKomboError(status: number, details: VendorErrorDetails, retryAfterMs?: number): ConnectorError | undefined {
  const code = details.code;
  const base = { vendor: 'Kombo' as const, status, vendorCode: code, vendorMessage: details.message, retryAfterMs };
  const said = details.message ? connectorT('vendorSaid', { vendor: 'Kombo', message: details.message }) : '';
  const refused = (message: string) => new ConnectorError({ ...base, code: 'invalid-request', transient: false, message });
  switch (code) {
    case 'PLATFORM.RATE_LIMIT_EXCEEDED':
    case 'PLATFORM.CONCURRENCY_LIMIT_EXCEEDED':
    case 'REMOTE.RATE_LIMIT_EXCEEDED':
      return new ConnectorError({ ...base, code: 'rate-limited', transient: true, message: connectorT('rateLimited', { vendor: 'Kombo' }) });
    case 'REMOTE.SERVICE_UNAVAILABLE':
      return new ConnectorError({ ...base, code: 'server', transient: true, message: connectorT('komboUnavailable', { said }) });
    // Unknown failures on Kombo's or the ATS's side: transient, retried (a create looks the record up first).
    case 'PLATFORM.UNKNOWN_ERROR':
    case 'REMOTE.UNKNOWN_HTTP_ERROR':
      return new ConnectorError({ ...base, code: 'server', transient: true, message: t('unknownError', { code, said }) });
    // Kombo stopped waiting: the action may have happened in the ATS. Like a client-side timeout: look it up first.
    case 'PLATFORM.TASK_TIMED_OUT':
      return new ConnectorError({ ...base, code: 'timeout', transient: true, message: t('taskTimedOut', { said }) });
    case 'PLATFORM.AUTHENTICATION_INVALID':
      return new ConnectorError({ ...base, code: 'auth', message: keyRejectedMessage('Kombo') });
    case 'PLATFORM.INTEGRATION_NOT_FOUND':
      return refused(connectorT('komboUnknownIntegration'));
    case 'PLATFORM.IP_NOT_WHITELISTED':
      return new ConnectorError({ ...base, code: 'forbidden', message: connectorT('komboIpRefused', { said }) });
    case 'PLATFORM.INPUT_INVALID':
      return refused(t('inputInvalid', { said }));
    case 'REMOTE.INPUT_INVALID':
      return refused(t('remoteRefused', { said }));
    case 'ATS.JOB_CLOSED':
      return refused(t('jobClosed', { said }));
    // The only duplicate: the candidate already has an application for this job.
    case 'ATS.APPLICATION_ALREADY_EXISTS':
      return new ConnectorError({ ...base, code: 'conflict', transient: false, message: connectorT('komboAlreadyApplied', { said }) });
  }
  if (code && SETUP[code]) return new ConnectorError({ ...base, code: 'setup', transient: false, message: t(SETUP[code], { said }) });
  if (code?.startsWith('INTEGRATION.')) return new ConnectorError({ ...base, code: 'setup', transient: false, message: t('setupOther', { code, said }) });
  // A code this version does not know yet: by the status, except that a 409 is never read as a duplicate.
  if (code && (status === 409 || status < 500)) return refused(t('refusedWithCode', { code, said }));
  if (code && status >= 500) return new ConnectorError({ ...base, code: 'server', transient: status === 503, message: t('unknownError', { code, said }) });
  // No code at all (a proxy's page, a gateway): a 409 still says nothing about duplicates.
  if (status === 409) return refused(connectorT('invalidRequest', { vendor: 'Kombo', said: said || connectorT('noReason') }));
  if (status >= 500 && status !== 503) return new ConnectorError({ ...base, code: 'server', transient: false, message: connectorT('server', { vendor: 'Kombo', status }) });
  return undefined;
}
