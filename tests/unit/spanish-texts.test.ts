import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dictionaryId, spanishTextsAsData, takeSpanishOut, type SpanishTexts } from '@/lib/i18n/build';
import type { IntentTable } from '@/lib/messaging/protocol';
import type { IntentHandlers } from '@/lib/messaging/server';

/**
 * The worker carries English only: the build takes lib/'s Spanish halves out into i18n/es.json (lib/i18n/build.ts),
 * and a Spanish browser loads them before the worker says anything (loadTexts).
 */

const ROOT = resolve(import.meta.dirname, '../..');

/** lib/'s modules that define a dictionary (the build's transform looks at the same ones). */
function libDictionaries(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [relative(ROOT, join(dir, entry.name))] : [],
    );
  return walk(join(ROOT, 'lib')).filter((path) => !path.startsWith('lib/i18n/') && readFileSync(join(ROOT, path), 'utf8').includes('defineMessages('));
}

/** The object literal of `defineMessages({ … })`'s one property, as written. */
function propertyText(source: string, name: 'en' | 'es'): string | undefined {
  const file = ts.createSourceFile('m.ts', source, ts.ScriptTarget.Latest, true);
  let found: string | undefined;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineMessages' && ts.isObjectLiteralExpression(node.arguments[0])) {
      const property = node.arguments[0].properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(file) === name) as ts.PropertyAssignment | undefined;
      found = property?.initializer.getText(file);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the build step: Spanish out of the worker, into one JSON', () => {
  it("takes every Spanish text of every lib/ dictionary, and leaves each one's English as written", async () => {
    const paths = libDictionaries();
    expect(paths.length).toBeGreaterThanOrEqual(25);
    for (const path of paths) {
      const source = readFileSync(join(ROOT, path), 'utf8');
      const id = dictionaryId(join(ROOT, path), ROOT)!;
      expect(id, path).toBe(path.replace(/\.ts$/, ''));
      const taken = takeSpanishOut(source, id)!;
      const { t } = (await import(/* @vite-ignore */ `/${path}`)) as { t: { messages: { en: Record<string, string>; es: Record<string, string> } } };
      // Every key's Spanish, exactly what the source says (the module as the unit tests load it keeps it inline).
      expect(taken.spanish, path).toEqual(t.messages.es);
      expect(Object.keys(taken.spanish).sort(), path).toEqual(Object.keys(t.messages.en).sort());
      // The English stays, character for character; the Spanish half is now the dictionary's id.
      expect(propertyText(taken.code, 'en'), path).toBe(propertyText(source, 'en'));
      expect(propertyText(taken.code, 'es'), path).toBe(JSON.stringify(id));
      for (const text of Object.values(taken.spanish)) if (!Object.values(t.messages.en).includes(text)) expect(taken.code, `${path}: ${text}`).not.toContain(text);
    }
  });

  it('names only lib/ modules, never lib/i18n itself, the pages (components/) or a dependency', () => {
    expect(dictionaryId('/repo/lib/jobs/messages.ts', '/repo')).toBe('lib/jobs/messages');
    expect(dictionaryId('/repo/lib/connectors/kombo/messages.ts?v=1', '/repo/')).toBe('lib/connectors/kombo/messages');
    expect(dictionaryId('/repo/lib/i18n/index.ts', '/repo')).toBeUndefined();
    expect(dictionaryId('/repo/components/options/messages.ts', '/repo')).toBeUndefined();
    expect(dictionaryId('/repo/node_modules/zod/v4/locales/es.js', '/repo')).toBeUndefined();
    expect(dictionaryId('/elsewhere/lib/jobs/messages.ts', '/repo')).toBeUndefined();
  });

  it('refuses Spanish that is not plain text, naming the module and the key', () => {
    const computed = "import { defineMessages } from '../i18n';\nconst name = 'x';\nexport const t = defineMessages({ en: { a: 'A', b: 'B' }, es: { a: 'a', b: `${name}` } });\n";
    expect(() => takeSpanishOut(computed, 'lib/x/messages')).toThrow('lib/x/messages: the Spanish text b is not a plain string literal');
    const spread = "export const t = defineMessages({ en: { a: 'A' }, es: { ...other } });\n";
    expect(() => takeSpanishOut(spread, 'lib/x/messages')).toThrow('lib/x/messages: the Spanish text ...other is not a plain string literal');
    const shared = "export const t = defineMessages({ en: { a: 'A' }, es: spanish });\n";
    expect(() => takeSpanishOut(shared, 'lib/x/messages')).toThrow('lib/x/messages: defineMessages needs an object literal with an `es: { … }` object');
    const twice = "export const a = defineMessages({ en: { a: 'A' }, es: { a: 'a' } });\nexport const b = defineMessages({ en: { b: 'B' }, es: { b: 'b' } });\n";
    expect(() => takeSpanishOut(twice, 'lib/x/messages')).toThrow('lib/x/messages: one defineMessages per module');
    expect(takeSpanishOut("export const x = 'no dictionary here';\n", 'lib/x/other')).toBeUndefined();
  });

  it('the plugin writes one JSON of every dictionary the build holds, sorted by id, and leaves other modules alone', () => {
    const plugin = spanishTextsAsData('/repo');
    const call = <A extends unknown[]>(hook: unknown, context: object, ...args: A) => (hook as (...a: A) => unknown).call(context, ...args);
    const emitted: { fileName: string; source: string }[] = [];
    const context = { emitFile: (file: { fileName: string; source: string }) => emitted.push(file) };
    const jobs = "import { defineMessages } from '../i18n';\nexport const t = defineMessages({ en: { pulled: 'Pulled {n}' }, es: { pulled: 'Importadas {n}' } });\n";
    const activity = "export const t = defineMessages({ en: { oops: 'Oops' }, es: { 'oops': \"¡Ay! \\\"sí\\\"\" } });\n";
    const rewritten = call(plugin.transform, context, jobs, '/repo/lib/jobs/messages.ts') as { code: string };
    expect(rewritten.code).toBe("import { defineMessages } from '../i18n';\nexport const t = defineMessages({ en: { pulled: 'Pulled {n}' }, es: \"lib/jobs/messages\" });\n");
    call(plugin.transform, context, activity, '/repo/lib/activity/messages.ts');
    expect(call(plugin.transform, context, jobs, '/repo/components/popup/messages.ts')).toBeNull();
    expect(call(plugin.transform, context, 'export const x = 1;', '/repo/lib/jobs/pull.ts')).toBeNull();
    call(plugin.generateBundle, context);
    expect(emitted.map((file) => file.fileName)).toEqual(['i18n/es.json']);
    const texts = JSON.parse(emitted[0].source) as SpanishTexts;
    expect(Object.keys(texts)).toEqual(['lib/activity/messages', 'lib/jobs/messages']);
    expect(texts).toEqual({ 'lib/activity/messages': { oops: '¡Ay! "sí"' }, 'lib/jobs/messages': { pulled: 'Importadas {n}' } });
  });

  it("two builds sharing their texts (Chrome's worker, built alone, and the pages) each write the file with both builds' texts", () => {
    const shared = new Map<string, Record<string, string>>();
    const call = <A extends unknown[]>(hook: unknown, context: object, ...args: A) => (hook as (...a: A) => unknown).call(context, ...args);
    const written: string[] = [];
    const context = { emitFile: (file: { source: string }) => written.push(file.source) };
    const worker = spanishTextsAsData('/repo', shared);
    const pages = spanishTextsAsData('/repo', shared);
    call(worker.transform, context, "export const t = defineMessages({ en: { a: 'A' }, es: { a: 'Á' } });\n", '/repo/lib/jobs/messages.ts');
    call(worker.generateBundle, context);
    call(pages.transform, context, "export const t = defineMessages({ en: { b: 'B' }, es: { b: 'Bé' } });\n", '/repo/lib/export/messages.ts');
    call(pages.generateBundle, context);
    expect(JSON.parse(written[0])).toEqual({ 'lib/jobs/messages': { a: 'Á' } });
    // The last file written, the one in the package, holds both builds' dictionaries.
    expect(JSON.parse(written[1])).toEqual({ 'lib/export/messages': { b: 'Bé' }, 'lib/jobs/messages': { a: 'Á' } });
  });
});

describe('the loader (loadTexts): Spanish before the worker says anything', () => {
  // A fresh lib/i18n each time: which texts are loaded is a context's state, once per worker start.
  const fresh = async () => {
    vi.resetModules();
    const i18n = await import('@/lib/i18n');
    // A dictionary as the worker's build leaves it: the Spanish half is its id.
    const t = i18n.defineMessages({ en: { hello: 'Hello', gone: 'Gone {name}' }, es: 'lib/test/messages' as never });
    return { i18n, t };
  };
  const FILE = { 'lib/test/messages': { hello: 'Hola', gone: 'Se fue {name}' }, 'lib/other/messages': { x: 'equis' } };
  const answering = (body: unknown, status = 200) => vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));
  /** A fetch that answers when the test says so. */
  const held = () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetch = vi.fn(async () => (await gate, new Response(JSON.stringify(FILE))));
    return { fetch, release };
  };
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('a Spanish browser fetches the file once, from the package, and then speaks Spanish', async () => {
    const { i18n, t } = await fresh();
    i18n.setLanguageForTests('es');
    const fetch = answering(FILE);
    vi.stubGlobal('fetch', fetch);
    expect(t('hello')).toBe('Hello'); // not in yet: English, never a key or an empty string
    await i18n.loadTexts();
    expect(t('hello')).toBe('Hola');
    expect(t('gone', { name: 'Ana' })).toBe('Se fue Ana');
    await i18n.loadTexts();
    expect(fetch).toHaveBeenCalledOnce();
    expect(fetch).toHaveBeenCalledWith('/i18n/es.json'); // from the package, relative to the worker's or page's own origin
    // A dictionary registered after the load (a module imported later) gets its Spanish too.
    const later = i18n.defineMessages({ en: { x: 'ex' }, es: 'lib/other/messages' as never });
    expect(later('x')).toBe('equis');
  });

  it('an English browser fetches nothing', async () => {
    const { i18n, t } = await fresh();
    i18n.setLanguageForTests('en');
    const fetch = answering(FILE);
    vi.stubGlobal('fetch', fetch);
    await i18n.loadTexts();
    expect(fetch).not.toHaveBeenCalled();
    expect(t('hello')).toBe('Hello');
  });

  it('a page of the build that took the Spanish out fetches it even before any lib/ dictionary has registered: one imported later speaks Spanish', async () => {
    // The options page's start bundle holds no lib/ dictionary; the connect form's schema (its messages) loads after
    // the first paint. Without the build's mark, loadTexts() saw no dictionary, fetched nothing, and the form's
    // checks stayed English in a Spanish browser.
    vi.stubGlobal('__HIREBRIDGE_SPANISH_AS_DATA__', true);
    vi.resetModules();
    const i18n = await import('@/lib/i18n');
    i18n.setLanguageForTests('es');
    const fetch = answering(FILE);
    vi.stubGlobal('fetch', fetch);
    await i18n.loadTexts();
    expect(fetch).toHaveBeenCalledOnce();
    const later = i18n.defineMessages({ en: { hello: 'Hello', gone: 'Gone {name}' }, es: 'lib/test/messages' as never });
    expect(later('hello')).toBe('Hola');
  });

  it('a bundle that kept its Spanish inline (content scripts, unit tests) fetches nothing', async () => {
    vi.resetModules();
    const i18n = await import('@/lib/i18n');
    const t = i18n.defineMessages({ en: { hello: 'Hello' }, es: { hello: 'Hola' } });
    i18n.setLanguageForTests('es');
    const fetch = answering(FILE);
    vi.stubGlobal('fetch', fetch);
    await i18n.loadTexts();
    expect(fetch).not.toHaveBeenCalled();
    expect(t('hello')).toBe('Hola');
  });

  it.each([
    ['missing', answering('Not found', 404), 'i18n/es.json: HTTP 404'],
    ['not JSON', answering('{"lib/test/messages": {"hello": "Ho'), 'JSON'],
    ['the wrong shape', answering({ 'lib/test/messages': { hello: 42 } }), 'i18n/es.json is not a map of dictionaries of texts.'],
    ['unreachable', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))), 'Failed to fetch'],
  ])('a file that is %s leaves English, reported once, never thrown', async (_what, fetch, says) => {
    const { i18n, t } = await fresh();
    i18n.setLanguageForTests('es');
    vi.stubGlobal('fetch', fetch);
    const report = vi.fn();
    i18n.onTextsFailure(report);
    await expect(i18n.loadTexts()).resolves.toBeUndefined();
    await i18n.loadTexts();
    expect(t('hello')).toBe('Hello');
    expect(report).toHaveBeenCalledOnce();
    expect(String((report.mock.calls[0] as unknown[])[0])).toContain(says);
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('a failure with no reporter set goes to the console (one line), and a reporter that throws changes nothing', async () => {
    const { i18n } = await fresh();
    i18n.setLanguageForTests('es');
    vi.stubGlobal('fetch', answering('', 500));
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
    await i18n.loadTexts();
    expect(console).toHaveBeenCalledOnce();
    expect(console.mock.calls[0][0]).toBe('Hirebridge: the Spanish texts could not be loaded; showing English.');

    const again = await fresh();
    again.i18n.setLanguageForTests('es');
    again.i18n.onTextsFailure(() => {
      throw new Error('the log is gone');
    });
    await expect(again.i18n.loadTexts()).resolves.toBeUndefined();
  });

  it('an event listener wrapped with afterTexts runs once the texts are in, with its arguments', async () => {
    const { i18n, t } = await fresh();
    i18n.setLanguageForTests('es');
    const { fetch, release } = held();
    vi.stubGlobal('fetch', fetch);
    const said: string[] = [];
    const listener = i18n.afterTexts((alarm: { name: string }) => said.push(`${alarm.name}: ${t('hello')}`));
    listener({ name: 'job-pull' });
    await nextTask();
    expect(said).toEqual([]);
    release();
    await vi.waitFor(() => expect(said).toEqual(['job-pull: Hola']));
  });

  describe('the worker: the messaging server waits for them', () => {
    const own = 'abcdefghijklmnopabcdefghijklmnop';
    const policy = { extensionId: own, extensionOrigin: `chrome-extension://${own}`, isAllowedPage: () => false };
    const page = { id: own, url: `${policy.extensionOrigin}/options.html` };
    const ask = (type: string) => new Promise<unknown>((resolve) => void fakeBrowser.runtime.onMessage.trigger({ type }, page, (response: { res: unknown }) => resolve(response.res)));

    /** A fresh worker: lib/i18n and the server loaded anew (one start), every intent answering with the dictionary's hello. */
    const freshWorker = async () => {
      const { i18n, t } = await fresh();
      const server = await import('@/lib/messaging/server');
      // Two intents the options page sends as it opens (not the whole worker: the test needs only the server).
      const [{ settingsIntents }, { connectionIntents }] = await Promise.all([import('@/lib/settings/intents'), import('@/lib/connections/intents')]);
      const Intents = { readSettings: settingsIntents.readSettings, listConnections: connectionIntents.listConnections };
      const handlers = Object.fromEntries(Object.keys(Intents).map((name) => [name, async () => t('hello')])) as unknown as IntentHandlers;
      return { i18n, t, server, stop: server.serveIntents(Intents as unknown as IntentTable, () => policy, handlers) };
    };

    it('a Spanish browser: the first answer, asked before the file is in, is in Spanish', async () => {
      const { i18n, stop } = await freshWorker();
      try {
        i18n.setLanguageForTests('es');
        const { fetch, release } = held();
        vi.stubGlobal('fetch', fetch);
        let answered = false;
        const first = ask('readSettings').then((answer) => ((answered = true), answer));
        await nextTask();
        expect(fetch).toHaveBeenCalledOnce();
        expect(answered).toBe(false);
        release();
        expect(await first).toEqual({ ok: true, value: 'Hola' });
        expect(await ask('listConnections')).toEqual({ ok: true, value: 'Hola' });
        expect(fetch).toHaveBeenCalledOnce();
      } finally {
        stop();
      }
    });

    it('an English browser: answered at once, nothing fetched', async () => {
      const { i18n, stop } = await freshWorker();
      try {
        i18n.setLanguageForTests('en');
        const fetch = answering(FILE);
        vi.stubGlobal('fetch', fetch);
        expect(await ask('readSettings')).toEqual({ ok: true, value: 'Hello' });
        expect(fetch).not.toHaveBeenCalled();
      } finally {
        stop();
      }
    });

    it('start work in a worker nobody asks (woken by an alarm) waits for the texts too', async () => {
      vi.useFakeTimers();
      const { i18n, t, server, stop } = await freshWorker();
      try {
        i18n.setLanguageForTests('es');
        const { fetch, release } = held();
        vi.stubGlobal('fetch', fetch);
        const said: string[] = [];
        server.afterStartAnswers(() => said.push(t('hello')));
        await vi.advanceTimersByTimeAsync(server.START_WORK_GRACE_MS);
        expect(fetch).toHaveBeenCalledOnce();
        expect(said).toEqual([]);
        // Start work added while the texts are on their way (an onInstalled event) waits with the rest.
        server.afterStartAnswers(() => said.push(`later: ${t('hello')}`));
        await vi.advanceTimersByTimeAsync(0);
        expect(said).toEqual([]);
        release();
        await server.startWorkBegun;
        await vi.advanceTimersByTimeAsync(0);
        expect(said).toEqual(['Hola', 'later: Hola']);
      } finally {
        stop();
      }
    });
  });
});
