// What the page and the analysis workers say to each other, inside job-protocol.ts's messages: the jobs (token
// analysis of a case, a wordlist search over its HS* tokens), their progress and their summaries.

/** Which tokens an analysis covers: those not yet judged with the case's current key material, or all. */
export type AnalysisScope = 'stale' | 'all';

export interface AnalyzeJob {
  readonly type: 'analyze';
  readonly caseId: string;
  readonly scope: AnalysisScope;
}

export interface WordlistJob {
  readonly type: 'wordlist';
  readonly caseId: string;
  /** Passed by reference (structured clone of a File does not copy its bytes). */
  readonly file: File;
}

/** What an analysis worker is asked to run (job-protocol.ts carries it, with cancel, progress and outcome). */
export type AnalysisJob = AnalyzeJob | WordlistJob;

export interface AnalyzeProgress {
  readonly kind: 'analyze';
  /** Tokens looked at (analysed or already current) of `total`. */
  readonly done: number;
  readonly total: number;
}

export interface WordlistProgress {
  readonly kind: 'wordlist';
  readonly tried: number;
  readonly wordsPerSecond: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly targets: number;
}

export interface AnalyzeSummary {
  readonly kind: 'analyze';
  readonly analysed: number;
  readonly total: number;
  readonly keys: number;
  readonly keyProblems: readonly string[];
  /** Wall time of the whole run, and of the part spent analysing (decode, verify, checks) rather than reading or storing. */
  readonly elapsedMs: number;
  readonly analyseMs: number;
}

export interface WordlistSummary {
  readonly kind: 'wordlist';
  readonly source: string;
  readonly tried: number;
  readonly wordsPerSecond: number;
  readonly targets: number;
  /**
   * Tokens whose secret was found, with the secret as the finding shows it. `stored` is false when the token had
   * no analysis record to add the finding to (it was imported after the last analysis): analyse, then search again.
   */
  readonly found: readonly { readonly tokenHash: string; readonly message: string; readonly stored: boolean }[];
}
