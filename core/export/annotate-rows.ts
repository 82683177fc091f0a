// Attaching the investigator's annotations to exported rows. The host looks them up by target key (`event:<id>`,
// `finding:<key>`; core/annotations targetKey) a page at a time, so a million-event export never asks for a million
// keys at once.
import { targetKey, type AnnotationState } from '../annotations';
import type { ExportEvent } from './event-document';
import type { ExportFinding } from './finding-record';

/** Annotation states by target key for some targets; a target without an annotation is simply absent. */
export type AnnotationLookup = (
  targets: readonly string[],
) => Promise<ReadonlyMap<string, AnnotationState>> | ReadonlyMap<string, AnnotationState>;

/** The events of each page with their annotations (`event:<id>`), one lookup per page; as they are without a lookup. */
export async function* annotatedEvents(
  pages: Iterable<readonly ExportEvent[]> | AsyncIterable<readonly ExportEvent[]>,
  lookup?: AnnotationLookup,
): AsyncGenerator<ExportEvent> {
  for await (const page of pages) {
    if (!lookup) {
      yield* page;
      continue;
    }
    const keys = page.map((row) => targetKey({ kind: 'event', id: row.id }));
    const states = await lookup(keys);
    for (const [position, row] of page.entries()) {
      const annotation = states.get(keys[position]!);
      yield annotation ? { ...row, annotation } : row;
    }
  }
}

/** Findings with their annotations (`finding:<key>`), in one lookup: a case has hundreds of findings, not millions. */
export async function annotatedFindings(
  rows: readonly ExportFinding[],
  lookup?: AnnotationLookup,
): Promise<ExportFinding[]> {
  if (!lookup) return [...rows];
  const keys = rows.map((row) => targetKey({ kind: 'finding', id: row.finding.key }));
  const states = await lookup(keys);
  return rows.map((row, position) => {
    const annotation = states.get(keys[position]!);
    return annotation ? { ...row, annotation } : row;
  });
}
