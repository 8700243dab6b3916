import { ConnectorError } from '../errors';
import type { VendorErrorDetails } from '../http';
import { t as connectorT } from '../messages';
import { t } from './messages';

/**
 * Recruitee's error bodies. Its docs show no error envelope, and recorded answers hold none (tests/vendor/recruitee/
 * SOURCE.md), so every shape a Rails-style API gives is read: `{"error": "…"}`, `{"error": ["…"]}`,
 * `{"errors": ["…"]}`, `{"errors": {"field": ["…"]}}`, `{"message": "…"}`.
 */
export function readRecruiteeError(body: unknown): VendorErrorDetails {
  if (!body || typeof body !== 'object') return {};
  const { error, errors, message } = body as { error?: unknown; errors?: unknown; message?: unknown };
  const words = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join('; ') || undefined;
    if (value && typeof value === 'object')
      return (
        Object.entries(value)
          .map(([field, problems]) => `${field.replace(/_/g, ' ')} ${words(problems) ?? ''}`.trim())
          .join('; ') || undefined
      );
    return undefined;
  };
  return { message: words(error) ?? words(errors) ?? words(message) };
}

/**
 * Recruitee's statuses in its own terms. 401: the token is wrong or revoked. 403: the token is fine but its user's
 * hiring role does not allow this (the token has exactly its user's rights: docs.recruitee.com/reference/getting-started)
 * — the port names the action (`forbiddenTo`). 422: a refused body, in Recruitee's words. The rest by status.
 */
export function classifyRecruiteeError(status: number, details: VendorErrorDetails, retryAfterMs?: number): ConnectorError | undefined {
  const base = { vendor: 'Recruitee' as const, status, vendorMessage: details.message, retryAfterMs };
  if (status === 401) return new ConnectorError({ ...base, code: 'auth', message: t('tokenRejected') });
  if (status === 403) return new ConnectorError({ ...base, code: 'forbidden', message: userLacksRight(t('actionReadCandidates'), details.message) });
  if (status === 400 || status === 422)
    return new ConnectorError({
      ...base,
      code: 'invalid-request',
      transient: false,
      message: t('refused', { said: details.message ?? connectorT('noReason').trim() }),
    });
  return undefined;
}

function userLacksRight(action: string, said: string | undefined): string {
  return t('userLacksRight', { action, said: said ? connectorT('vendorSaid', { vendor: 'Recruitee', message: said }) : '' });
}

/** A 403 reworded to name what the token's user was trying to do (the one thing only the caller knows). */
export async function forbiddenTo<T>(action: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ConnectorError && error.code === 'forbidden')
      throw new ConnectorError({
        vendor: 'Recruitee',
        code: 'forbidden',
        status: error.status,
        vendorMessage: error.vendorMessage,
        message: userLacksRight(action, error.vendorMessage),
      });
    throw error;
  }
}
