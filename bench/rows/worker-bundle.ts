import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../../scripts/browser';
import { misses, ratioOf, round, type Row } from '../lib/harness';

/**
 * worker-bundle: what the service worker loads and compiles on every start — background.js and every chunk it
 * imports statically (Chrome's is one classic script; an ES module worker imports its chunks, see README "How the code
 * is laid out") — read from the build, raw and gzipped (level 9). The PDF stack must not be among them. Baseline, same
 * build: the one-bundle layout, i.e. the start path plus everything the worker can reach later, by import() or in the
 * offscreen document it opens to build a PDF (what background.js held before it was split).
 * Reported beside it: the Spanish texts (lib/i18n/build.ts), data the worker fetches at start only when the
 * browser's language is Spanish; not code, not on an English browser's start path, so not in the value.
 */

const BUDGET_KB = 400;
/** Names that survive minification in the PDF stack (jsPDF's font API, pdf-lib's class, the PDF filter they write). */
const PDF_STACK = /addFileToVFS|PDFDocument|FlateDecode/;

interface File {
  path: string;
  raw: number;
  gzip: number;
  pdf: boolean;
}

function read(path: string): File & { code: string } {
  const bytes = readFileSync(join(EXTENSION_DIR, path));
  const code = bytes.toString('utf8');
  return { path, code, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, pdf: PDF_STACK.test(code) };
}

/** Module specifiers in a minified ES module: static (`import … from"x"`, `import"x"`, `export … from"x"`) and dynamic (`import("x")`). */
function imports(code: string) {
  const staticOnes = [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$\s{},*]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) => m[1]);
  const dynamicOnes = [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  return { staticOnes, dynamicOnes };
}

/** `entry` and what it imports statically, transitively; `lazy`: what those files import with import(). */
function closure(entry: string, seen = new Set<string>()): { files: File[]; lazy: string[] } {
  const files: File[] = [];
  const lazy: string[] = [];
  const walk = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    if (!existsSync(join(EXTENSION_DIR, path))) throw new Error(`${path} is imported but not in the build`);
    const { code, ...file } = read(path);
    files.push(file);
    const { staticOnes, dynamicOnes } = imports(code);
    for (const s of staticOnes) walk(normalize(join(dirname(path), s)));
    for (const d of dynamicOnes) lazy.push(normalize(join(dirname(path), d)));
  };
  walk(entry);
  return { files, lazy };
}

const kb = (bytes: number) => round(bytes / 1024, 1);

/** The offscreen document's module scripts (where Chrome's worker has its PDFs built), if the build has one. */
function offscreenScripts(): string[] {
  const page = join(EXTENSION_DIR, 'offscreen.html');
  if (!existsSync(page)) return [];
  return [...readFileSync(page, 'utf8').matchAll(/<script[^>]*\bsrc="\/?([^"]+)"/g)].map((m) => normalize(m[1]));
}

/** The Spanish texts' file (lib/i18n SPANISH_TEXTS_FILE), if the build has one. */
const SPANISH_TEXTS = 'i18n/es.json';
function spanishTexts(): { path: string; raw: number; gzip: number } | undefined {
  if (!existsSync(join(EXTENSION_DIR, SPANISH_TEXTS))) return undefined;
  const bytes = readFileSync(join(EXTENSION_DIR, SPANISH_TEXTS));
  return { path: SPANISH_TEXTS, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
const sum = (files: File[], key: 'raw' | 'gzip') => files.reduce((total, f) => total + f[key], 0);

export async function runWorkerBundle(): Promise<Row> {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string; type?: string } };
  const entry = manifest.background?.service_worker;
  if (!entry) throw new Error(`The built manifest (${EXTENSION_DIR}) declares no service worker.`);
  const start = closure(entry);
  // A classic worker has no static imports: if the manifest says classic but the file imports, the walk is wrong.
  if (manifest.background?.type !== 'module' && start.files.length > 1) throw new Error('A classic service worker with import statements: the walk misread it.');
  // Everything the worker could load later, with what it imports in turn (files shared with the start path counted once).
  const seen = new Set(start.files.map((f) => f.path));
  const later: File[] = [];
  const queue = [...start.lazy, ...offscreenScripts()];
  while (queue.length) {
    const next = closure(queue.shift()!, seen);
    later.push(...next.files);
    queue.push(...next.lazy);
  }
  const raw = sum(start.files, 'raw');
  const gzip = sum(start.files, 'gzip');
  const oneBundle = raw + sum(later, 'raw');
  const pdfOnStart = start.files.filter((f) => f.pdf).map((f) => f.path);
  const value = kb(raw);
  const missed = misses([
    [value <= BUDGET_KB, `${value} KB > ${BUDGET_KB} KB`],
    [pdfOnStart.length === 0, `PDF stack on the start path (${pdfOnStart.join(', ')})`],
  ]);
  const spanish = spanishTexts();
  const listed = (files: File[]) => files.map((f) => `${f.path} ${kb(f.raw)} KB (${kb(f.gzip)} gz)`).join(', ');
  return {
    name: 'worker-bundle',
    value,
    unit: 'KB',
    budget: `≤ ${BUDGET_KB} KB, no PDF stack`,
    baseline: kb(oneBundle),
    ratio: ratioOf(raw, oneBundle),
    ratio_of: 'one bundle',
    within_budget: missed.length === 0,
    missed,
    notes:
      `Start path (${manifest.background?.type ?? 'classic'} worker): ${start.files.length} files, ${value} KB raw, ${kb(gzip)} KB gzip; background.js alone ${kb(start.files[0].raw)} KB (${kb(start.files[0].gzip)} KB gzip). ` +
      `Files: ${listed(start.files)}. Loaded only when needed (import() / offscreen document): ${later.length ? listed(later) : 'nothing'}. ` +
      (spanish
        ? `Fetched at start only when the browser's language is Spanish (data, not code; not in the value): ${spanish.path} ${kb(spanish.raw)} KB (${kb(spanish.gzip)} gz). `
        : `No ${SPANISH_TEXTS}: the worker carries its Spanish texts inline (counted above). `) +
      `Baseline, one bundle (start path + what it can import later): ${kb(oneBundle)} KB. KB = 1024 bytes, gzip -9.`,
    extra: {
      type: manifest.background?.type ?? 'classic',
      backgroundJs: { raw: start.files[0].raw, gzip: start.files[0].gzip },
      startPath: { raw, gzip, files: start.files },
      later: later.map(({ path, raw: r, gzip: g, pdf }) => ({ path, raw: r, gzip: g, pdf })),
      spanishTexts: spanish ?? null,
    },
  };
}
