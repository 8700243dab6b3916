import { ConnectorError } from '../errors';
import type { VendorErrorDetails } from '../http';
import { t as connectorT } from '../messages';
import { t } from './messages';

/**
 * Greenhouse's error bodies, read in one place:
 * - Harvest: `{message, errors: [{message, field}]}` (its v1/v2 docs, "Validation"; v3 publishes no other envelope);
 * - the token endpoint: OAuth 2.0's `{error, error_description}` (RFC 6749 §5.2; inferred, auth.greenhouse.io's
 *   error body is not in the stored docs).
 * A validation error names its fields, so the person sees which value Greenhouse refused.
 */
export function readGreenhouseError(body: unknown): VendorErrorDetails {
  if (!body || typeof body !== 'object') return {};
  const b = body as { message?: unknown; errors?: unknown; error?: unknown; error_description?: unknown };
  const fields = Array.isArray(b.errors)
    ? b.errors
        .map((e) => (e && typeof e === 'object' ? (e as { message?: unknown; field?: unknown }) : {}))
        .filter((e) => typeof e.message === 'string')
        .map((e) => (typeof e.field === 'string' && e.field ? `${e.field}: ${e.message}` : String(e.message)))
    : [];
  const lead = typeof b.message === 'string' ? b.message : typeof b.error_description === 'string' ? b.error_description : undefined;
  const message = [lead, ...fields].filter(Boolean).join(' — ') || (typeof b.error === 'string' ? b.error : undefined);
  return { message, code: typeof b.error === 'string' ? b.error : undefined };
}

/** A Harvest scope as Greenhouse names them (`harvest:<resource>:<action>`, e.g. harvest:candidates:list). */
const SCOPE = /harvest:[a-z_]+:[a-z_]+/;
/** Greenhouse's words for the optional IP allow-list ("limit usage to trusted IP addresses"). */
const IP_REFUSAL = /\bIP\b|allow-?list|whitelist|trusted (?:IP )?address/i;

/** What a Greenhouse status means for Hirebridge, beyond the generic rules of http.ts. */
export function classifyGreenhouseError(status: number, details: VendorErrorDetails, retryAfterMs: number | undefined): ConnectorError | undefined {
  const said = details.message ? connectorT('vendorSaid', { vendor: 'Greenhouse', message: details.message }) : '';
  const base = { vendor: 'Greenhouse' as const, status, vendorCode: details.code, vendorMessage: details.message, retryAfterMs };
  if (status === 401) return new ConnectorError({ ...base, code: 'auth', message: t('credentialRejected') });
  if (status === 403) {
    if (details.message && IP_REFUSAL.test(details.message)) return new ConnectorError({ ...base, code: 'forbidden', message: t('ipRefused', { said }) });
    const named = details.message?.match(SCOPE)?.[0];
    return new ConnectorError({ ...base, code: 'forbidden', message: named ? t('scopeMissing', { scope: named, said }) : t('forbidden', { said }) });
  }
  if (status === 400 || status === 422) return new ConnectorError({ ...base, code: 'invalid-request', transient: false, message: t('validation', { said: said || connectorT('noReason') }) });
  return undefined;
}

/**
 * A 403 that names no permission, for a call that needs `scope` (the connector knows it per endpoint): say which one.
 * An IP refusal, or a 403 that named its scope already, stays as it is.
 */
export function namingScope(error: ConnectorError, scope: string): ConnectorError {
  if (error.code !== 'forbidden' || (error.vendorMessage && (IP_REFUSAL.test(error.vendorMessage) || SCOPE.test(error.vendorMessage)))) return error;
  const said = error.vendorMessage ? connectorT('vendorSaid', { vendor: 'Greenhouse', message: error.vendorMessage }) : '';
  return new ConnectorError({ ...error.toJSON(), message: t('scopeMissing', { scope, said }) });
}

/**
 * The token endpoint's refusals: `invalid_client` (or a 401) is a wrong Client ID or Secret; anything else it refuses
 * (`unauthorized_client`, `invalid_scope`, …) is named with its code.
 */
export function classifyTokenError(status: number, details: VendorErrorDetails, retryAfterMs: number | undefined): ConnectorError | undefined {
  const base = { vendor: 'Greenhouse' as const, status, vendorCode: details.code, vendorMessage: details.message, retryAfterMs };
  if (status === 401 || details.code === 'invalid_client') return new ConnectorError({ ...base, code: 'auth', message: t('credentialRejected') });
  if (status === 403) return classifyGreenhouseError(status, details, retryAfterMs);
  if (status === 400 || status === 422) {
    const said = details.message && details.message !== details.code ? connectorT('vendorSaid', { vendor: 'Greenhouse', message: details.message }) : '';
    return new ConnectorError({ ...base, code: 'auth', transient: false, message: t('tokenRefused', { code: details.code ?? String(status), said }) });
  }
  return undefined;
}
