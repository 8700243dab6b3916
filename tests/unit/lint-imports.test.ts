import { describe, expect, it } from 'vitest';
import { roomCircles, roomOf, tsAliases } from '../../scripts/lint-imports';

/** The linter's room rule (SPEC §10): a room is a folder two levels deep, and no import circle may join rooms. */
describe('room circles (npm run lint)', () => {
  it('folds a module into its room: a folder two levels deep, or a file directly under a top folder', () => {
    expect(roomOf('lib/export/intents.ts')).toBe('lib/export');
    expect(roomOf('lib/sites/adapters/greenhouse.ts')).toBe('lib/sites');
    expect(roomOf('lib/errors.ts')).toBe('lib/errors');
    expect(roomOf('components/ui/OperationStatus.tsx')).toBe('components/ui');
  });

  it('finds every circle between rooms, however long, and nothing in a tree that only goes down', () => {
    const graph = (pairs: string[]) => {
      const edges = new Map<string, Set<string>>();
      for (const pair of pairs) {
        const [from, to] = pair.split(' ');
        edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
      return edges;
    };
    expect(
      roomCircles(
        graph([
          'lib/db lib/messaging',
          'lib/messaging lib/jobs',
          'lib/jobs lib/db',
          'lib/errors lib/messaging',
          'lib/sites lib/recipes',
          'lib/recipes lib/sites',
        ]),
      ).sort(),
    ).toEqual([
      ['lib/db', 'lib/jobs', 'lib/messaging'],
      ['lib/recipes', 'lib/sites'],
    ]);
    expect(roomCircles(graph(['lib/export lib/db', 'lib/export lib/errors', 'lib/db lib/errors', 'components/ui lib/export']))).toEqual([]);
  });
});

/** WXT's `@/` aliases, read where TypeScript reads them: without them every entrypoint's and component's import went unchecked. */
describe('path aliases (npm run lint)', () => {
  it("resolves a tsconfig's aliases from the file that declares them (WXT's .wxt/tsconfig.json), not from the root", () => {
    const parsed = { options: { pathsBasePath: '/repo/.wxt', paths: { '@': ['..'], '@/*': ['../*'], '~~': ['..'], '~~/*': ['../*'] } } };
    expect(tsAliases(parsed, '/repo')).toEqual({ '@': '/repo', '~~': '/repo' });
    expect(tsAliases({ options: {} }, '/repo')).toEqual({});
  });
});
