import ts from 'typescript';
import type { Plugin } from 'vite';
import { SPANISH_TEXTS_FILE } from './index';

/**
 * Build time only (wxt.config.ts): the Spanish halves of lib/'s dictionaries out of the service worker's and the pages'
 * builds.
 *
 * Each dictionary keeps its English and Spanish side by side in its messages.ts (one place per text; the type checker
 * says which Spanish keys are missing). In the builds of the worker and the extension pages (one build on Firefox;
 * Chrome builds its classic worker on its own), each `defineMessages({ en: {…}, es: {…} })` under lib/ is rewritten
 * to `defineMessages({ en: {…}, es: "<id>" })`, and every Spanish half goes, keyed by that id, into one JSON file of
 * the package (SPANISH_TEXTS_FILE), which a Spanish browser fetches once at start (`loadTexts`). An English browser
 * never loads it. The content scripts are built apart and keep their Spanish inline; so do the pages' own
 * dictionaries (components/), which the worker never imports.
 */

export type SpanishTexts = Record<string, Record<string, string>>;

/** Where a dictionary is: its module's path from the project root, without the extension ("lib/jobs/messages"). */
export function dictionaryId(moduleId: string, root: string): string | undefined {
  const path = moduleId.split('?')[0].replaceAll('\\', '/');
  const base = `${root.replaceAll('\\', '/').replace(/\/$/, '')}/`;
  if (!path.startsWith(base)) return undefined;
  const relative = path.slice(base.length);
  return /^lib\/(?!i18n\/).*\.tsx?$/.test(relative) ? relative.replace(/\.tsx?$/, '') : undefined;
}

/**
 * One module's source with its dictionary's Spanish half replaced by `id`, and that half. Throws, naming the file and
 * the key, when the Spanish half is not plain text (a value that is not a string literal cannot become data).
 * Returns undefined for a module that defines no dictionary.
 */
export function takeSpanishOut(source: string, id: string): { code: string; spanish: Record<string, string> } | undefined {
  if (!source.includes('defineMessages(')) return undefined;
  const file = ts.createSourceFile(`${id}.ts`, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { start: number; end: number; spanish: Record<string, string> }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineMessages') {
      const [dictionary] = node.arguments;
      const es =
        dictionary && ts.isObjectLiteralExpression(dictionary)
          ? dictionary.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && nameOf(p.name) === 'es')
          : undefined;
      if (!es || !ts.isObjectLiteralExpression(es.initializer)) throw new Error(`${id}: defineMessages needs an object literal with an \`es: { … }\` object (the build moves it into ${SPANISH_TEXTS_FILE}).`);
      const spanish: Record<string, string> = {};
      for (const entry of es.initializer.properties) {
        const key = ts.isPropertyAssignment(entry) ? nameOf(entry.name) : undefined;
        if (!key || !ts.isPropertyAssignment(entry) || !(ts.isStringLiteral(entry.initializer) || ts.isNoSubstitutionTemplateLiteral(entry.initializer))) {
          throw new Error(`${id}: the Spanish text ${key ?? entry.getText(file)} is not a plain string literal; the build cannot move it into ${SPANISH_TEXTS_FILE}.`);
        }
        spanish[key] = entry.initializer.text;
      }
      found.push({ start: es.initializer.getStart(file), end: es.initializer.getEnd(), spanish });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (found.length === 0) return undefined;
  if (found.length > 1) throw new Error(`${id}: one defineMessages per module (its id is the module's path).`);
  const [{ start, end, spanish }] = found;
  return { code: source.slice(0, start) + JSON.stringify(id) + source.slice(end), spanish };
}

function nameOf(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined;
}

/**
 * The Vite plugin (added by wxt.config.ts to the worker's and the pages' builds): rewrites lib/'s dictionaries as
 * above, before TypeScript is stripped, and writes SPANISH_TEXTS_FILE with every Spanish half of `shared`, the texts
 * of all the builds that share it (sorted by id, so the file is the same on every build of the same sources). Each
 * build writes the file again: the last one written holds every build's texts.
 */
export function spanishTextsAsData(root: string, shared = new Map<string, Record<string, string>>()): Plugin {
  return {
    name: 'hirebridge:spanish-texts-as-data',
    enforce: 'pre',
    // Tells lib/i18n this build's Spanish is data, before any dictionary has registered (see `spanishAsData`).
    config: () => ({ define: { __HIREBRIDGE_SPANISH_AS_DATA__: 'true' } }),
    transform(code, moduleId) {
      const id = dictionaryId(moduleId, root);
      if (!id) return null;
      const taken = takeSpanishOut(code, id);
      if (!taken) return null;
      shared.set(id, taken.spanish);
      // Only the `es` literal's text changes: the lines before and within stay where they were, near enough for a map.
      return { code: taken.code, map: null };
    },
    generateBundle() {
      const texts: SpanishTexts = Object.fromEntries([...shared].sort(([a], [b]) => (a < b ? -1 : 1)));
      this.emitFile({ type: 'asset', fileName: SPANISH_TEXTS_FILE, source: JSON.stringify(texts) });
    },
  };
}
