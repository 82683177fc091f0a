// The seam between what `tokentrail export` is given and the rows it writes. Today an input is evidence (bundles,
// folders, loose files) run through the pipeline of `analyze`; a case archive (core/archive) will be one more kind
// of input, bringing its stored events, findings and the investigator's annotations (see docs/exports.md).
import type { GeoLocator } from '../core';
import type { AnnotationLookup, ExportEvent } from '../core/export';
import { UNTIMED_SORT_TS, type EvidenceLocation, type IdentityDirectory, type TimelineFinding } from '../core/timeline';
import { readAnalyzeEvidence } from './analyze-evidence';
import { printProblems } from './analyze-output';
import { runPipeline } from './analyze-pipeline';
import type { Output } from './output';

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
function eventIds(sources: Iterable<Pick<EvidenceLocation, 'sha256' | 'line' | 'index'>>): string[] {
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
 * Read evidence `targets` the way `analyze` does (verify, ingest, analyse tokens, correlate, detect) and return its
 * events and findings. Evidence problems are printed on `out.stderr` as analyze prints them; an unreadable input
 * throws (EvidenceError names it).
 */
export async function readExportInput(
  targets: readonly string[],
  geo: GeoLocator | undefined,
  out: Output,
): Promise<ExportInput> {
  const evidence = await readAnalyzeEvidence(targets);
  try {
    const result = await runPipeline(evidence, geo);
    printProblems(evidence, result, out);
    const ids = eventIds(result.events.map((event) => event.source));
    const order = result.events.map((_, position) => position);
    const sortTs = (position: number) => result.events[position]!.ts ?? UNTIMED_SORT_TS;
    // A stable sort: events of the same millisecond keep the order they were read in.
    order.sort((a, b) => sortTs(a) - sortTs(b));
    return {
      events: order.map((position) => ({ id: ids[position]!, event: result.events[position]! })),
      findings: result.timeline.findings,
      identities: result.timeline.identities,
      close: () => evidence.close(),
    };
  } catch (error) {
    await evidence.close();
    throw error;
  }
}
