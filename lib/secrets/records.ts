import type { EntityTable } from 'dexie';
import { z } from 'zod/mini';

/** The vault's rows (`secrets`, `vaultKeys`), owned here: only the vault reads them. */

/** An API key, AES-GCM encrypted with the vault key. */
export const SecretRecord = z.object({ id: z.string(), iv: z.instanceof(Uint8Array), ciphertext: z.instanceof(ArrayBuffer) });
export type SecretRecord = z.infer<typeof SecretRecord>;

/** The non-extractable vault key. IndexedDB stores CryptoKey objects without exposing their bytes. */
export const VaultKeyRecord = z.object({ id: z.literal('vault'), key: z.custom<CryptoKey>((value) => typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) });
export type VaultKeyRecord = z.infer<typeof VaultKeyRecord>;

declare module '../db/tables' {
  interface Tables {
    secrets: EntityTable<SecretRecord, 'id'>;
    vaultKeys: EntityTable<VaultKeyRecord, 'id'>;
  }
}
