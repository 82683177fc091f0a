// Store-level e2e checks: a page script (test/e2e/pages/*.page.ts) bundled with esbuild, served from loopback, and
// run in Chromium on a fresh persistent profile of its own, so IndexedDB is real and on disk.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { servePageScript } from '../support/serve-page-script.mjs';

/** A served page bundle: `inFreshProfile` opens it in a new profile; `close` stops the server. */
export interface ServedPage {
  inFreshProfile<T>(launchOptions: object | undefined, fn: (page: Page) => Promise<T>): Promise<T>;
  close(): void;
}

/** Bundles `entry` and serves it at the root of a loopback port. */
export async function servePage(entry: string): Promise<ServedPage> {
  const { url, close } = await servePageScript(entry);
  return {
    async inFreshProfile(launchOptions, fn) {
      const profile = await mkdtemp(path.join(tmpdir(), 'tokentrail-page-'));
      const context = await chromium.launchPersistentContext(profile, { ...launchOptions, headless: true });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(url);
        return await fn(page);
      } finally {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      }
    },
    close,
  };
}
