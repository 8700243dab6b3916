import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests run in Node with WXT's fakeBrowser and auto-imports; E2E tests (tests/e2e) run under Playwright.
export default defineConfig({
  plugins: [WxtVitest()],
  // The same Dexie build the extension ships (wxt.config.ts: its ES2018+ build, not the ES5 one behind the package's
  // import wrapper), so the unit tests exercise what runs in the browser.
  resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup/unit.ts'],
  },
});
