// The case's distinct subject ids, gathered while the case analysis reads every event anyway, so the People tab can
// list them from the stored run instead of reading every posting of the subject facet (seconds at 10M events).
import { facetValues } from '../../core/timeline';
import { SUBJECT_IDS_KEPT, type SubjectIds } from '../db/case-analysis-records';
import type { StoredEvent } from '../db/event-records';

export class SubjectIdGatherer {
  // One entry per distinct subject (a record's own subject string is the one the analysis's string pool keeps).
  private readonly seen = new Set<string>();

  note(row: Pick<StoredEvent, 'event' | 'fileId'>): void {
    for (const subject of facetValues(row.event, row.fileId, 'subject')) this.seen.add(subject);
  }

  /** The first `kept` ids in the order the store's distinct-value reads give (UTF-16 code units, as IndexedDB keys). */
  result(kept = SUBJECT_IDS_KEPT): SubjectIds {
    const sorted = [...this.seen].sort();
    return { first: sorted.slice(0, kept), complete: sorted.length <= kept };
  }
}
