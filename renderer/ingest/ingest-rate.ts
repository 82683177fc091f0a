// How fast an ingest goes and how long it has left, from the progress the worker reports after each committed batch.
// Pure: the ingest client feeds it reports as they arrive; the status line shows the result.
import { formatDuration } from '../shell/format';

/** One progress report: when it arrived (ms, any monotonic clock), how many bytes were read and events stored. */
export interface ProgressSample {
  readonly at: number;
  readonly bytesRead: number;
  readonly events: number;
}

/**
 * What the reports so far tell. `bytesRead` counts whole slices handed to the parser (4 MiB each), not the bytes
 * parsed, so it moves in steps: the bytes per event are taken at a step, when the slice before it is all parsed.
 */
export interface RateState {
  /** The reports of the last RATE_WINDOW_MS (and one before, so the window stays full). */
  readonly samples: readonly ProgressSample[];
  /** At the last step: the bytes of the slices parsed in full, and the events stored from them by then. */
  readonly parsed?: { readonly bytes: number; readonly events: number };
}

export interface IngestRate {
  readonly eventsPerSecond: number;
  /** Undefined until the first slice is parsed in full (the bytes an event takes are unknown before). */
  readonly secondsLeft?: number;
}

/**
 * The rate is taken over the last RATE_WINDOW_MS of reports, not since the start: the first batches are slow (cold
 * code, the geolocation database opening) and a rate since the start would overstate the time left for minutes.
 */
export const RATE_WINDOW_MS = 15_000;
/** Below this span the rate is mostly noise (one batch, one commit): nothing is shown. */
const MIN_SPAN_MS = 1_000;

export const NO_REPORTS: RateState = { samples: [] };

/** The state after one more report. */
export function addSample(state: RateState, sample: ProgressSample): RateState {
  const kept = [...state.samples, sample];
  let first = 0;
  while (first + 1 < kept.length && sample.at - kept[first + 1]!.at >= RATE_WINDOW_MS) first += 1;
  const previous = state.samples.at(-1)?.bytesRead ?? 0;
  const stepped = previous > 0 && sample.bytesRead > previous;
  return {
    samples: kept.slice(first),
    ...(stepped
      ? { parsed: { bytes: previous, events: sample.events } }
      : state.parsed
        ? { parsed: state.parsed }
        : {}),
  };
}

/** Events per second and seconds left for a file of `totalBytes`, or undefined until the reports span a second. */
export function ingestRate(state: RateState, totalBytes: number): IngestRate | undefined {
  const first = state.samples[0];
  const last = state.samples.at(-1);
  if (!first || !last || last.at - first.at < MIN_SPAN_MS) return undefined;
  const eventsPerSecond = Math.max(0, (last.events - first.events) / ((last.at - first.at) / 1000));
  if (!state.parsed || state.parsed.events === 0 || eventsPerSecond === 0) return { eventsPerSecond };
  const bytesPerEvent = state.parsed.bytes / state.parsed.events;
  const eventsLeft = Math.max(0, totalBytes / bytesPerEvent - last.events);
  return { eventsPerSecond, secondsLeft: eventsLeft / eventsPerSecond };
}

/** "12,345 events/s · about 4 min left", or "12,345 events/s" while the time left is unknown. */
export function describeRate(rate: IngestRate): string {
  const speed = `${Math.round(rate.eventsPerSecond).toLocaleString('en-US')} events/s`;
  return rate.secondsLeft === undefined ? speed : `${speed} · about ${formatDuration(rate.secondsLeft)} left`;
}
