import type { EvidenceKind } from '../../evidence';
import type { RecordLocation, TruthEvent } from '../model';

/**
 * A written evidence file: its place in the bundle, manifest facts, its text in parts, and where each truth event
 * went. The text is kept in parts of a few thousand lines because one JavaScript string holds at most ~512 Mi
 * characters, less than the access log of a million events.
 */
export interface LogFile {
  readonly path: string;
  /** Bundle kind (docs/bundle-format.md). */
  readonly kind: EvidenceKind;
  readonly mediaType: string;
  readonly description: string;
  readonly parts: readonly string[];
  readonly locations: ReadonlyMap<TruthEvent, RecordLocation>;
}

const LINES_PER_PART = 4096;

/** `lines`, each ending in a line feed, joined into parts of {@link LINES_PER_PART} lines. */
export function linesInParts(lines: readonly string[]): string[] {
  const parts: string[] = [];
  for (let at = 0; at < lines.length; at += LINES_PER_PART)
    parts.push(`${lines.slice(at, at + LINES_PER_PART).join('\n')}\n`);
  return parts;
}

/**
 * The parts of a JSON array written one element per line between `opening` and `closing`: `[`, the elements
 * separated by commas, `]`, inside the vendor's envelope when it has one.
 */
export function jsonArrayParts(elements: readonly string[], opening = '[', closing = ']'): string[] {
  const lines = elements.map((element, at) => (at < elements.length - 1 ? `${element},` : element));
  return [`${opening}\n`, ...linesInParts(lines), `${closing}\n`];
}

/** ISO 8601 UTC with milliseconds. */
export const isoTime = (ts: number): string => new Date(ts).toISOString();

/** One JSON document per line; each event's location is its line. */
export function jsonLinesFile(
  meta: Omit<LogFile, 'parts' | 'locations'>,
  events: readonly TruthEvent[],
  toRecord: (event: TruthEvent) => unknown,
): LogFile {
  const locations = new Map<TruthEvent, RecordLocation>();
  const lines = events.map((event, at) => {
    locations.set(event, { file: meta.path, line: at + 1 });
    return JSON.stringify(toRecord(event));
  });
  return { ...meta, parts: linesInParts(lines), locations };
}

/**
 * A JSON array of records, one element per line, inside `envelope` (the vendor's, e.g. `{"value":[…]}`); each
 * event's location is its 0-based index in the array, as core/sources reports it.
 */
export function jsonArrayFile(
  meta: Omit<LogFile, 'parts' | 'locations'>,
  events: readonly TruthEvent[],
  toRecord: (event: TruthEvent) => unknown,
  envelope: { opening: string; closing: string } = { opening: '[', closing: ']' },
): LogFile {
  const locations = new Map<TruthEvent, RecordLocation>();
  const elements = events.map((event, index) => {
    locations.set(event, { file: meta.path, index });
    return JSON.stringify(toRecord(event));
  });
  return { ...meta, parts: jsonArrayParts(elements, envelope.opening, envelope.closing), locations };
}
