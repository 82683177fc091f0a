// Timeline benchmarks in Chromium on a persistent (disk-backed) profile: end-to-end ingest into Dexie vs raw
// bulkAdd of the same records, and timeline page latency.
// Usage: npm run bench -- timeline-ingest [--rounds=N] [--days=D] [--ingest-only] [events…]   (default 2 rounds of 100000 and 1000000
// events spread over 10 days; fewer days make a denser log: 100000 events over 1 day has the density of 1M over 10)
// Prints one JSON line per size. Not part of npm test (1M events take over an hour at the default 2 rounds).
//
// Each measurement runs in a browser on a FRESH profile of its own. Chromium keeps all IndexedDB databases of an
// origin in one LevelDB, and deleting a database of 100 000 rows leaves compaction work behind: measured here, the
// same raw bulkAdd run three times in one profile (deleting the database in between) managed 998, 571 and 384
// rows/s, so whichever side ran second in a shared profile was measured against a slower store. And since this
// machine's load drifts, rounds alternate the order (raw then ingest, ingest then raw, …) and the rates are
// total events over total seconds.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const rounds = Number(args.find((arg) => arg.startsWith('--rounds='))?.slice('--rounds='.length) ?? 2);
// --ingest-only: skip the raw bulkAdd baseline (no ratio), for page latencies after a change to the query alone.
const ingestOnly = args.includes('--ingest-only');
const days = Number(args.find((arg) => arg.startsWith('--days='))?.slice('--days='.length) ?? 10);
const sizes = args
  .filter((arg) => !arg.startsWith('--'))
  .map(Number)
  .filter((n) => n > 0);
const bundle = await build({
  entryPoints: [path.join(here, 'timeline-ingest.page.ts')],
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
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    return await page.evaluate(([fn, events, span]) => globalThis[fn](events, span), [name, count, days]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Worst of each page latency over the ingest runs. */
function worstLatencies(runs) {
  return Object.fromEntries(
    Object.keys(runs[0].pagesMs).map((name) => [name, Math.max(...runs.map((run) => run.pagesMs[name]))]),
  );
}

try {
  for (const size of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    const raws = [];
    const ingests = [];
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? ['raw', 'ingest'] : ['ingest', 'raw'];
      for (const side of order) {
        if (side === 'raw') {
          if (!ingestOnly) raws.push(await inFreshProfile('runRawBulkAdd', size));
        } else ingests.push(await inFreshProfile('runIngestBench', size));
      }
    }
    const ingestPerSecond =
      ingests.reduce((sum, run) => sum + run.ingested, 0) / ingests.reduce((sum, run) => sum + run.ingestSeconds, 0);
    const rawPerSecond = ingestOnly
      ? NaN
      : raws.reduce((sum, run) => sum + run.rawEvents, 0) / raws.reduce((sum, run) => sum + run.rawBulkAddSeconds, 0);
    console.log(
      JSON.stringify({
        events: size,
        days,
        logMB: ingests[0].logMB,
        outcomes: ingests.map((run) => `${run.outcome} ${run.ingested}`),
        ingestPerSecond: Math.round(ingestPerSecond),
        rawBulkAddPerSecond: Math.round(rawPerSecond),
        ratio: +(ingestPerSecond / rawPerSecond).toFixed(3),
        rounds: ingests.map((run, index) => ({
          ingestPerSecond: run.ingestPerSecond,
          rawBulkAddPerSecond: raws[index]?.rawBulkAddPerSecond,
        })),
        pagesMs: worstLatencies(ingests),
      }),
    );
  }
} finally {
  server.close();
}
