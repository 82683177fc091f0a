// Store-level e2e checks: a page script (test/e2e/pages/*.page.ts) bundled with esbuild, served from loopback, and
// run in Chromium on a fresh persistent profile of its own, so IndexedDB is real and on disk.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';

/** A served page bundle: `inFreshProfile` opens it in a new profile; `close` stops the server. */
export interface ServedPage {
  inFreshProfile<T>(launchOptions: object | undefined, fn: (page: Page) => Promise<T>): Promise<T>;
  close(): void;
}

/** Bundles `entry` and serves it at the root of a loopback port. */
export async function servePage(entry: string): Promise<ServedPage> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((request, response) => {
    if (request.url === '/page.js') return response.end(script);
    response.setHeader('content-type', 'text/html');
    response.end('<!doctype html><meta charset="utf-8"><script src="/page.js"></script>');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
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
    close: () => server.close(),
  };
}
