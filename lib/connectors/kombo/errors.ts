import { ConnectorError } from '../errors';
import { errorForStatus, keyRejectedMessage, type VendorErrorDetails } from '../http';
import { t } from '../messages';

/**
 * Kombo's error envelope `{status:"error", error:{code, title, message, log_url}}`, and what each code means
 * for Hirebridge. Only rate/concurrency limits, REMOTE.SERVICE_UNAVAILABLE and 503s are retried automatically.
 */
export function readKomboError(body: unknown): VendorErrorDetails {
  const error = (body as { error?: { code?: unknown; message?: unknown; title?: unknown } } | undefined)?.error;
  if (!error || typeof error !== 'object') return {};
  const message = typeof error.message === 'string' ? error.message : typeof error.title === 'string' ? error.title : undefined;
  return { code: typeof error.code === 'string' ? error.code : undefined, message };
}

export function classifyKomboError(status: number, details: VendorErrorDetails, retryAfterMs?: number): ConnectorError | undefined {
  const base = { vendor: 'Kombo' as const, status, vendorCode: details.code, vendorMessage: details.message, retryAfterMs };
  const said = details.message ? t('vendorSaid', { vendor: 'Kombo', message: details.message }) : '';
  switch (details.code) {
    case 'PLATFORM.RATE_LIMIT_EXCEEDED':
    case 'PLATFORM.CONCURRENCY_LIMIT_EXCEEDED':
    case 'REMOTE.RATE_LIMIT_EXCEEDED':
      return new ConnectorError({ ...base, code: 'rate-limited', transient: true, message: t('rateLimited', { vendor: 'Kombo' }) });
    case 'REMOTE.SERVICE_UNAVAILABLE':
      return new ConnectorError({ ...base, code: 'server', transient: true, message: t('komboUnavailable', { said }) });
    case 'PLATFORM.AUTHENTICATION_INVALID':
      return new ConnectorError({ ...base, code: 'auth', message: keyRejectedMessage('Kombo') });
    case 'PLATFORM.INTEGRATION_NOT_FOUND':
      return new ConnectorError({ ...base, code: 'invalid-request', transient: false, message: t('komboUnknownIntegration') });
    case 'PLATFORM.IP_NOT_WHITELISTED':
      return new ConnectorError({ ...base, code: 'forbidden', message: t('komboIpRefused', { said }) });
    case 'PLATFORM.INPUT_INVALID':
    case 'REMOTE.INPUT_INVALID':
    case 'ATS.JOB_CLOSED':
      return new ConnectorError({ ...base, code: 'invalid-request', transient: false, message: t('invalidRequest', { vendor: 'Kombo', said }) });
    case 'ATS.APPLICATION_ALREADY_EXISTS':
      return new ConnectorError({ ...base, code: 'conflict', transient: false, message: t('komboAlreadyApplied', { said }) });
    case 'INTEGRATION.AUTHENTICATION_INVALID':
    case 'INTEGRATION.INACTIVE':
    case 'INTEGRATION.PERMISSION_MISSING':
    case 'INTEGRATION.SETUP_INCOMPLETE':
    case 'INTEGRATION.SETUP_SYNC_PENDING':
    case 'INTEGRATION.MODEL_DISABLED':
    case 'INTEGRATION.MODEL_NOT_AVAILABLE':
    case 'INTEGRATION.ACTION_DISABLED':
    case 'INTEGRATION.ACTION_NOT_AVAILABLE':
      return new ConnectorError({ ...base, code: 'forbidden', message: t('komboNotReady', { said }) });
  }
  if (details.code?.startsWith('REMOTE.')) {
    // Other remote errors come from the ATS itself: not retried, except a plain 503.
    const error = errorForStatus('Kombo', status, details, retryAfterMs);
    return new ConnectorError({ ...base, code: error.code, message: error.message, transient: status === 503 });
  }
  if (status >= 500 && status !== 503) {
    const error = errorForStatus('Kombo', status, details, retryAfterMs);
    return new ConnectorError({ ...base, code: 'server', message: error.message, transient: false });
  }
  return undefined;
}
