// What the store-designs page's designs share (bundled into it): the generated log parsed batch by batch with the
// parse time kept apart, the origin's storage usage, and the rates every design reports.
import type { AuthEvent } from '../../../core/sources';
import { parseSource } from '../../../core/sources/parse-source';
import { generatedLogInput } from './generate-bench-case';

/** The one evidence file every design stores. */
export const FILE_ID = 'bench-file';
/** The subject of the one-subject pages: 1 event in 997 of the generated log, so in every block. */
export const SUBJECT = 'user5@example.com';
/** A free-text needle in no event: a search for it goes through the whole case. */
export const ABSENT = 'no-such-text';

/**
 * Whether a batch is parsed while the previous one is being stored, as the app's ingest does (run-ingest.ts: one
 * write in flight at a time). Then only the wall-clock rate is meaningful: a write's measured time includes the
 * parsing that ran beside it.
 */
let overlapped = false;

/** Set by store-designs.mjs --overlap before the designs run. */
export function overlapParsingWithStores(on: boolean): void {
  overlapped = on;
}

export interface ParsedRun {
  readonly events: number;
  readonly parseSeconds: number;
  /** From the first read of the log to the last write's end. */
  readonly wallSeconds: number;
  readonly overlapped: boolean;
  readonly logBytes: number;
}

/**
 * The parsed batches of the generated log, and the time parsing took (seconds), over a callback per batch; `finish`
 * writes what a design still holds after the last batch, inside the wall-clock time.
 */
export async function eachBatch(
  count: number,
  days: number,
  batchSize: number,
  store: (events: readonly AuthEvent[]) => Promise<void>,
  finish?: () => Promise<void>,
): Promise<ParsedRun> {
  // Made as it is read, not as one Blob: a 10M-event log (2.6 GB) could not be read back from one.
  const log = generatedLogInput(count, days);
  let parseMs = 0;
  let events = 0;
  const run = parseSource(log, '0'.repeat(64), { batchSize });
  const began = performance.now();
  let writing: Promise<void> = Promise.resolve();
  for (;;) {
    const started = performance.now();
    const next = await run.next();
    parseMs += performance.now() - started;
    if (next.done) break;
    events += next.value.events.length;
    if (overlapped) {
      await writing;
      writing = store(next.value.events);
    } else await store(next.value.events);
  }
  await writing;
  await finish?.();
  const wallSeconds = (performance.now() - began) / 1000;
  return { events, parseSeconds: parseMs / 1000, wallSeconds, overlapped, logBytes: log.bytes() };
}

/** The origin's usage as the browser reports it (LevelDB files and blob files of IndexedDB). */
export async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

export const rounded = (value: number, digits = 1) => +value.toFixed(digits);

/**
 * The figures every design reports: times, store and end-to-end rates, bytes per event, and the wall-clock rate of the
 * whole run (parse, encode and store; overlapped or one after the other, as `overlapped` says).
 */
export function rates(parsed: ParsedRun, encodeSeconds: number, storeSeconds: number, bytes: number) {
  const { events, parseSeconds } = parsed;
  return {
    events,
    parseSeconds: rounded(parseSeconds, 2),
    encodeSeconds: rounded(encodeSeconds, 2),
    storeSeconds: rounded(storeSeconds, 2),
    storePerSecond: Math.round(events / storeSeconds),
    endToEndPerSecond: Math.round(events / (parseSeconds + encodeSeconds + storeSeconds)),
    overlapped: parsed.overlapped,
    wallPerSecond: Math.round(events / parsed.wallSeconds),
    bytesPerEvent: Math.round(bytes / events),
  };
}
