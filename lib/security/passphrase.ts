import { z } from 'zod/mini';
import { db } from '../db';
import { PublicError } from '../errors';
import { MIN_PASSPHRASE_LENGTH } from './intents';
import { t } from './messages';
import { base64ToBytes, bytesToBase64 } from '../pdf/base64';
import { PBKDF2_ITERATIONS, stretchPassphrase } from '../secrets/passphrase-key';

export { MIN_PASSPHRASE_LENGTH };

/**
 * The admin passphrase (SPEC §1): once set, connecting, viewing or removing integrations and changing sync rules
 * ask for it; exporting and syncing never do. Only a PBKDF2 hash is stored; an unlock lasts a short while, in
 * session storage (gone with the browser); wrong tries are slowed down, more with every miss.
 */

const RECORD_KEY = 'security.passphrase';
const SESSION_KEY = 'adminUnlockedUntil';
const FAILS_KEY = 'adminFailedTries';
export { PBKDF2_ITERATIONS };
export const UNLOCK_MINUTES = 15;

const Base64 = z.string().check(z.minLength(1), z.regex(/^[A-Za-z0-9+/]+={0,2}$/));
const PassphraseRecord = z.object({
  salt: Base64,
  hash: Base64,
  iterations: z.number().check(z.int(), z.positive(), z.lte(10_000_000)),
  setAt: z.string(),
});
type PassphraseRecord = z.infer<typeof PassphraseRecord>;

/** The stored record: none, a readable one, or one that no longer fits (which must never count as "none"). */
type StoredPassphrase = { state: 'none' } | { state: 'set'; record: PassphraseRecord } | { state: 'damaged' };

export interface SecurityStatus {
  passphraseSet: boolean;
  unlocked: boolean;
  unlockedUntil?: string;
}

const b64 = bytesToBase64;
const unb64 = base64ToBytes;
const derive = stretchPassphrase;

/** Compare without stopping at the first difference. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/**
 * Fail closed: a record that is there but unreadable (damaged storage, an edit by hand) keeps admin actions locked,
 * even inside an unlocked session; reading it as "no passphrase" would open them to anyone.
 */
async function stored(): Promise<StoredPassphrase> {
  const row = await db().settings.get(RECORD_KEY);
  if (row === undefined) return { state: 'none' };
  const parsed = PassphraseRecord.safeParse(row.value);
  if (parsed.success) return { state: 'set', record: parsed.data };
  console.warn(`Hirebridge: the stored admin passphrase could not be read (${parsed.error.issues[0]?.message ?? 'wrong shape'}); admin actions stay locked.`);
  return { state: 'damaged' };
}

export async function securityStatus(now = Date.now()): Promise<SecurityStatus> {
  const { state } = await stored();
  const set = state !== 'none';
  const until: unknown = (await browser.storage.session.get(SESSION_KEY))[SESSION_KEY];
  const unlocked = state === 'none' || (state === 'set' && typeof until === 'number' && until > now);
  return { passphraseSet: set, unlocked, unlockedUntil: set && unlocked && typeof until === 'number' ? new Date(until).toISOString() : undefined };
}

/** Throws a plain-words error unless admin actions are allowed right now. */
export async function requireAdmin(): Promise<void> {
  if ((await securityStatus()).unlocked) return;
  throw new PublicError((await stored()).state === 'damaged' ? t('damaged') : t('locked'));
}

async function grantSession(): Promise<SecurityStatus> {
  await browser.storage.session.set({ [SESSION_KEY]: Date.now() + UNLOCK_MINUTES * 60_000, [FAILS_KEY]: 0 });
  return securityStatus();
}

/** Set or change the passphrase (changing needs the current session to be unlocked). */
export async function setPassphrase(passphrase: string): Promise<SecurityStatus> {
  await requireAdmin();
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new PublicError(t('tooShort', { min: MIN_PASSPHRASE_LENGTH }));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(passphrase, salt, PBKDF2_ITERATIONS);
  await db().settings.put({ key: RECORD_KEY, value: { salt: b64(salt), hash: b64(hash), iterations: PBKDF2_ITERATIONS, setAt: new Date().toISOString() } satisfies PassphraseRecord });
  return grantSession();
}

/** Each wrong try waits longer before answering: 0.5 s, 1 s, 2 s … up to 30 s. */
export function failureDelayMs(failedTries: number): number {
  return failedTries <= 0 ? 0 : Math.min(30_000, 250 * 2 ** failedTries);
}

export async function unlock(passphrase: string, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<SecurityStatus> {
  const current = await stored();
  if (current.state === 'none') return securityStatus();
  if (current.state === 'damaged') throw new PublicError(t('damaged'));
  const { record } = current;
  const counted: unknown = (await browser.storage.session.get(FAILS_KEY))[FAILS_KEY];
  const fails = typeof counted === 'number' && Number.isInteger(counted) && counted > 0 ? counted : 0;
  await sleep(failureDelayMs(fails));
  const hash = await derive(passphrase, unb64(record.salt), record.iterations);
  if (!sameBytes(hash, unb64(record.hash))) {
    await browser.storage.session.set({ [FAILS_KEY]: fails + 1 });
    throw new PublicError(t('wrong'));
  }
  return grantSession();
}

export async function lock(): Promise<SecurityStatus> {
  await browser.storage.session.remove(SESSION_KEY);
  return securityStatus();
}

/** Remove the passphrase (needs an unlocked session): admin actions are open again. */
export async function removePassphrase(): Promise<SecurityStatus> {
  await requireAdmin();
  await db().settings.delete(RECORD_KEY);
  await browser.storage.session.remove(SESSION_KEY);
  return securityStatus();
}
