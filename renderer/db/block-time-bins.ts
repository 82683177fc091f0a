// Which blocks straddle a time, from a handful of index keys. A walk that starts mid-case must open the blocks begun
// before its position and ending after it (event-block-walk.ts). Reading every block begun in the hour before the
// position costs one index key per block of that hour — hundreds in a dense log (~330 at 10M events over 10 days) —
// to find the few still open. Instead each block is indexed under the time bins it covers, at the level of bins
// (1 min, 16 min, 4 h 16 min) where it covers at most two: a walk reads, at each level, the keys of the one bin that
// holds its position, and each key carries the block's first and last time and its number, so only the blocks that
// straddle are read whole. A level's bins hold blocks at least a sixteenth of a bin long (shorter ones go a level
// down), and one ingest's blocks do not overlap, so a bin lists a bounded number of blocks per ingest that covers it.
// This is the binning of genome interval indexes (UCSC's bin scheme), applied to time.

/** Bin sizes by level; the last level holds, in one bin, any block too long for the others (none the app writes). */
export const TIME_BIN_SIZES_MS: readonly number[] = [60_000, 960_000, 15_360_000, Infinity];

/** A key of the blocks' `bins` multi-entry index: [caseId, level, bin, start, end, block]. */
export type TimeBinKey = [string, number, number, number, number, number];

const binAt = (level: number, ts: number): number => {
  const size = TIME_BIN_SIZES_MS[level]!;
  return Number.isFinite(size) ? Math.floor(ts / size) : 0;
};

/** The index keys of a block spanning [start, end]: one per bin it covers at the lowest level where it covers ≤ 2. */
export function timeBinKeys(caseId: string, block: number, start: number, end: number): TimeBinKey[] {
  let level = 0;
  while (binAt(level, end) - binAt(level, start) > 1) level += 1;
  const keys: TimeBinKey[] = [];
  for (let bin = binAt(level, start); bin <= binAt(level, end); bin += 1)
    keys.push([caseId, level, bin, start, end, block]);
  return keys;
}

/**
 * The key ranges, one per level, that list every block begun at or before `ts` and covering its bin: each block that
 * spans `ts` is in exactly one of them (and blocks that ended before `ts` may be too; the caller checks the ends).
 */
export function timeBinRanges(caseId: string, ts: number): [TimeBinKey, TimeBinKey][] {
  return TIME_BIN_SIZES_MS.map((_, level) => {
    const bin = binAt(level, ts);
    return [
      [caseId, level, bin, -Infinity, -Infinity, -Infinity],
      [caseId, level, bin, ts, Infinity, Infinity],
    ];
  });
}
