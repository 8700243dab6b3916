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
);
