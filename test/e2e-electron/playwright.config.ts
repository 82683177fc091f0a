import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test, separate from the browser e2e suite (root playwright.config.ts, test/e2e):
 *   node build/build.mjs all && npx playwright test -c test/e2e-electron/playwright.config.ts
 * It launches the real desktop app, so it runs one worker. Its global setup fetches the runtime as `npm start` does
 * (ensure-runtime.ts); where that fails, the test skips and says why.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './ensure-runtime.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: '../../test-results/e2e-electron',
});
