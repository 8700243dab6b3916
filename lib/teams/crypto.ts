import { base64ToBytes, bytesToBase64 } from '../pdf/base64';
import { PBKDF2_ITERATIONS, stretchPassphrase } from '../secrets/passphrase-key';

/**
 * A key in a team setup file, encrypted to a passphrase the admin tells the team: PBKDF2-SHA-256 stretches the
 * passphrase into an AES-GCM key; the file carries the salt, the IV and the iteration count, never the key.
 * AES-GCM's tag makes a wrong passphrase (or an edited file) fail to decrypt instead of giving garbage.
 */

export const SETUP_PBKDF2_ITERATIONS = PBKDF2_ITERATIONS;

export interface PassphraseSealed {
  salt: string;
  iv: string;
  ciphertext: string;
  iterations: number;
}

async function keyFrom(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', (await stretchPassphrase(passphrase, salt, iterations)) as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function sealWithPassphrase(plaintext: string, passphrase: string, iterations = SETUP_PBKDF2_ITERATIONS): Promise<PassphraseSealed> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await keyFrom(passphrase, salt, iterations);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext)));
  return { salt: bytesToBase64(salt), iv: bytesToBase64(iv), ciphertext: bytesToBase64(ciphertext), iterations };
}

/** The plaintext, or null when the passphrase is wrong or the sealed text was changed. */
export async function openWithPassphrase(sealed: PassphraseSealed, passphrase: string): Promise<string | null> {
  try {
    const key = await keyFrom(passphrase, base64ToBytes(sealed.salt), sealed.iterations);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: base64ToBytes(sealed.iv) as BufferSource }, key, base64ToBytes(sealed.ciphertext) as BufferSource);
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
