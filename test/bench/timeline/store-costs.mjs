// Where the write cost of today's event store goes (issue 19), in Chromium on a fresh disk-backed profile per variant:
// the app's own batch writer as it is, with a one-character case id, without the facet index entries; plain per-event
// rows with the time index, and with the primary key alone — the per-event floor the layer below gives — carrying the
// event as an object, as JSON text (-json) or nothing at all (-empty). The same parsed events for every variant; only
// the write transactions (and building the plain rows) are timed.
// Usage: npm run bench -- store-costs [--days=10] [--variants=a,b,…] [events]   (default 50000). One JSON line per
// variant, with its rate ÷ the first variant's rate measured in the same run (by default the primary-key-only rows).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserBench } from '../browser-bench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const days = Number(args.find((arg) => arg.startsWith('--days='))?.slice('--days='.length) ?? 10);
const count = Number(args.find((arg) => !arg.startsWith('--')) ?? 50_000);
const VARIANTS = args
  .find((arg) => arg.startsWith('--variants='))
  ?.slice('--variants='.length)
  .split(',') ?? [
  'rows-primary-key-only',
  'rows-with-time-index',
  'today-without-facet-entries',
  'today-short-case-id',
  'today',
];
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const bench = await startBrowserBench(path.join(here, 'store-costs.page.ts'));
try {
  let floor;
  for (const variant of VARIANTS) {
    const result = await bench.run('runStoreCost', count, days, variant);
    floor ??= result.storePerSecond;
    console.log(JSON.stringify({ ...result, ratioToFirst: +(result.storePerSecond / floor).toFixed(2), load: load() }));
  }
} finally {
  bench.close();
}
