// Bulk annotation benchmark (#14 §5) in Chromium on persistent (disk-backed) profiles: the app's bulk tag of every
// event an IP filter matches, against plain Dexie bulkPut of the same rows into the same tables, and (for the layer
// below) into tables with a primary key only.
// Usage: npm run bench -- bulk-tag [--rounds=N] [events…]   (default 1 round of 100000 and 1000000 events)
// Prints one JSON line per size. Each side runs in a fresh profile seeded with the same N events (the seeding is not
// timed), because Chromium keeps an origin's databases in one LevelDB and a second writer in a shared profile meets
// the first one's compaction (see timeline-ingest.mjs); rounds alternate the order and rates are total over total.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const rounds = Number(args.find((arg) => arg.startsWith('--rounds='))?.slice('--rounds='.length) ?? 1);
const sizes = args
  .filter((arg) => !arg.startsWith('--'))
  .map(Number)
  .filter((n) => n > 0);
const bundle = await build({
  entryPoints: [path.join(here, 'bulk-tag.page.ts')],
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

/** Runs `globalThis[name](count)` in a browser on a new empty profile, then removes the profile. */
async function inFreshProfile(name, count) {
  const profile = await mkdtemp(path.join(tmpdir(), 'tokentrail-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.TOKENTRAIL_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(0);
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    return await page.evaluate(([fn, events]) => globalThis[fn](events), [name, count]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

const rate = (runs) =>
  runs.reduce((sum, run) => sum + run.written, 0) / runs.reduce((sum, run) => sum + run.seconds, 0);

try {
  for (const size of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    const runs = { runBulkTag: [], runPlainBulkPut: [], runKeyOnlyBulkPut: [] };
    for (let round = 0; round < rounds; round += 1) {
      const order = Object.keys(runs);
      if (round % 2 === 1) order.reverse();
      for (const side of order) runs[side].push(await inFreshProfile(side, size));
    }
    for (const run of runs.runBulkTag)
      if (run.written !== size || run.stored !== size) throw new Error(`bulk tag wrote ${run.written} of ${size}`);
    const bulkPerSecond = rate(runs.runBulkTag);
    const plainPerSecond = rate(runs.runPlainBulkPut);
    const keyOnlyPerSecond = rate(runs.runKeyOnlyBulkPut);
    console.log(
      JSON.stringify({
        events: size,
        rounds,
        bulkTagPerSecond: Math.round(bulkPerSecond),
        plainBulkPutPerSecond: Math.round(plainPerSecond),
        ratio: +(bulkPerSecond / plainPerSecond).toFixed(3),
        keyOnlyBulkPutPerSecond: Math.round(keyOnlyPerSecond),
        ratioToKeyOnly: +(bulkPerSecond / keyOnlyPerSecond).toFixed(3),
        seconds: Object.fromEntries(
          Object.entries(runs).map(([side, list]) => [side, list.map((run) => +run.seconds.toFixed(2))]),
        ),
        seedSeconds: runs.runBulkTag.map((run) => +run.seedSeconds.toFixed(1)),
      }),
    );
  }
} finally {
  server.close();
}
