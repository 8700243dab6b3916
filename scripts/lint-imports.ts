/**
 * The house's import rules, enforced: the floors (`.dependency-cruiser.cjs`, checked by dependency-cruiser, which
 * resolves every import the way TypeScript does: aliases, type-only, dynamic) and no import circle between rooms.
 * Exits non-zero on any violation. Run by `npm run lint`.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const config = createRequire(import.meta.url)(resolve(ROOT, '.dependency-cruiser.cjs')) as IConfiguration & {
  floors: Record<string, string[]>;
  known: string[];
};
const { floors, known: knownViolations, options, ...rules } = config;

/** A room: a folder two levels deep (lib/export), or a file directly under a top folder, without its extension. */
export function roomOf(path: string): string {
  const parts = path.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : path.replace(/\.(tsx?|m?js)$/, '');
}

/** Strongly connected sets of more than one room (Tarjan), each with the imports that join it. */
export function roomCircles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (room: string) => {
    index.set(room, next);
    low.set(room, next++);
    stack.push(room);
    onStack.add(room);
    for (const to of edges.get(room) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(room, Math.min(low.get(room)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(room, Math.min(low.get(room)!, index.get(to)!));
    }
    if (low.get(room) === index.get(room)) {
      const circle: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        circle.push(member);
      } while (member !== room);
      if (circle.length > 1) found.push(circle.sort());
    }
  };
  for (const room of edges.keys()) if (!index.has(room)) visit(room);
  return found;
}

/**
 * The tsconfig's path aliases (WXT's `@/…`) as enhanced-resolve aliases. WXT declares them in the tsconfig it
 * generates (.wxt/tsconfig.json: `"@/*": ["../*"]`, relative to that file); dependency-cruiser's tsconfig plugin
 * read them against the root instead, where they point outside the project, so every `@/` import (every
 * entrypoint's and component's) went unresolved and unchecked. `pathsBasePath` is where TypeScript itself
 * resolves them from.
 */
export function tsAliases(parsed: Pick<ts.ParsedCommandLine, 'options'>, root: string): Record<string, string> {
  const base = (parsed.options.pathsBasePath as string | undefined) ?? parsed.options.baseUrl ?? root;
  return Object.fromEntries(
    Object.entries(parsed.options.paths ?? {}).flatMap(([alias, [target]]) => (alias.endsWith('/*') || !target ? [] : [[alias, resolve(base, target)]])),
  );
}

async function main() {
  const file = resolve(ROOT, 'tsconfig.json');
  const tsConfig = ts.readConfigFile(file, ts.sys.readFile).config;
  const alias = tsAliases(ts.parseJsonConfigFileContent(tsConfig, ts.sys, ROOT, undefined, file), ROOT);
  const result = (
    await cruise(['lib', 'components', 'entrypoints', 'sandbox'], { ...options, ruleSet: rules, validate: true, baseDir: ROOT } as never, { alias } as never, {
      tsConfig,
    })
  ).output as ICruiseResult;
  const problems: string[] = [];
  const details = new Map<string, string[]>();
  for (const violation of result.summary.violations) problems.push(`${violation.rule.name}: ${violation.from} → ${violation.to}`);

  const known = new Set(Object.values(floors).flat());
  const edges = new Map<string, Set<string>>();
  const why = new Map<string, string[]>();
  for (const module of result.modules) {
    if (!/^lib\//.test(module.source)) continue;
    const from = roomOf(module.source);
    if (!known.has(from)) problems.push(`room-without-floor: ${from} is on no floor of .dependency-cruiser.cjs`);
  }
  for (const module of result.modules) {
    if (!/^(lib|components|entrypoints)\//.test(module.source)) continue;
    for (const dependency of module.dependencies) {
      if (!/^(lib|components|entrypoints)\//.test(dependency.resolved)) continue;
      const [from, to] = [roomOf(module.source), roomOf(dependency.resolved)];
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
      why.set(`${from} ${to}`, [...(why.get(`${from} ${to}`) ?? []), `${module.source} → ${dependency.resolved}`]);
    }
  }
  for (const circle of roomCircles(edges)) {
    const members = new Set(circle);
    const joins = [...why].filter(([pair]) => pair.split(' ').every((room) => members.has(room))).flatMap(([, imports]) => imports);
    problems.push(`room-circle: ${circle.join(', ')}`);
    details.set(`room-circle: ${circle.join(', ')}`, joins);
  }
  const found = [...new Set(problems)];
  const fresh = found.filter((problem) => !knownViolations.includes(problem));
  const gone = knownViolations.filter((problem) => !found.includes(problem));
  for (const problem of fresh) console.error(`${problem}${details.has(problem) ? `\n    ${details.get(problem)!.join('\n    ')}` : ''}`);
  for (const problem of gone) console.error(`fixed, so take it off the known list in .dependency-cruiser.cjs: ${problem}`);
  const still = found.length - fresh.length;
  console.log(
    `${result.summary.totalCruised} modules, ${edges.size} rooms with imports: ${fresh.length + gone.length ? `${fresh.length + gone.length} problem(s)` : 'the floors hold'}${still ? ` (${still} known violation(s) left to remove)` : ', no room circle'}`,
  );
  if (fresh.length || gone.length) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
