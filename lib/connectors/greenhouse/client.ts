import type { z } from 'zod/mini';
import { ConnectorError } from '../errors';
import { createHttpClient, type HttpHooks, type RequestOptions } from '../http';
import type { DirectAtsCredentials } from '../direct';
import { classifyGreenhouseError, classifyTokenError, namingScope, readGreenhouseError } from './errors';
import { readGreenhouseLimits } from './limits';
import { t } from './messages';
import { Token } from './schemas';

/** Greenhouse's production API and its token endpoint (harvestdocs.greenhouse.io/docs/authentication). */
export const GREENHOUSE_API = 'https://harvest.greenhouse.io/v3';
export const GREENHOUSE_TOKEN_URL = 'https://auth.greenhouse.io/token';
/** "Access Token: 1 hour" (harvestdocs …/harvest-partner-oauth): used when the answer names no lifetime. */
export const TOKEN_LIFETIME_MS = 60 * 60_000;
/** A token is renewed this long before it expires, so no request carries one that dies on the way. */
export const TOKEN_MARGIN_MS = 60_000;

/**
 * Where a base URL gets its token: production's from auth.greenhouse.io; any other base (the sandbox) from
 * `<base without /v3>/token`, as auth.greenhouse.io/token stands beside harvest.greenhouse.io/v3.
 */
export function tokenUrlFor(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (new URL(base).host === 'harvest.greenhouse.io') return GREENHOUSE_TOKEN_URL;
  return `${base.replace(/\/v3$/, '')}/token`;
}

/**
 * Access tokens, in this worker's memory only (never stored, never logged), keyed by token endpoint and Client ID.
 * The secret is kept beside its token only to tell a changed secret from the one the token was got with.
 */
interface CachedToken {
  secret: string;
  token?: string;
  expiresAt: number;
  pending?: Promise<string>;
}
const tokens = new Map<string, CachedToken>();

/** Forget every token (tests; a disconnect). */
export function clearGreenhouseTokens(): void {
  tokens.clear();
}

const basic = (clientId: string, secret: string) => `Basic ${btoa(unescape(encodeURIComponent(`${clientId}:${secret}`)))}`;

export function createGreenhouseClient(creds: DirectAtsCredentials, hooks?: HttpHooks) {
  const clientId = (creds.accountId ?? '').trim();
  const secret = creds.secret.trim();
  const tokenUrl = tokenUrlFor(creds.baseUrl);
  const key = `${tokenUrl}|${clientId}`;
  /** Values no message may show: the secret, and each access token once known (read when an error is written). */
  const secrets = [secret, clientId ? basic(clientId, secret) : ''];

  const auth = createHttpClient({
    vendor: 'Greenhouse',
    baseUrl: tokenUrl,
    headers: {},
    secrets,
    hooks,
    readError: readGreenhouseError,
    classify: classifyTokenError,
  });

  async function fetchToken(): Promise<string> {
    if (!clientId) throw new ConnectorError({ vendor: 'Greenhouse', code: 'auth', transient: false, message: t('credentialRejected') });
    const answer = await auth.request(Token, '', {
      method: 'POST',
      url: tokenUrl,
      headers: { authorization: basic(clientId, secret), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    const expiresAt = answer.expires_in
      ? Date.now() + answer.expires_in * 1000
      : answer.expires_at && !Number.isNaN(Date.parse(answer.expires_at))
        ? Date.parse(answer.expires_at)
        : Date.now() + TOKEN_LIFETIME_MS;
    secrets.push(answer.access_token);
    tokens.set(key, { secret, token: answer.access_token, expiresAt });
    return answer.access_token;
  }

  /** The cached token while it has more than the margin left; else one request for a new one, shared by all callers. */
  async function accessToken(): Promise<string> {
    const cached = tokens.get(key);
    if (cached && cached.secret === secret) {
      if (cached.token && Date.now() < cached.expiresAt - TOKEN_MARGIN_MS) {
        if (!secrets.includes(cached.token)) secrets.push(cached.token);
        return cached.token;
      }
      if (cached.pending) return cached.pending;
    }
    const pending = fetchToken().catch((error) => {
      if (tokens.get(key)?.pending === pending) tokens.delete(key);
      throw error;
    });
    tokens.set(key, { secret, expiresAt: 0, pending });
    return pending;
  }

  const api = createHttpClient({
    vendor: 'Greenhouse',
    baseUrl: creds.baseUrl,
    headers: async () => ({ authorization: `Bearer ${await accessToken()}` }),
    secrets,
    hooks,
    readError: readGreenhouseError,
    readLimits: readGreenhouseLimits,
    classify: classifyGreenhouseError,
  });

  /**
   * One Harvest call. `scope` is the permission it needs, named in a 403 that does not name one. A 401 on a cached
   * token (revoked early, or the clock was off) gets one new token and one more try; a second 401 is the credential.
   */
  async function call<S extends z.ZodMiniType>(schema: S, path: string, scope: string, init: RequestOptions = {}) {
    const hadToken = !!tokens.get(key)?.token;
    try {
      try {
        return await api.exchange(schema, path, init);
      } catch (error) {
        if (!hadToken || !(error instanceof ConnectorError) || error.code !== 'auth' || error.status !== 401) throw error;
        tokens.delete(key);
        return await api.exchange(schema, path, init);
      }
    } catch (error) {
      throw error instanceof ConnectorError ? namingScope(error, scope) : error;
    }
  }

  return { call, baseUrl: api.baseUrl, accessToken };
}
