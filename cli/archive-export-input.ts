// A verified case archive as an export's input, read as the app reads its store: an app archive's events carry their
// seq as export id (so annotations, targeted `event:<seq>`, attach as they do in the app), its findings come in the
// Findings view's order with their annotations; a CLI archive's events and findings are exactly what `analyze` made,
// with the ids `export` gives evidence (cli/export-events.ts).
import type { AnnotationState } from '../core/annotations';
import { isEmptyAnnotation } from '../core/annotations';
import type { AuthEvent } from '../core';
import type { IdentityDirectory, TimelineFinding } from '../core/timeline';
import { SEVERITY_RANK, type Severity } from '../core/token';
import { archivedAppEvents, type ArchivedCase } from './case-archive-read';
import { eventIds, inTimeOrder, type ExportInput } from './export-events';

/** An annotation as the app stores it (renderer/db/annotation-records.ts), with what a report names. */
export interface ArchivedAnnotation {
  readonly state: AnnotationState;
  readonly investigator: string;
  readonly at: number;
}

/** The current annotation of every annotated item of the case, by target key; a deleted one (empty) is none. */
export function archivedAnnotations(archived: ArchivedCase): ReadonlyMap<string, ArchivedAnnotation> {
  const found = new Map<string, ArchivedAnnotation>();
  for (const row of archived.rows('annotationStates')) {
    const state = row.state as unknown as AnnotationState;
    if (!isEmptyAnnotation(state))
      found.set(String(row.target), { state, investigator: String(row.investigator), at: Number(row.at) });
  }
  return found;
}

/** The store's own fields of a finding row, which the engine's finding does not have. */
function engineFinding(row: object): TimelineFinding {
  const {
    caseId: _caseId,
    rank: _rank,
    firstSeenAt: _firstSeen,
    runAt: _runAt,
    ...finding
  } = row as TimelineFinding & {
    caseId: unknown;
    rank: unknown;
    firstSeenAt: unknown;
    runAt: unknown;
  };
  return finding;
}

/** The Findings view's order: most severe first, then timed before untimed, then earliest first. */
function bySeverityThenTime(a: TimelineFinding, b: TimelineFinding): number {
  const rank = SEVERITY_RANK[b.severity as Severity] - SEVERITY_RANK[a.severity as Severity];
  if (rank !== 0) return rank;
  if (a.ts === null || b.ts === null) return a.ts === b.ts ? 0 : a.ts === null ? 1 : -1;
  return a.ts - b.ts;
}

/** The case's events with their export ids, in the Timeline's order. */
function archivedEvents(archived: ArchivedCase): ExportInput['events'] {
  if (archived.manifest.producer === 'cli') {
    const events = archived.rows('cliEvents') as unknown as AuthEvent[];
    return inTimeOrder(events, eventIds(events.map((event) => event.source)));
  }
  const rows = archivedAppEvents(archived);
  return inTimeOrder(
    rows.map((row) => row.event),
    rows.map((row) => String(row.seq)),
  );
}

/** Who each subject is: the app's last case analysis, or the directory a CLI archive carries. */
export function archivedIdentities(archived: ArchivedCase): IdentityDirectory | undefined {
  const row =
    archived.manifest.producer === 'cli'
      ? archived.rows('cliIdentities')[0]
      : archived.rows('caseAnalyses')[0]?.identities;
  return row as unknown as IdentityDirectory | undefined;
}

/** The case's findings in the Findings view's order (an app archive) or as `analyze` listed them (a CLI archive). */
export function archivedFindings(archived: ArchivedCase): TimelineFinding[] {
  if (archived.manifest.producer === 'cli') return archived.rows('cliFindings') as unknown as TimelineFinding[];
  return archived.rows('timelineFindings').map(engineFinding).sort(bySeverityThenTime);
}

/** Everything an export reads from a verified case archive, annotations included. */
export function archiveExportInput(archived: ArchivedCase): ExportInput {
  const annotations = archivedAnnotations(archived);
  return {
    events: archivedEvents(archived),
    findings: archivedFindings(archived),
    identities: archivedIdentities(archived),
    annotations: (targets) => {
      const found = new Map<string, AnnotationState>();
      for (const target of targets) {
        const annotation = annotations.get(target);
        if (annotation) found.set(target, annotation.state);
      }
      return found;
    },
    close: async () => {},
  };
}
