// The export feature's reads and writes of the window's store: the filtered timeline a page at a time, the findings
// the view shows, the annotations of each page, and the journal entry of a saved export.
import type { AnnotationState } from '../../core/annotations';
import type { AnnotationLookup, ExportEvent } from '../../core/export';
import type { StoredFinding } from '../db/case-analysis-records';
import { db } from '../db/schema';
import { appendCustody, type CustodyFields } from '../evidence/custody-log';
import { timelineFindings } from '../findings/queries';
import type { EventCursor } from '../timeline/page-request';
import type { TimelineFilter } from '../timeline/timeline-filter';
import { queryPage } from '../timeline/timeline-query';

/** Events per page: one page's annotations are looked up at once. */
const PAGE_SIZE = 2_000;

/**
 * The events `filter` keeps, in the Timeline's order, a page at a time (keyset paging from the last key read, the
 * Timeline's own query); each event's export id is its seq, so its annotation target is `event:<seq>`. Stops early
 * when `signal` is aborted.
 */
export async function* timelineExportPages(
  caseId: string,
  filter: TimelineFilter,
  signal: AbortSignal,
): AsyncGenerator<ExportEvent[]> {
  let from: EventCursor | undefined;
  for (;;) {
    if (signal.aborted) return;
    const page = await queryPage(db, caseId, filter, { direction: 'forward', from, limit: PAGE_SIZE });
    if (page.rows.length > 0) yield page.rows.map((row) => ({ id: String(row.seq), event: row.event }));
    if (page.exhausted || !page.resume) return;
    from = page.resume;
  }
}

/** The findings the timeline filter keeps (as the Findings view lists them before its own filters). */
export async function findingsInTimelineFilter(caseId: string, filter: TimelineFilter): Promise<StoredFinding[]> {
  return [...(await timelineFindings(caseId, filter)).kept];
}

/**
 * Annotation states of a case by target key, read from annotationStates ([caseId+target], schema v7). Stands in
 * until renderer/annotations offers currentAnnotations(database, caseId, targets); the export takes any lookup.
 */
export function storedAnnotations(caseId: string): AnnotationLookup {
  return async (targets) => {
    const rows = await db.annotationStates.bulkGet(targets.map((target): [string, string] => [caseId, target]));
    const states = new Map<string, AnnotationState>();
    for (const row of rows) if (row) states.set(row.target, row.state);
    return states;
  };
}

/** Records a saved export in the case's journal. */
export async function recordExport(caseId: string, fields: CustodyFields): Promise<void> {
  await appendCustody(db, caseId, fields);
}
