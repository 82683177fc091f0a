// How fast an ingest goes and how long it has left, from the progress the worker reports after each committed batch.
// Pure: the ingest client feeds it samples as they arrive; the status line shows the result.
import { formatDuration } from '../shell/format';

/** One progress report: when it arrived (ms, any monotonic clock), how many bytes were read and events stored. */
export interface ProgressSample {
  readonly at: number;
  readonly bytesRead: number;
  readonly events: number;
}

export interface IngestRate {
  readonly eventsPerSecond: number;
  /** Undefined while the byte rate is unknown (no bytes read yet over the window). */
  readonly secondsLeft?: number;
}

/**
 * The rate is taken over the last RATE_WINDOW_MS of samples, not since the start: the first batches are slow (cold
 * code, the geolocation database opening) and a rate since the start would overstate the time left for minutes.
 */
export const RATE_WINDOW_MS = 15_000;
/** Below this span the rate is mostly noise (one batch, one commit): nothing is shown. */
const MIN_SPAN_MS = 1_000;

/** Adds a sample and drops those older than the window (keeping one before it, so the window stays full). */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const kept = [...samples, sample];
  let first = 0;
  while (first + 1 < kept.length && sample.at - kept[first + 1]!.at >= RATE_WINDOW_MS) first += 1;
  return kept.slice(first);
}

/** Events per second and seconds left for a file of `totalBytes`, or undefined until the samples span a second. */
export function ingestRate(samples: readonly ProgressSample[], totalBytes: number): IngestRate | undefined {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.at - first.at < MIN_SPAN_MS) return undefined;
  const seconds = (last.at - first.at) / 1000;
  const eventsPerSecond = Math.max(0, (last.events - first.events) / seconds);
  const bytesPerSecond = (last.bytesRead - first.bytesRead) / seconds;
  if (bytesPerSecond <= 0) return { eventsPerSecond };
  return { eventsPerSecond, secondsLeft: Math.max(0, totalBytes - last.bytesRead) / bytesPerSecond };
}

/** "12,345 events/s · about 4 min left", or "12,345 events/s" while the time left is unknown. */
export function describeRate(rate: IngestRate): string {
  const speed = `${Math.round(rate.eventsPerSecond).toLocaleString('en-US')} events/s`;
  return rate.secondsLeft === undefined ? speed : `${speed} · about ${formatDuration(rate.secondsLeft)} left`;
}
