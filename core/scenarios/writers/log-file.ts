import type { EvidenceKind } from '../../evidence';
import type { RecordLocation, TruthEvent } from '../model';

/** A written evidence file: its place in the bundle, manifest facts, text, and where each truth event went. */
export interface LogFile {
  readonly path: string;
  /** Bundle kind (docs/bundle-format.md). */
  readonly kind: EvidenceKind;
  readonly mediaType: string;
  readonly description: string;
  readonly text: string;
  readonly locations: ReadonlyMap<TruthEvent, RecordLocation>;
}

/** ISO 8601 UTC with milliseconds. */
export const isoTime = (ts: number): string => new Date(ts).toISOString();

/** One JSON document per line; each event's location is its line. */
export function jsonLinesFile(
  meta: Omit<LogFile, 'text' | 'locations'>,
  events: readonly TruthEvent[],
  toRecord: (event: TruthEvent) => unknown,
): LogFile {
  const locations = new Map<TruthEvent, RecordLocation>();
  const lines = events.map((event, at) => {
    locations.set(event, { file: meta.path, line: at + 1 });
    return JSON.stringify(toRecord(event));
  });
  return { ...meta, text: lines.map((line) => `${line}\n`).join(''), locations };
}

/**
 * A JSON array of records, one element per line, inside `wrap` (the vendor's envelope, e.g. `{"value":[…]}`); each
 * event's location is its 0-based index in the array, as core/sources reports it.
 */
export function jsonArrayFile(
  meta: Omit<LogFile, 'text' | 'locations'>,
  events: readonly TruthEvent[],
  toRecord: (event: TruthEvent) => unknown,
  wrap: (array: string) => string = (array) => array,
): LogFile {
  const locations = new Map<TruthEvent, RecordLocation>();
  const elements = events.map((event, index) => {
    locations.set(event, { file: meta.path, index });
    return JSON.stringify(toRecord(event));
  });
  return { ...meta, text: `${wrap(`[\n${elements.join(',\n')}\n]`)}\n`, locations };
}
