// Whether a case's logs will fit in the browser's storage before any of them is parsed. Pure: the worker passes
// in navigator.storage.estimate()'s answer and the sizes of the logs waiting to be parsed.
import { formatBytes, plural } from '../shell/format';

/**
 * Bytes the store takes per byte of log parsed into it (events with their index entries, text rows and counts),
 * measured with `npm run bench -- store-designs` (docs/benchmarks.md, "Store designs"): by the browser's own
 * estimate, today's schema took 960 B per event of a 263-byte-a-line JSON Lines log at 200 000 events (3.7 per log
 * byte) and 1 534 B at 10 000 (5.8: the store's files had not been compacted yet). Rounded up: a log of shorter lines
 * (an access log) costs more per byte, compaction needs room of its own, and a refusal that comes too late costs an
 * hour and leaves a partial case.
 */
export const STORED_BYTES_PER_LOG_BYTE = 7;

/** What navigator.storage.estimate() answers (either may be missing). */
export interface StorageEstimateLike {
  readonly usage?: number;
  readonly quota?: number;
}

export interface SpaceShortage {
  /** Bytes the logs are expected to take once parsed. */
  readonly needed: number;
  /** Bytes the browser says are left for this app. */
  readonly available: number;
}

/** The shortage if `logBytes` of logs will not fit, undefined when they will (or the browser gives no estimate). */
export function spaceShortage(logBytes: number, estimate: StorageEstimateLike): SpaceShortage | undefined {
  if (estimate.quota === undefined || estimate.usage === undefined) return undefined;
  const needed = Math.ceil(logBytes * STORED_BYTES_PER_LOG_BYTE);
  const available = Math.max(0, estimate.quota - estimate.usage);
  return needed > available ? { needed, available } : undefined;
}

/** The sentence a refused ingest records: what was refused, the space needed and available, and what to do. */
export function describeShortage(files: number, logBytes: number, shortage: SpaceShortage): string {
  return (
    `Not enough storage space: parsing ${plural(files, 'log file')} (${formatBytes(logBytes)}) needs about ` +
    `${formatBytes(shortage.needed)} and ${formatBytes(shortage.available)} is available. Nothing was parsed and ` +
    'nothing was removed; free disk space or delete cases you no longer need, then Parse again'
  );
}
