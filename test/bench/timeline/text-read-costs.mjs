// What ruling out a free-text needle costs in IndexedDB, piece by piece, in Chromium on a disk-backed profile:
// npm run bench -- text-read-costs [events=100000]
// The app's batch writer stores a generated log (text rows and their trigram filters as an ingest writes them); then
// the whole-case search of a needle in no event (three times forward, once backward) and of a common one, and each
// kind of read it is made of over every text row: the rows' keys (getAllKeys of 65 and of 512), the filter packs by
// range (getAll of 64 packs, ~16 rows each), the packs' row filters likewise (read only for packs that pass), keys
// from a reverse key cursor (65 at a time), and the text itself (range reads of 8 rows, what a search without filters
// reads). Prints one JSON line of milliseconds; the text reads are the baseline.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserBench } from '../browser-bench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const bench = await startBrowserBench(path.join(here, 'text-read-costs.page.ts'));
try {
  console.log(JSON.stringify(await bench.run('textReadCosts', Number(process.argv[2] ?? 100_000))));
} finally {
  bench.close();
}
