import { ConnectorError } from '../errors';
import type { VendorErrorDetails } from '../http';
import { t as connectorT } from '../messages';
import { t } from './messages';

/**
 * Teamtailor's error envelope is JSON:API's: `{"errors":[{"status","title","detail","code","source":{"pointer"}}]}`
 * (Teamtailor's own client reads `errors[0].detail`, teamtailor-rb lib/teamtailor/error.rb; its tests show a 406
 * "Invalid/Missing API Version" and a 422 "email - can't be blank" with `source.pointer`). A 401 comes with an empty
 * body. What a 403 says is not documented: the message names the scope and permission Hirebridge needs from the status.
 */
export function readTeamtailorError(body: unknown): VendorErrorDetails {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  const first = (Array.isArray(errors) ? errors[0] : errors) as { detail?: unknown; title?: unknown; code?: unknown; source?: { pointer?: unknown } } | undefined;
  if (!first || typeof first !== 'object') return {};
  const detail = typeof first.detail === 'string' ? first.detail : typeof first.title === 'string' ? first.title : undefined;
  // All of a 422's problems, one line each attribute ("email - has already been taken; phone - is invalid").
  const all = Array.isArray(errors)
    ? errors.map((e) => (e as { detail?: unknown; title?: unknown })?.detail ?? (e as { title?: unknown })?.title).filter((m): m is string => typeof m === 'string')
    : [];
  const message = all.length > 1 ? [...new Set(all)].join('; ') : detail;
  return { message, code: typeof first.code === 'string' ? first.code : undefined };
}

export function classifyTeamtailorError(status: number, details: VendorErrorDetails, retryAfterMs?: number): ConnectorError | undefined {
  const said = details.message ? connectorT('vendorSaid', { vendor: 'Teamtailor', message: details.message }) : '';
  const base = { vendor: 'Teamtailor' as const, status, vendorCode: details.code, vendorMessage: details.message, retryAfterMs };
  switch (status) {
    case 401:
      return new ConnectorError({ ...base, code: 'auth', message: t('keyRejected') });
    case 403:
      return new ConnectorError({ ...base, code: 'forbidden', transient: false, message: t('needsAdmin', { said }) });
    case 406:
      return new ConnectorError({ ...base, code: 'setup', transient: false, message: t('apiVersion', { said }) });
    case 400:
    case 422:
      return new ConnectorError({ ...base, code: 'invalid-request', transient: false, message: t('refused', { said: said || connectorT('noReason') }) });
  }
  return undefined;
}
