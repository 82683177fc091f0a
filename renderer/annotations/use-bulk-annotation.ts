// A view's handle on its case's bulk annotation: the current job (running or last finished) when it is of this
// view's kind of item, and start/cancel.
import { useCallback, useSyncExternalStore } from 'react';
import { newId } from '../db/ids';
import type { BulkAnnotationJob } from './bulk-annotation-protocol';
import { bulkAnnotationJobs, type BulkAnnotationJobState } from './bulk-annotation-jobs';
import type { BulkSelection } from './bulk-annotation-targets';
import type { BulkChange } from './bulk-change';

export interface BulkAnnotationControls {
  readonly job: BulkAnnotationJobState | undefined;
  /** True while any bulk job of the case runs (one at a time per case, whatever view started it). */
  readonly busy: boolean;
  start(change: BulkChange): void;
  cancel(): void;
}

export function useBulkAnnotation(
  caseId: string,
  investigator: string,
  selection: BulkSelection,
  filterText: string,
): BulkAnnotationControls {
  const current = useSyncExternalStore(bulkAnnotationJobs.subscribe, () => bulkAnnotationJobs.job(caseId));
  const start = useCallback(
    (change: BulkChange) => {
      const job: BulkAnnotationJob = { caseId, bulkId: newId(), investigator, selection, change, filterText };
      bulkAnnotationJobs.start(job);
    },
    [caseId, investigator, selection, filterText],
  );
  const cancel = useCallback(() => bulkAnnotationJobs.cancel(caseId), [caseId]);
  return {
    job: current?.job.selection.kind === selection.kind ? current : undefined,
    busy: current?.status === 'running',
    start,
    cancel,
  };
}
