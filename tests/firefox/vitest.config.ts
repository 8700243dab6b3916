import { defineConfig } from 'vitest/config';

// The Firefox tests (npm run test:firefox): real Firefox ESR over WebDriver BiDi, one test at a time.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
