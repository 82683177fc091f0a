// What the page and the case-analysis worker say to each other, inside job-protocol.ts's messages: the job (run
// the detectors over a case), its progress and its summary.

export interface CaseAnalysisJob {
  readonly caseId: string;
}

export interface CaseAnalysisProgress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

export interface CaseAnalysisSummary {
  readonly findings: number;
  readonly bySeverity: Readonly<Record<string, number>>;
  readonly events: number;
  readonly milliseconds: number;
}
