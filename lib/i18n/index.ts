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
 *
 * In the build that holds the service worker, the build writes each of lib/'s Spanish halves into a JSON file of the
 * package and leaves the dictionary's id in its place (lib/i18n/build.ts): `es` is then that id, and its texts come
 * with `loadTexts()`. Until they have come (or when they cannot), `t()` answers in English.
 */
export function defineMessages<const E extends Record<string, string>>(messages: { en: E; es: { [K in keyof E]: string } }) {
  if (typeof (messages.es as unknown) === 'string') messages.es = spanishOf(messages.es as unknown as string) as typeof messages.es;
  function t(key: keyof E, vars?: Vars): string {
    const text = messages[currentLanguage()][key] ?? messages.en[key];
    return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
  }
  // The dictionaries too, so a unit test can check both languages name the same placeholders.
  return Object.assign(t, { messages: messages as { en: E; es: Record<keyof E, string> } });
}

/** The file of the package that holds the Spanish halves the build took out (lib/i18n/build.ts), by dictionary id. */
export const SPANISH_TEXTS_FILE = 'i18n/es.json';

/** The Spanish halves that live in SPANISH_TEXTS_FILE, by id: empty until loadTexts() fills them in place. */
const spanishHalves = new Map<string, Record<string, string>>();
function spanishOf(id: string): Record<string, string> {
  let half = spanishHalves.get(id);
  if (!half) spanishHalves.set(id, (half = {}));
  return half;
}

/**
 * True in the build that took lib/'s Spanish out (`define`d by lib/i18n/build.ts's plugin), absent elsewhere (content
 * scripts, unit tests). A page of that build may import a dictionary only later (the options page loads the connect
 * form's schema after its first paint), so whether to fetch cannot be told from the dictionaries registered so far.
 */
declare const __HIREBRIDGE_SPANISH_AS_DATA__: boolean | undefined;
const spanishAsData = typeof __HIREBRIDGE_SPANISH_AS_DATA__ !== 'undefined' && __HIREBRIDGE_SPANISH_AS_DATA__ === true;

let loading: Promise<void> | undefined;
let reportFailure: (error: unknown) => unknown = (error) => console.error('Hirebridge: the Spanish texts could not be loaded; showing English.', error);

/**
 * Where a failed load is reported, once (the worker: the activity log's unexpected-error entry, entrypoints/background.ts).
 * Until set: the console.
 */
export function onTextsFailure(report: (error: unknown) => unknown): void {
  reportFailure = report;
}

/**
 * Resolves once every text this context may show is in its language: at once in English, or where no dictionary's
 * Spanish was taken out of the bundle (content scripts, unit tests); in Spanish, after one fetch of
 * SPANISH_TEXTS_FILE from the extension's own package (data, not code: no eval, fine under the extension's CSP),
 * made once per context. Never rejects: a missing or unreadable file leaves English, reported once (onTextsFailure).
 * Whatever renders text in the worker at a start waits for it (lib/messaging/server.ts, the alarms' listeners).
 */
export function loadTexts(): Promise<void> {
  if ((!spanishAsData && spanishHalves.size === 0) || currentLanguage() !== 'es') return Promise.resolve();
  return (loading ??= fetchSpanish().catch(async (error: unknown) => {
    try {
      await reportFailure(error);
    } catch {
      // Nowhere left to report it: English is shown, which is all that can be done.
    }
  }));
}

async function fetchSpanish(): Promise<void> {
  // Relative to this context's own origin: only the worker and the extension's pages have halves to load, and each
  // is served from the package (runtime.getURL would pull webextension-polyfill into pages that use no other API).
  const response = await fetch(`/${SPANISH_TEXTS_FILE}`);
  if (!response.ok) throw new Error(`${SPANISH_TEXTS_FILE}: HTTP ${response.status}`);
  const texts: unknown = await response.json();
  if (!isTextsFile(texts)) throw new Error(`${SPANISH_TEXTS_FILE} is not a map of dictionaries of texts.`);
  for (const [id, half] of Object.entries(texts)) Object.assign(spanishOf(id), half);
}

/** `{ [id]: { [key]: text } }`, checked by hand: zod is not for this room (the content scripts carry lib/i18n). */
function isTextsFile(value: unknown): value is Record<string, Record<string, string>> {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return isObject(value) && Object.values(value).every((half) => isObject(half) && Object.values(half).every((text) => typeof text === 'string'));
}

/** Wraps an event listener so it runs once the texts are in (loadTexts): for what a worker start may render text in. */
export function afterTexts<A extends unknown[]>(listener: (...args: A) => unknown): (...args: A) => void {
  return (...args) => void loadTexts().then(() => listener(...args));
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
