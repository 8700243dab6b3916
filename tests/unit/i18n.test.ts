import { afterEach, describe, expect, it } from 'vitest';
import { errorForStatus } from '@/lib/connectors/http';
import { setLanguageForTests } from '@/lib/i18n';
import { ConnectInput } from '@/lib/messaging/intents/connections';
import { ExportFields } from '@/lib/messaging/intents/export';
import { SettingsSchema } from '@/lib/settings/schema';

type Dictionaries = { en: Record<string, string>; es: Record<string, string> };
const modules = import.meta.glob<{ t: { messages: Dictionaries } }>(['/lib/**/*messages.ts', '/components/**/*messages.ts'], { eager: true });

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const VALID = { firstName: 'Lucas', lastName: 'Moreau', email: 'lucas@example.com', phone: '', startDate: '2026-12-01', jobTitle: '', legalEntityId: '1', teamId: '', locationId: '' };

afterEach(() => setLanguageForTests(undefined));

describe('UI text in English and Spanish', () => {
  it('every message module has Spanish for every key, with the same placeholders', () => {
    const found = Object.entries(modules);
    expect(found.length).toBeGreaterThanOrEqual(15);
    for (const [path, { t }] of found) {
      for (const [key, en] of Object.entries(t.messages.en)) {
        const es = t.messages.es[key];
        expect(es?.trim(), `${path} ${key}`).toBeTruthy();
        expect(placeholders(es), `${path} ${key}`).toEqual(placeholders(en));
      }
    }
  });

  it('validation messages follow the language at validation time, not at import time', () => {
    const email = (value: string) => ExportFields.safeParse({ ...VALID, email: value }).error?.issues[0]?.message;
    expect(email('lucas@')).toBe('Enter a valid email address, like name@example.com.');
    setLanguageForTests('es');
    expect(email('lucas@')).toBe('Introduce un correo electrónico válido, como nombre@example.com.');
    expect(ExportFields.safeParse({ ...VALID, startDate: '2027-02-30' }).error?.issues[0]?.message).toBe('Esta fecha no existe.');
    expect(ConnectInput.safeParse({ provider: 'factorial-hr', environment: 'production', apiKey: '' }).error?.issues[0]?.message).toBe('Pega la clave de API.');
    expect(SettingsSchema.shape.retentionDays.safeParse(0).error?.issues[0]?.message).toBe('Conserva los datos al menos 1 día.');
    setLanguageForTests('en');
    expect(email('lucas@')).toBe('Enter a valid email address, like name@example.com.');
  });

  it('a rejected key says so in the UI language, and still names the API key', () => {
    expect(errorForStatus('Factorial', 401, {}).message).toBe('The API key was rejected by Factorial. Make sure it was copied completely and has not expired.');
    setLanguageForTests('es');
    expect(errorForStatus('Factorial', 401, {}).message).toBe('Factorial ha rechazado la clave de API. Comprueba que la has copiado entera y que no ha caducado.');
    expect(errorForStatus('Kombo', 422, { message: 'bad email' }).message).toBe('Kombo no ha aceptado la solicitud. Respuesta de Kombo: bad email');
  });
});
