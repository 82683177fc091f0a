// What an export reads, whatever its input: the events in the Timeline's order with their export ids, the findings,
// and the annotations when the input carries them.
import type { AuthEvent } from '../core';
import type { AnnotationLookup, ExportEvent } from '../core/export';
import { UNTIMED_SORT_TS, type EvidenceLocation, type IdentityDirectory, type TimelineFinding } from '../core/timeline';

/** Everything an export reads from its inputs. */
export interface ExportInput {
  /** Every event in time order (untimed first, as in the app), each with its export id. */
  readonly events: readonly ExportEvent[];
  readonly findings: readonly TimelineFinding[];
  readonly identities?: IdentityDirectory;
  /** The investigator's annotations, when the input carries them (a case archive); evidence has none. */
  readonly annotations?: AnnotationLookup;
  /** Release what the inputs hold open. */
  close(): Promise<void>;
}

/**
 * Where a record is, as an id: `<file SHA-256>:<line>`, or `<file SHA-256>#<index>` for an entry of a JSON array.
 * The CLI has no store and so no seq: this names the record in the evidence itself, the same on every run.
 */
export function recordId(source: Pick<EvidenceLocation, 'sha256' | 'line' | 'index'>): string {
  if (source.line !== undefined) return `${source.sha256}:${source.line}`;
  return source.index !== undefined ? `${source.sha256}#${source.index}` : source.sha256;
}

/**
 * Ids for events in the order parsed: the record's id, and for the second and later event one record yields,
 * `/2`, `/3`… after it (events of one record are parsed one after another).
 */
export function eventIds(sources: Iterable<Pick<EvidenceLocation, 'sha256' | 'line' | 'index'>>): string[] {
  const ids: string[] = [];
  let previous = '';
  let repeat = 1;
  for (const source of sources) {
    const id = recordId(source);
    repeat = id === previous ? repeat + 1 : 1;
    previous = id;
    ids.push(repeat === 1 ? id : `${id}/${repeat}`);
  }
  return ids;
}

/**
 * Events in the Timeline's order: by time, untimed first, and events of the same millisecond in the order given (a
 * stable sort), each with the id `ids` gives it.
 */
export function inTimeOrder(events: readonly AuthEvent[], ids: readonly string[]): ExportEvent[] {
  const order = events.map((_, position) => position);
  const sortTs = (position: number) => events[position]!.ts ?? UNTIMED_SORT_TS;
  order.sort((a, b) => sortTs(a) - sortTs(b));
  return order.map((position) => ({ id: ids[position]!, event: events[position]! }));
}
