// Bulk annotation benchmark (#14 §5) in Chromium on persistent (disk-backed) profiles: the app's bulk tag of every
// event an IP filter matches, against plain Dexie bulkPut of the same rows into the same tables, and (for the layer
// below) into tables with a primary key only.
// Usage: npm run bench -- bulk-tag [--rounds=N] [--sides=bulk,plain,key-only] [events…]
// (default 1 round of 100000 and 1000000 events, all three sides; the ratio needs bulk and plain)
// Prints one JSON line per size, with the 1-minute load average before each side and at the end. The case is seeded
// once per size (not timed) in a profile that each side then runs in a copy of, taken with Chromium closed: a fresh
// profile per side, because Chromium keeps an origin's databases in one LevelDB and a second writer in a shared
// profile meets the first one's compaction (see timeline-ingest.mjs), and one seeding instead of one per side, which
// at a million events took longer than the sides. Rounds alternate the order; rates are total over total.
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserBench } from '../browser-bench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(`--${name}=`.length);
const rounds = Number(option('rounds') ?? 1);
const SIDES = { bulk: 'runBulkTag', plain: 'runPlainBulkPut', 'key-only': 'runKeyOnlyBulkPut' };
const chosen = (option('sides') ?? Object.keys(SIDES).join(',')).split(',');
for (const side of chosen) if (!SIDES[side]) throw new Error(`bulk-tag: no side "${side}" (${Object.keys(SIDES)})`);
const sizes = args
  .filter((arg) => !arg.startsWith('--'))
  .map(Number)
  .filter((n) => n > 0);
const bench = await startBrowserBench(path.join(here, 'bulk-tag.page.ts'));

const rate = (runs) =>
  runs.length === 0
    ? undefined
    : runs.reduce((sum, run) => sum + run.written, 0) / runs.reduce((sum, run) => sum + run.seconds, 0);
const round3 = (value) => (value === undefined ? undefined : +value.toFixed(3));
const load = () => +loadavg()[0].toFixed(2);
const log = (message) => console.error(`[bulk-tag ${new Date().toISOString().slice(11, 19)}] ${message}`);

try {
  for (const size of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    log(`${size}: seeding (load ${load()})`);
    const seeded = await bench.seedProfile('seedCase', size);
    const runs = Object.fromEntries(chosen.map((side) => [SIDES[side], []]));
    const loads = [];
    try {
      for (let round = 0; round < rounds; round += 1) {
        const order = Object.keys(runs);
        if (round % 2 === 1) order.reverse();
        for (const side of order) {
          loads.push(load());
          // The key-only side writes into a database of its own: an empty profile is all it needs.
          const run =
            side === 'runKeyOnlyBulkPut'
              ? await bench.run(side, size)
              : await bench.runInCopy(seeded.template, side, size);
          log(`${size}: round ${round + 1} ${side} ${run.seconds.toFixed(1)} s (load ${load()})`);
          runs[side].push(run);
        }
      }
    } finally {
      await seeded.discard();
    }
    loads.push(load());
    for (const run of runs.runBulkTag ?? [])
      if (run.written !== size || run.stored !== size) throw new Error(`bulk tag wrote ${run.written} of ${size}`);
    const bulkPerSecond = rate(runs.runBulkTag ?? []);
    const plainPerSecond = rate(runs.runPlainBulkPut ?? []);
    const keyOnlyPerSecond = rate(runs.runKeyOnlyBulkPut ?? []);
    console.log(
      JSON.stringify({
        events: size,
        rounds,
        bulkTagPerSecond: bulkPerSecond && Math.round(bulkPerSecond),
        plainBulkPutPerSecond: plainPerSecond && Math.round(plainPerSecond),
        ratio: round3(bulkPerSecond && plainPerSecond && bulkPerSecond / plainPerSecond),
        keyOnlyBulkPutPerSecond: keyOnlyPerSecond && Math.round(keyOnlyPerSecond),
        ratioToKeyOnly: round3(bulkPerSecond && keyOnlyPerSecond && bulkPerSecond / keyOnlyPerSecond),
        seconds: Object.fromEntries(
          Object.entries(runs).map(([side, list]) => [side, list.map((run) => +run.seconds.toFixed(2))]),
        ),
        seedSeconds: +seeded.result.seedSeconds.toFixed(1),
        loadAverage1m: loads,
      }),
    );
  }
} finally {
  bench.close();
}
