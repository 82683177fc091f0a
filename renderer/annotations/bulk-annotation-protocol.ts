// What the page and the bulk-annotation worker say to each other, inside job-protocol.ts's messages.
import type { BulkChange } from './bulk-change';
import type { BulkSelection } from './bulk-annotation-targets';

export interface BulkAnnotationJob {
  readonly caseId: string;
  /** The id every revision of this job carries (`bulkId`) and its journal entry names. */
  readonly bulkId: string;
  readonly investigator: string;
  readonly selection: BulkSelection;
  readonly change: BulkChange;
  /** The filter in the investigator's words (times in their zone, file names), for the journal entry's detail. */
  readonly filterText: string;
}

export interface BulkAnnotationProgress {
  /** Items the filter matched so far. */
  readonly matched: number;
  /** Items changed so far (an item that already had the change is matched but not written). */
  readonly written: number;
}

export interface BulkAnnotationSummary extends BulkAnnotationProgress {
  readonly bulkId: string;
  readonly cancelled: boolean;
  /** The seq of the `bulk-annotation` journal entry. */
  readonly journalSeq: number;
}
