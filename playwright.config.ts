// End-to-end tests drive the real UI on the browser host in the system Chromium. Each test launches its
// own persistent context on a fresh profile directory (see test/e2e/fixtures.ts), so IndexedDB is real
// and on disk, and a "reload" is a real browser restart on the same profile.
import { defineConfig } from '@playwright/test';

export const CHROMIUM_PATH = process.env.TOKENTRAIL_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: ['--disable-background-networking', '--disable-component-update'],
    },
  },
});
