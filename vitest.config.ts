import { defineConfig } from 'vitest/config';

// Unit tests only (test/unit mirrors the source tree); browser e2e runs under Playwright (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
