// Timeline benchmarks in Chromium on a persistent (disk-backed) profile: end-to-end ingest into Dexie vs raw
// bulkAdd of the same records, and timeline page latency. Usage: npm run bench -- timeline-ingest [events…]
// (default 100000 1000000). Prints one JSON line per size. Not part of npm test (1M events take ~20 minutes).
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const bundle = await build({ entryPoints: [path.join(here, 'timeline-ingest.page.ts')], bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'warning' });
const script = bundle.outputFiles[0].text;
const server = createServer((request, response) => {
  if (request.url === '/bench.js') return response.end(script);
  response.setHeader('content-type', 'text/html');
  response.end('<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>');
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const profile = await mkdtemp(path.join(tmpdir(), 'tokentrail-bench-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.TOKENTRAIL_CHROMIUM ?? '/usr/bin/chromium', headless: true });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  for (const size of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    const result = await page.evaluate((count) => globalThis.runTimelineBench(count), size);
    console.log(JSON.stringify(result));
  }
} finally {
  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
