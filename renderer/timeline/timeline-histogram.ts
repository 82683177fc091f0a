// The timeline histogram, from the per-case bucket counts written with every ingest batch: reading it costs a
// few hundred rows whatever the number of events (counting events per bar would walk all of them).
import { BUCKET_WIDTHS, expandBuckets, rowWidthFor } from '../db/histogram-buckets';
import type { TokentrailDatabase } from '../db/schema';

/** Buckets of the drawn width at most, so a year of minute buckets is never expanded for a year-wide view. */
const MAX_BUCKETS_READ = 4_000;

export interface Histogram {
  readonly from: number;
  readonly to: number;
  /** Width of one bar in ms. */
  readonly barWidth: number;
  readonly counts: readonly number[];
  readonly max: number;
}

/** The finest stored bucket width that covers [from, to] in at most MAX_BUCKETS_READ buckets. */
export function bucketWidthFor(from: number, to: number): number {
  return (
    BUCKET_WIDTHS.find((width) => (to - from) / width <= MAX_BUCKETS_READ) ?? BUCKET_WIDTHS[BUCKET_WIDTHS.length - 1]!
  );
}

/** Sums buckets into `bars` equal bars over [from, to]; a bucket counts in the bar its start falls in. */
export function binBuckets(
  buckets: readonly { readonly start: number; readonly count: number }[],
  from: number,
  to: number,
  bars: number,
  bucketWidth: number,
): Histogram {
  // A bar is never narrower than a bucket: finer bars would show the bucket's count in one and zeros around it.
  const barWidth = Math.max(bucketWidth, Math.ceil((to - from + 1) / bars));
  const barCount = Math.max(1, Math.ceil((to - from + 1) / barWidth));
  const counts = new Array<number>(barCount).fill(0);
  for (const bucket of buckets) {
    const bar = Math.floor((bucket.start - from) / barWidth);
    if (bar >= 0 && bar < barCount) counts[bar] = counts[bar]! + bucket.count;
    else if (bar < 0 && bucket.start + bucketWidth > from) counts[0] = counts[0]! + bucket.count;
  }
  return { from, to, barWidth, counts, max: Math.max(0, ...counts) };
}

/** The case's events over [from, to] in about `bars` bars. */
export async function readHistogram(
  database: TokentrailDatabase,
  caseId: string,
  from: number,
  to: number,
  bars: number,
): Promise<Histogram> {
  const width = bucketWidthFor(from, to);
  const rowWidth = rowWidthFor(width);
  const first = Math.floor(from / rowWidth) * rowWidth;
  const rows = await database.eventBuckets
    .where('[caseId+width+start]')
    .between([caseId, rowWidth, first], [caseId, rowWidth, to], true, true)
    .toArray();
  return binBuckets(expandBuckets(rows, width), from, to, bars, width);
}
