import { afterEach, describe, expect, it } from 'vitest';
import { errorForStatus } from '@/lib/connectors/http';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatDateTime, setLanguageForTests } from '@/lib/i18n';
import { ConnectInput } from '@/lib/connections/intents';
import { ExportFields } from '@/lib/export/intents';
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

/** Every TypeScript source file of the extension (not the sandbox: its demo pages are not Hirebridge's UI). */
function extensionSources(): string[] {
  const root = resolve(import.meta.dirname, '../..');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [relative(root, join(dir, entry.name))] : [],
    );
  return ['lib', 'components', 'entrypoints'].flatMap((dir) => walk(join(root, dir)));
}

describe('dates: one format per language, everywhere', () => {
  // Built from local time, so the clock reads the same whatever the machine's time zone.
  const morning = new Date(2026, 11, 1, 8, 5).toISOString();
  const evening = new Date(2026, 8, 14, 18, 53).toISOString();

  it('writes a date, a 24-hour time, or both, the same way in each language', () => {
    expect([formatDateTime(morning), formatDateTime(morning, 'date'), formatDateTime(morning, 'time')]).toEqual(['1 Dec 2026, 08:05', '1 Dec 2026', '08:05']);
    expect(formatDateTime(evening, 'time')).toBe('18:53');
    setLanguageForTests('es');
    expect([formatDateTime(morning), formatDateTime(morning, 'date'), formatDateTime(morning, 'time')]).toEqual(['1 dic 2026, 08:05', '1 dic 2026', '08:05']);
    expect(formatDateTime(evening, 'dateTime')).toBe('14 sept 2026, 18:53');
  });

  it('shows something that is not a date as it came, rather than "Invalid Date"', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('no surface formats a date on its own: every one goes through lib/i18n', () => {
    const own = /\.toLocale(Date|Time)?String\(|Intl\.DateTimeFormat/;
    const offenders = extensionSources().filter((file) => file !== join('lib', 'i18n', 'index.ts') && own.test(readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8')));
    // The PDF profile is a document, not the UI: it writes UTC on purpose ("2024-05-01 14:32 UTC").
    expect(offenders.filter((file) => !file.startsWith(join('lib', 'pdf')))).toEqual([]);
  });
});
