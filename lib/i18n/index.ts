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

/**
 * A schema's error param whose text is looked up when a value is validated (zod's function form), so it is in the
 * UI's language at that time, not at import time: `const says = saysFrom(t)`, then `.min(1, says('nameMissing'))`.
 */
export function saysFrom<K extends string>(t: (key: K) => string): (key: K) => { error: () => string } {
  return (key) => ({ error: () => t(key) });
}

/**
 * The UI's one way of writing a moment, per language: "1 Dec 2026, 18:53" and "1 dic 2026, 18:53" (a date, a
 * 24-hour time, or both). Every surface renders dates through here, so the options page, the popup, the dialogs
 * and the activity log never disagree. Something that is not a date is shown as it came.
 */
export type DateForm = 'date' | 'time' | 'dateTime';
const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
// Spelled out rather than `timeStyle`, which writes "8:05" in Spanish but "08:05" in British English.
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE_FORMS: Record<DateForm, Intl.DateTimeFormatOptions> = { date: DAY, time: CLOCK, dateTime: { ...DAY, ...CLOCK } };
const LOCALES: Record<Language, string> = { en: 'en-GB', es: 'es-ES' };
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(iso: string, form: DateForm = 'dateTime'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const language = currentLanguage();
  const id = `${language}:${form}`;
  let formatter = formatters.get(id);
  if (!formatter) formatters.set(id, (formatter = new Intl.DateTimeFormat(LOCALES[language], DATE_FORMS[form])));
  return formatter.format(date);
}
