// What the page and the case-analysis worker say to each other, inside job-protocol.ts's messages: the job (run
// the detectors over a case), its progress and its summary.

export interface TimelineAnalysisJob {
  readonly caseId: string;
  /** The page's JavaScript heap limit (workers cannot read it), for the worker to refuse a case too large for it. */
  readonly heapLimit?: number;
}

export interface TimelineAnalysisProgress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

export interface TimelineAnalysisSummary {
  readonly findings: number;
  readonly bySeverity: Readonly<Record<string, number>>;
  readonly events: number;
  readonly milliseconds: number;
}
