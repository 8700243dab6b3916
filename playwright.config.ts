import { defineConfig } from '@playwright/test';

// Lets context.route() see the extension service worker's requests, so tests can serve the vendors' real
// hostnames (api.factorialhr.com, api.kombo.dev) from the local sandbox.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
