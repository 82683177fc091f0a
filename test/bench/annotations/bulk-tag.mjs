// Bulk annotation benchmark (#14 §5) in Chromium on persistent (disk-backed) profiles: the app's bulk tag of every
// event an IP filter matches, against plain Dexie bulkPut of the same rows into the same tables, and (for the layer
// below) into tables with a primary key only.
// Usage: npm run bench -- bulk-tag [--rounds=N] [events…]   (default 1 round of 100000 and 1000000 events)
// Prints one JSON line per size. Each side runs in a fresh profile seeded with the same N events (the seeding is not
// timed), because Chromium keeps an origin's databases in one LevelDB and a second writer in a shared profile meets
// the first one's compaction (see timeline-ingest.mjs); rounds alternate the order and rates are total over total.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserBench } from '../browser-bench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const rounds = Number(args.find((arg) => arg.startsWith('--rounds='))?.slice('--rounds='.length) ?? 1);
const sizes = args
  .filter((arg) => !arg.startsWith('--'))
  .map(Number)
  .filter((n) => n > 0);
const bench = await startBrowserBench(path.join(here, 'bulk-tag.page.ts'));
/** Runs one side of the benchmark in a browser on a new empty profile. */
const inFreshProfile = (name, count) => bench.run(name, count);

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
  bench.close();
}
