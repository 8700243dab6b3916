import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rules on imports (SPEC §10), read from the tree: components read storage only through each domain's
 * typed queries (never the database, a connector, the outbox, the vault or an engine's storage keys); page-side code
 * (lib/sites, content scripts) never reaches the database, the vault or a connector, not even through another module.
 */

const ROOT = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return filesUnder(relative(ROOT, path));
    return /\.(ts|tsx)$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

interface Import {
  from: string;
  names: string[];
  typeOnly: boolean;
}

/** Static, re-export, side-effect and dynamic imports of one file. */
export function importsOf(source: string): Import[] {
  const found: Import[] = [];
  const statement = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(statement)) {
    const clause = m[2];
    const names = [...(clause.match(/\{([\s\S]*)\}/)?.[1] ?? '').split(',')].map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]).filter(Boolean);
    const everyNameTyped = /\{/.test(clause) && !/^[A-Za-z_$]/.test(clause.trim()) && [...(clause.match(/\{([\s\S]*)\}/)?.[1] ?? '').split(',')].filter((n) => n.trim()).every((n) => /^\s*type\s/.test(n));
    found.push({ from: m[3], names, typeOnly: !!m[1] || everyNameTyped });
  }
  for (const m of source.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) found.push({ from: m[1], names: [], typeOnly: false });
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ from: m[1], names: [], typeOnly: false });
  return found;
}

/** The repository file an import specifier names, if it is one of ours. */
function resolveImport(fromFile: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? resolve(dirname(fromFile), specifier) : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => existsSync(p) && statSync(p).isFile());
}

const inside = (file: string, dir: string) => relative(join(ROOT, dir), file).split(/[\\/]/)[0] !== '..';
const FORBIDDEN_FOR_COMPONENTS = ['lib/db', 'lib/connectors', 'lib/outbox', 'lib/secrets'];
const FORBIDDEN_FOR_PAGES = ['lib/db', 'lib/secrets', 'lib/connectors'];
/** Storage keys an engine keeps its rows under (STATE_KEY, BULK_RUN_KEY, ...). */
const isEngineKey = (name: string) => /^[A-Z][A-Z0-9_]*_(KEY|PREFIX)$/.test(name);

/** Component files and what they import that they must not. */
export function componentViolations(files: readonly string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    for (const imp of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, imp.from);
      const where = relative(ROOT, file);
      if (target && FORBIDDEN_FOR_COMPONENTS.some((dir) => inside(target, dir))) out.push(`${where} imports ${imp.from} (${relative(ROOT, target)})`);
      for (const name of imp.names.filter(isEngineKey)) if (target && inside(target, 'lib')) out.push(`${where} imports the storage key ${name} from ${imp.from}`);
    }
  }
  return out;
}

/** Page-side files and the forbidden modules they reach, directly or through other modules (value imports only). */
export function pageViolations(entries: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    const seen = new Set<string>();
    const walk = (file: string, chain: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imp of importsOf(readFileSync(file, 'utf8'))) {
        if (imp.typeOnly) continue;
        const target = resolveImport(file, imp.from);
        if (!target) continue;
        const path = [...chain, relative(ROOT, target)];
        if (FORBIDDEN_FOR_PAGES.some((dir) => inside(target, dir))) out.push(path.join(' → '));
        else walk(target, path);
      }
    };
    walk(entry, [relative(ROOT, entry)]);
  }
  return out;
}

const pageSide = () => [...filesUnder('lib/sites'), ...filesUnder('entrypoints').filter((f) => /\.content(\.|[\\/])/.test(relative(ROOT, f)))];

describe('house rules on imports', () => {
  it('components read storage only through the domains\' queries', () => {
    const components = filesUnder('components');
    expect(components.length).toBeGreaterThan(10);
    expect(componentViolations(components)).toEqual([]);
  });

  it('page-side code (lib/sites, content scripts) never reaches the database, the vault or a connector', () => {
    const files = pageSide();
    expect(files.some((f) => f.endsWith('ats.content.ts'))).toBe(true);
    expect(pageViolations(files)).toEqual([]);
  });

  it('the checks can fail: they see a component importing the database or a key, and a page reaching it through a module', () => {
    expect(importsOf("import { db, type X } from '@/lib/db';\nimport type { Y } from '../z';\nimport './a.css';")).toEqual([
      { from: '@/lib/db', names: ['db', 'X'], typeOnly: false },
      { from: '../z', names: ['Y'], typeOnly: true },
      { from: './a.css', names: [], typeOnly: false },
    ]);
    // Real files of the tree that do break the rules if they were components / page-side entries.
    const engine = join(ROOT, 'lib/hires/bulk.ts');
    expect(componentViolations([engine]).some((v) => v.includes('lib/db'))).toBe(true);
    expect(componentViolations([join(ROOT, 'lib/settings/queries.ts')]).some((v) => v.includes('storage key'))).toBe(true);
    expect(pageViolations([join(ROOT, 'lib/hires/queries.ts')]).some((v) => v.endsWith('lib/db/index.ts'))).toBe(true);
  });
});
