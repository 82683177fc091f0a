// What the in-browser benchmarks share: bundle a page script with esbuild, serve it on a local port, and run one of
// its global functions in Chromium on a FRESH persistent (disk-backed) profile, removed afterwards. A fresh profile
// per measurement because Chromium keeps an origin's databases in one LevelDB: a second writer in a shared profile
// meets the first one's compaction work (see timeline/timeline-ingest.mjs).
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

/** Bundles `entry` and serves it; `run(name, ...args)` calls `globalThis[name](...args)` in a fresh profile. */
export async function startBrowserBench(entry) {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0].text;
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') return response.end(script);
    response.setHeader('content-type', 'text/html');
    response.end('<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));

  async function run(name, ...args) {
    const profile = await mkdtemp(path.join(tmpdir(), 'tokentrail-bench-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.TOKENTRAIL_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(0);
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      return await page.evaluate(([fn, values]) => globalThis[fn](...values), [name, args]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  }
  return { run, close: () => server.close() };
}
