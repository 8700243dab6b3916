import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDbForTests } from '@/lib/db';
import { forgetVaultKeyForTests, keyHint, maskKey, openSecret, sealSecret } from '@/lib/secrets';

const KEY = 'fct-live-9f8e7d6c5b4a3210';

beforeEach(async () => {
  await resetDbForTests();
  forgetVaultKeyForTests();
});

describe('secrets vault', () => {
  it('encrypts a key so that the stored bytes do not contain it, and decrypts it back', async () => {
    const sealed = await sealSecret(KEY);
    await db().secrets.put(sealed);
    const stored = await db().secrets.get(sealed.id);
    const storedText = new TextDecoder().decode(stored!.ciphertext) + new TextDecoder().decode(stored!.iv);
    expect(storedText).not.toContain(KEY);
    expect(stored!.iv).toHaveLength(12);
    expect(await openSecret(sealed.id)).toBe(KEY);
  });

  it('keeps the vault key non-extractable and reuses it across sessions', async () => {
    const first = await sealSecret(KEY);
    await db().secrets.put(first);
    const vault = await db().vaultKeys.get('vault');
    expect(vault?.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', vault!.key)).rejects.toThrow();
    // A new worker (no in-memory handle) still opens what the old one sealed.
    forgetVaultKeyForTests();
    expect(await openSecret(first.id)).toBe(KEY);
  });

  it('uses a fresh IV for every secret', async () => {
    const a = await sealSecret(KEY);
    const b = await sealSecret(KEY);
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(Buffer.from(a.ciphertext).equals(Buffer.from(b.ciphertext))).toBe(false);
  });

  it('says what to do when a secret is missing or tampered with, without leaking anything', async () => {
    await expect(openSecret('nope')).rejects.toThrow('Connect the integration again');
    const sealed = await sealSecret(KEY);
    const bytes = new Uint8Array(sealed.ciphertext.slice(0));
    bytes[0] ^= 0xff;
    await db().secrets.put({ ...sealed, ciphertext: bytes.buffer });
    const error = await openSecret(sealed.id).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('could not be decrypted');
    expect((error as Error).message).not.toContain(KEY);
  });

  it('shows only the last four characters, masked', () => {
    expect(maskKey(keyHint(KEY))).toBe('••••3210');
    expect(keyHint('  abcd1234  ')).toBe('1234');
  });
});
