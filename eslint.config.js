// The project's linter (npm run lint, .ci/run). Type-aware typescript-eslint rules for what the type checker does not
// catch; which folder may import which (the floors, SPEC §10) is checked by dependency-cruiser, .dependency-cruiser.cjs.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'bench/results*',
      'docs/**',
      'public/**',
      'tests/fixtures/**',
      'tests/vendor/**',
      'screenshots/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    // Some files carry directives for rules this config does not turn on (a vendor's SDK copy, a core rule's note).
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      // A promise nobody awaits, returns or hands to `void` with a reason loses its failure: nothing may vanish.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    // What ships (the service worker, pages and content scripts) validates with zod/mini. Classic zod attaches every
    // method, its JSON-schema processors included, to every schema, so none of it tree-shakes: it was 92 KB of the
    // worker's 495 KB start path, zod/mini's functions a fraction of that (issue 28). sandbox/, tests/, scripts/ and
    // bench/ are not bundled and may keep classic zod.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'zod/v4', 'zod/v4/classic', 'zod/v3'].map((name) => ({
            name,
            message:
              "Classic zod does not tree-shake (every method on every schema: bytes on the worker's start path). Use `import { z } from 'zod/mini'`: z.optional(s), s.check(z.trim(), z.maxLength(n)), z.pipe(s, z.transform(f)) — https://zod.dev/packages/mini",
          })),
        },
      ],
    },
  },
);
