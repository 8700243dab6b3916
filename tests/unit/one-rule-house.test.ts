import { describe, expect, it } from 'vitest';
import { ExportFields } from '@/lib/export/intents';
import { SyncFields } from '@/lib/sourcing/intents';
import { EmailField, FirstNameField, LastNameField, PhoneField } from '@/lib/people/fields';
import { setLanguageForTests } from '@/lib/i18n';
import { isRealDay } from '@/lib/people';
import { openWithPassphrase } from '@/lib/teams/crypto';
import { bytesToBase64 } from '@/lib/pdf/base64';
import { PROVIDER_NAMES } from '@/lib/connections/intents';
import { Provider } from '@/lib/connections/records';

/** Rules that were written more than once (issue 24): each is now one, and what was stored under the old copies still reads. */
describe('one rule per fact', () => {
  it('a real day: the one check behind the export form, its custom date fields and the worker', () => {
    for (const day of ['2027-02-28', '2028-02-29', '2026-12-31']) expect(isRealDay(day)).toBe(true);
    for (const day of ['2027-02-30', '2027-02-29', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-1', '']) expect(isRealDay(day)).toBe(false);
    const base = { firstName: 'A', lastName: 'B', email: 'a@example.com', legalEntityId: '1' };
    expect(ExportFields.safeParse({ ...base, startDate: '2027-02-30' }).success).toBe(false);
    expect(ExportFields.safeParse({ ...base, startDate: '2027-02-28', trialPeriodEndsOn: '2027-02-29' }).success).toBe(false);
    expect(ExportFields.safeParse({ ...base, startDate: '2027-02-28', trialPeriodEndsOn: '2027-08-28' }).success).toBe(true);
  });

  it('a phone: Export to FactorialHR and Sync to ATS take the same ones', () => {
    expect(ExportFields.shape.phone).toBe(PhoneField);
    expect(SyncFields.shape.phone).toBe(PhoneField);
    expect(PhoneField.safeParse('+34 (91) 123-45.67').success).toBe(true);
    expect(PhoneField.safeParse('call me').success).toBe(false);
  });

  it('a name and an email: Export to FactorialHR and Sync to ATS take the same ones, and say so in the UI language', () => {
    for (const fields of [ExportFields, SyncFields]) {
      expect(fields.shape.firstName).toBe(FirstNameField);
      expect(fields.shape.lastName).toBe(LastNameField);
      expect(fields.shape.email).toBe(EmailField);
    }
    expect(FirstNameField.safeParse('  ').error?.issues[0].message).toBe('Enter the first name.');
    setLanguageForTests('es');
    try {
      expect(EmailField.safeParse('not an address').error?.issues[0].message).toBe('Introduce un correo electrónico válido, como nombre@example.com.');
    } finally {
      setLanguageForTests(undefined);
    }
  });

  it("the providers people see named are exactly the stored connection's", () => {
    expect(Object.keys(PROVIDER_NAMES).sort()).toEqual([...Provider.options].sort());
  });

  it('a team setup file sealed with the earlier key derivation (PBKDF2 → AES-GCM deriveKey) still opens', async () => {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const iterations = 1000;
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode('correct horse'.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
    ]);
    const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode('the team key')));
    const sealed = { salt: bytesToBase64(salt), iv: bytesToBase64(iv), ciphertext: bytesToBase64(ciphertext), iterations };
    expect(await openWithPassphrase(sealed, 'correct horse')).toBe('the team key');
    expect(await openWithPassphrase(sealed, 'wrong horse')).toBeNull();
  });
});
