/**
 * The one way a passphrase becomes key material: PBKDF2-SHA-256 over the passphrase in Unicode NFC, 256 bits. Used
 * for the admin passphrase's stored hash (lib/security) and a team setup file's key (lib/teams: AES-GCM from these
 * bits, what deriveKey with PBKDF2 → AES-GCM-256 gives too, so files sealed before open the same).
 */
export const PBKDF2_ITERATIONS = 310_000;

export async function stretchPassphrase(passphrase: string, salt: Uint8Array, iterations: number = PBKDF2_ITERATIONS): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, material, 256);
  return new Uint8Array(bits);
}
