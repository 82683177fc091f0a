// The export feature's reads and writes of the window's store: the filtered timeline a page at a time, the findings
// the view shows, the annotations of each page, and the journal entry of a saved export.
import type { AnnotationLookup, ExportEvent } from '../../core/export';
import type { StoredFinding } from '../db/case-analysis-records';
import { db } from '../db/schema';
import { currentAnnotations } from '../annotations/queries';
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

/** The investigator's annotations of the case's items, for the rows an export writes. */
export function storedAnnotations(caseId: string): AnnotationLookup {
  return (targets) => currentAnnotations(db, caseId, targets);
}

/** Records a saved export in the case's journal. */
export async function recordExport(caseId: string, fields: CustodyFields): Promise<void> {
  await appendCustody(db, caseId, fields);
}
