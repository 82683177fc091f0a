// What the page and the case-analysis worker say to each other, inside job-protocol.ts's messages: the job (run
// the detectors over a case), its progress and its summary.

export interface TimelineAnalysisJob {
  readonly caseId: string;
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
