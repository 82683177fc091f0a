// Store designs for issue 19, in Chromium on a persistent (disk-backed) profile: the same generated events stored by
// today's schema (the app's own batch writer), by time-ordered blocks of N events with per-block summaries, and by
// the same blocks deflated, and by blocks with packed summaries, postings and trigram filters (`postings`, not in the
// default list); beside them, in the same run, the raw write bandwidth (the same events' JSON bytes put as
// one primary-key-only row per block). Each design then answers the first, a deep and the last page, a one-subject
// page (first and deep) and a free-text needle in no event over the whole case. `batch-commit` (not in the default list)
// writes blocks and level-0 postings a batch of 2000 per transaction, compacted every 32 batches, as a crash-safe ingest
// would (helpers-batch-commit-design.ts): its write rate, and one subject's events from the postings against a scan.
// Usage: npm run bench -- store-designs [--block=2048] [--designs=raw,today,objects,deflate,postings,batch-commit]
// [--days=10] [--posting-buckets=0] [--overlap] [events…] (default 200000 events). Prints one JSON line per design, with its store
// rate ÷ the raw baseline's. --overlap parses each batch while the previous one is stored, as the app's ingest does;
// then `wallPerSecond` (and its ratio to raw's) is the figure to read.
// Each design runs in a browser on a fresh profile of its own (see timeline-ingest.mjs for why).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserBench } from '../browser-bench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const blockSize = Number(option('block', 2048));
const days = Number(option('days', 10));
const designs = option('designs', 'raw,today,objects,deflate').split(',');
// blocks-postings only: share posting rows among the values of a facet by hash, in this many buckets (0: a row a value).
const postingBuckets = Number(option('posting-buckets', 0));
const overlap = args.includes('--overlap');
const sizes = args
  .filter((arg) => !arg.startsWith('--'))
  .map(Number)
  .filter((n) => n > 0);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const bench = await startBrowserBench(path.join(here, 'store-designs.page.ts'));
try {
  for (const size of sizes.length > 0 ? sizes : [200_000]) {
    let raw;
    for (const design of designs) {
      const loadBefore = load();
      const result =
        design === 'raw'
          ? await bench.run('runDesign', overlap, 'runRawBaseline', size, days, blockSize)
          : design === 'today'
            ? await bench.run('runDesign', overlap, 'runTodaySchema', size, days)
            : design === 'postings'
              ? await bench.run('runDesign', overlap, 'runBlockPostings', size, days, blockSize, postingBuckets)
              : design === 'batch-commit'
                ? await bench.run('runDesign', overlap, 'runBatchCommit', size, days)
                : await bench.run('runDesign', overlap, 'runBlocks', size, days, blockSize, design);
      if (design === 'raw') raw = result;
      console.log(
        JSON.stringify({
          ...result,
          storeRatioToRaw: raw ? +(result.storePerSecond / raw.storePerSecond).toFixed(3) : undefined,
          wallRatioToRaw: raw ? +(result.wallPerSecond / raw.wallPerSecond).toFixed(3) : undefined,
          load: `${loadBefore} → ${load()}`,
        }),
      );
    }
  }
} finally {
  bench.close();
}
