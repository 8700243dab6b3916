import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db, resetDbForTests } from '@/lib/db';
import { failureDelayMs, lock, requireAdmin, securityStatus, setPassphrase, unlock } from '@/lib/security';

describe('admin passphrase', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
  });

  it('is open until a passphrase is set, then locks and unlocks', async () => {
    await expect(requireAdmin()).resolves.toBeUndefined();
    await expect(setPassphrase('too short')).rejects.toThrow('at least 10');
    expect(await setPassphrase('correct horse battery')).toMatchObject({ passphraseSet: true, unlocked: true });
    await lock();
    await expect(requireAdmin()).rejects.toThrow('admin passphrase');
    await expect(setPassphrase('another passphrase')).rejects.toThrow('admin passphrase');
    expect((await unlock('correct horse battery', async () => {})).unlocked).toBe(true);
    await expect(requireAdmin()).resolves.toBeUndefined();
  });

  it('waits longer after every wrong try, and forgets the count after a right one', async () => {
    await setPassphrase('correct horse battery');
    await lock();
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    for (let i = 0; i < 3; i++) await expect(unlock('wrong one, sorry', sleep)).rejects.toThrow('not right');
    await unlock('correct horse battery', sleep);
    await lock();
    await unlock('correct horse battery', sleep);
    expect(waits).toEqual([0, 500, 1000, 2000, 0]);
    expect(failureDelayMs(20)).toBe(30_000);
    expect((await securityStatus()).unlocked).toBe(true);
  });

  it('fails closed: an unreadable passphrase record keeps admin actions locked, even in an unlocked session', async () => {
    await setPassphrase('correct horse battery');
    expect((await securityStatus()).unlocked).toBe(true);
    for (const damaged of [null, 'not a record', { salt: 'AAAA', iterations: 310_000 }, { salt: '', hash: 'AAAA', iterations: -1, setAt: 'x' }]) {
      await db().settings.put({ key: 'security.passphrase', value: damaged });
      expect(await securityStatus()).toMatchObject({ passphraseSet: true, unlocked: false });
      await expect(requireAdmin()).rejects.toThrow('cannot be read, so admin settings stay locked');
      await expect(unlock('correct horse battery', async () => {})).rejects.toThrow('cannot be read');
      await expect(setPassphrase('a brand new passphrase')).rejects.toThrow('cannot be read');
      expect((await db().settings.get('security.passphrase'))?.value).toEqual(damaged);
    }
  });
});
