/**
 * UI text in English and Spanish, following the browser's language (`navigator.language`, which is what a
 * browser's language setting — and Playwright's `locale` — changes in every extension context). Each surface
 * declares its own messages next to its code with `defineMessages`, so a bundle carries only its own text (the
 * ATS-page script stays small). Values are inserted as text; callers render results as text, never as HTML.
 */

export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

let override: Language | undefined;
/** Tests: force a language. */
export function setLanguageForTests(language: Language | undefined): void {
  override = language;
}

export function currentLanguage(): Language {
  if (override) return override;
  const tag = (globalThis.navigator?.language ?? 'en').toLowerCase();
  return tag.startsWith('es') ? 'es' : 'en';
}

type Vars = Record<string, string | number>;

/**
 * `en` is the source; `es` must have every key (the type checker says which are missing). `{name}` marks a
 * value filled in at run time.
 */
export function defineMessages<const E extends Record<string, string>>(messages: { en: E; es: { [K in keyof E]: string } }) {
  function t(key: keyof E, vars?: Vars): string {
    const text = messages[currentLanguage()][key] ?? messages.en[key];
    return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
  }
  // The dictionaries too, so a unit test can check both languages name the same placeholders.
  return Object.assign(t, { messages: messages as { en: E; es: Record<keyof E, string> } });
}

/** Dates and times in the UI's language. */
export function formatDateTime(iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return new Date(iso).toLocaleString(currentLanguage() === 'es' ? 'es-ES' : 'en-GB', options);
}
