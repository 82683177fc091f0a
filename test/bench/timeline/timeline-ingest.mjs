// Timeline benchmarks in Chromium on a persistent (disk-backed) profile: end-to-end ingest into Dexie against two
// baselines — raw bulkAdd of the same records into our schema (what the schema costs as written) and the raw write
// bandwidth for the same events as large primary-key-only rows (what IndexedDB can do: issue 19's honest baseline) —
// and timeline page latency.
// Usage: npm run bench -- timeline-ingest [--rounds=N] [--days=D] [--ingest-only | --no-bulkadd] [--layout=rows] [--generated-log] [--settle=S] [events…]   (default 2 rounds of 100000 and 1000000
// events spread over 10 days; fewer days make a denser log: 100000 events over 1 day has the density of 1M over 10)
// Prints one JSON line per size. Not part of npm test (1M events take over an hour at the default 2 rounds).
//
// Each measurement runs in a browser on a FRESH profile of its own. Chromium keeps all IndexedDB databases of an
// origin in one LevelDB, and deleting a database of 100 000 rows leaves compaction work behind: measured here, the
// same raw bulkAdd run three times in one profile (deleting the database in between) managed 998, 571 and 384
// rows/s, so whichever side ran second in a shared profile was measured against a slower store. And since this
// machine's load drifts, rounds alternate the order (raw then ingest, ingest then raw, …) and the rates are
// total events over total seconds.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserBench } from '../browser-bench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const rounds = Number(args.find((arg) => arg.startsWith('--rounds='))?.slice('--rounds='.length) ?? 2);
// --ingest-only: skip both baselines (no ratios), for page latencies after a change to the query alone.
const ingestOnly = args.includes('--ingest-only');
// --no-bulkadd: skip the raw bulkAdd side (our old schema's cost, slow at 1M) and keep the raw write bandwidth.
const noBulkAdd = args.includes('--no-bulkadd');
// --layout=rows: the ingest side stores a row per event (cases created before the block layout); default blocks.
const layout = args.find((arg) => arg.startsWith('--layout='))?.slice('--layout='.length) ?? 'blocks';
const days = Number(args.find((arg) => arg.startsWith('--days='))?.slice('--days='.length) ?? 10);
const sizes = args
  .filter((arg) => !arg.startsWith('--'))
  .map(Number)
  .filter((n) => n > 0);
const bench = await startBrowserBench(path.join(here, 'timeline-ingest.page.ts'));
/** Runs one side of the benchmark in a browser on a new empty profile. */
// --generated-log: the log is made as it is parsed at every size (as it always is past 2M events), so that the ingest
// rates of 1M and 10M events are measured the same way.
const generatedLog = args.includes('--generated-log');
// --settle=S: the pages are measured again after S seconds with nothing running, the store's own background work
// (LevelDB compacts the files a large ingest wrote) given time to end; printed as pagesSettledMs.
const settleSeconds = Number(args.find((arg) => arg.startsWith('--settle='))?.slice('--settle='.length) ?? 0);
const inFreshProfile = (name, count) => bench.run(name, count, days, layout, generatedLog, settleSeconds);

/** Worst of each page latency over the ingest runs. */
function worstLatencies(runs) {
  return Object.fromEntries(
    Object.keys(runs[0].pagesMs).map((name) => [name, Math.max(...runs.map((run) => run.pagesMs[name]))]),
  );
}

try {
  for (const size of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    const raws = [];
    const bandwidths = [];
    const ingests = [];
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? ['bandwidth', 'raw', 'ingest'] : ['ingest', 'raw', 'bandwidth'];
      for (const side of order) {
        if (side === 'ingest') ingests.push(await inFreshProfile('runIngestBench', size));
        else if (ingestOnly || (noBulkAdd && side === 'raw')) continue;
        else if (side === 'raw') raws.push(await inFreshProfile('runRawBulkAdd', size));
        else bandwidths.push(await inFreshProfile('runRawBandwidth', size));
      }
    }
    const ingestPerSecond =
      ingests.reduce((sum, run) => sum + run.ingested, 0) / ingests.reduce((sum, run) => sum + run.ingestSeconds, 0);
    const rawPerSecond =
      ingestOnly || noBulkAdd
        ? NaN
        : raws.reduce((sum, run) => sum + run.rawEvents, 0) / raws.reduce((sum, run) => sum + run.rawBulkAddSeconds, 0);
    const bandwidthPerSecond = ingestOnly
      ? NaN
      : // Each run's seconds from its own unrounded rate (its printed storeSeconds are rounded to 10 ms).
        bandwidths.reduce((sum, run) => sum + run.events, 0) /
        bandwidths.reduce((sum, run) => sum + run.events / run.storePerSecond, 0);
    console.log(
      JSON.stringify({
        events: size,
        days,
        logMB: ingests[0].logMB,
        outcomes: ingests.map((run) => `${run.outcome} ${run.ingested}`),
        layout,
        generatedLog: ingests.map((run) => run.generatedLog),
        ingestPerSecond: Math.round(ingestPerSecond),
        rawBulkAddPerSecond: Math.round(rawPerSecond),
        ratio: +(ingestPerSecond / rawPerSecond).toFixed(3),
        rawBandwidthPerSecond: Math.round(bandwidthPerSecond),
        rawBandwidthMBPerSecond: bandwidths.map((run) => run.writeMBPerSecond),
        ratioToBandwidth: +(ingestPerSecond / bandwidthPerSecond).toFixed(3),
        rounds: ingests.map((run, index) => ({
          ingestPerSecond: run.ingestPerSecond,
          rawBulkAddPerSecond: raws[index]?.rawBulkAddPerSecond,
          rawBandwidthPerSecond: bandwidths[index]?.storePerSecond,
        })),
        pagesMs: worstLatencies(ingests),
        ...(settleSeconds > 0
          ? { pagesSettledMs: worstLatencies(ingests.map((run) => ({ pagesMs: run.pagesSettledMs }))) }
          : {}),
        openMs: ingests.map((run) => run.openMs),
        absentTextEventsPerSecond: ingests.map((run) => run.absentTextEventsPerSecond),
        storage: ingests[0].storage,
      }),
    );
  }
} finally {
  bench.close();
}
