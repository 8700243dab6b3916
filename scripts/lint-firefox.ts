import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';

/**
 * `npm run lint:firefox`: Mozilla's linter (web-ext lint → addons-linter, what AMO runs on upload) on the Firefox
 * build. Fails on any error, and on any warning except the few that come from bundled libraries: each of those
 * is recognised by the library's own code at the reported position, so the same warning from our code fails.
 * README "Mozilla's linter" explains each one.
 */

const SOURCE_DIR = resolve(import.meta.dirname, '..', process.env.HIREBRIDGE_OUT_DIR ?? '.output', 'firefox-mv3');

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Known library code, by the linter code and a piece of that library's (minified) source at the position. */
const LIBRARY_WARNINGS: { code: string; library: string; signature: RegExp }[] = [
  // React DOM applies `dangerouslySetInnerHTML`, which no component of ours uses.
  { code: 'UNSAFE_VAR_ASSIGNMENT', library: 'react-dom (dangerouslySetInnerHTML)', signature: /dangerouslySetInnerHTML.{0,160}innerHTML=/s },
  // zod 4 probes once whether `new Function` is allowed (its JIT); our CSP forbids it, so zod takes its plain path.
  { code: 'DANGEROUS_EVAL', library: 'zod (eval probe, refused by the CSP)', signature: /jitless.{0,120}Function\(``\)/s },
  // jsPDF's html() helper builds elements through DOMPurify; it is never called (and DOMPurify is stubbed out).
  { code: 'UNSAFE_VAR_ASSIGNMENT', library: 'jspdf (html() helper, unused)', signature: /innerHTML&&\w+\.dompurify&&\(\w+\.innerHTML=\w+\.dompurify\.sanitize/ },
];

/** The source around a reported position: from the start of the line's window before it to a little after. */
function around(message: LintMessage): string {
  if (!message.file || !message.line) return '';
  const lines = readFileSync(join(SOURCE_DIR, message.file), 'utf8').split('\n');
  const line = lines[message.line - 1] ?? '';
  const column = message.column ?? 0;
  return line.slice(Math.max(0, column - 300), column + 200);
}

function libraryOf(message: LintMessage): string | undefined {
  const source = around(message);
  return LIBRARY_WARNINGS.find((known) => known.code === message.code && known.signature.test(source))?.library;
}

const result = (await webExt.cmd.lint({ sourceDir: SOURCE_DIR, output: 'none' }, { shouldExitProgram: false })) as {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
};

const where = (m: LintMessage) => `${m.file ?? 'manifest'}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}`;
const ours = result.warnings.filter((w) => !libraryOf(w));
for (const w of result.warnings.filter((w) => libraryOf(w))) console.log(`library  ${w.code} ${where(w)} — ${libraryOf(w)}`);
for (const n of result.notices) console.log(`notice   ${n.code} ${where(n)} — ${n.message}`);
for (const w of ours) console.log(`WARNING  ${w.code} ${where(w)} — ${w.message}${w.description ? `: ${w.description}` : ''}`);
for (const e of result.errors) console.log(`ERROR    ${e.code} ${where(e)} — ${e.message}${e.description ? `: ${e.description}` : ''}`);
console.log(`web-ext lint ${SOURCE_DIR}: ${result.errors.length} errors, ${ours.length} warnings of ours, ${result.warnings.length - ours.length} from bundled libraries`);
if (result.errors.length || ours.length) process.exit(1);
