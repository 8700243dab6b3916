import { db } from '../db';
import { t } from './messages';

/**
 * API keys at rest: AES-GCM with a 256-bit key generated once as non-extractable and kept in IndexedDB (the
 * browser stores the CryptoKey object; script can use it but never read its bytes). Plaintext keys exist only
 * in service-worker memory for the duration of a request.
 */

const VAULT_KEY_ID = 'vault' as const;
let cachedKey: Promise<CryptoKey> | undefined;

async function vaultKey(): Promise<CryptoKey> {
  cachedKey ??= (async () => {
    const table = db().vaultKeys;
    const existing = await table.get(VAULT_KEY_ID);
    if (existing) return existing.key;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    // Two contexts may race to create the key: keep whichever landed first.
    await db().transaction('rw', table, async () => {
      if (!(await table.get(VAULT_KEY_ID))) await table.put({ id: VAULT_KEY_ID, key });
    });
    return (await table.get(VAULT_KEY_ID))!.key;
  })();
  try {
    return await cachedKey;
  } catch (e) {
    cachedKey = undefined;
    throw e;
  }
}

/** Encrypts a secret; returns the record to store (the caller stores it with the connection, atomically). */
export async function sealSecret(plaintext: string): Promise<{ id: string; iv: Uint8Array<ArrayBuffer>; ciphertext: ArrayBuffer }> {
  const key = await vaultKey();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext));
  return { id: crypto.randomUUID(), iv, ciphertext };
}

/** Decrypts a stored secret. Throws a message without any secret material when it is missing or corrupt. */
export async function openSecret(id: string): Promise<string> {
  const record = await db().secrets.get(id);
  if (!record) throw new Error(t('missing'));
  const key = await vaultKey();
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv as Uint8Array<ArrayBuffer> }, key, record.ciphertext);
    return new TextDecoder().decode(plain);
  } catch {
    throw new Error(t('undecryptable'));
  }
}

/** "••••1234": what the UI may show of a key. */
export function maskKey(hint: string): string {
  return `••••${hint}`;
}

export function keyHint(plaintext: string): string {
  return plaintext.trim().slice(-4);
}

/** Tests only: forget the in-memory handle so a fresh database gets a fresh key. */
export function forgetVaultKeyForTests(): void {
  cachedKey = undefined;
}
