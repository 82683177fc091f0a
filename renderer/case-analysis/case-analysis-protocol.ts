// The messages between the page and the case-analysis worker. Results go to IndexedDB, which the page's live
// queries read: the messages carry only what a progress line needs.

export type CaseAnalysisRequest =
  | { readonly type: 'run'; readonly jobId: string; readonly caseId: string }
  | { readonly type: 'cancel'; readonly jobId: string };

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

export type CaseAnalysisOutcome = 'complete' | 'cancelled' | 'failed';

export type CaseAnalysisReply =
  | { readonly type: 'progress'; readonly jobId: string; readonly progress: CaseAnalysisProgress }
  | { readonly type: 'finished'; readonly jobId: string; readonly outcome: CaseAnalysisOutcome; readonly summary?: CaseAnalysisSummary; readonly error?: string };
