// The messages between the page and the analysis workers. The page starts jobs (token analysis of a case, a
// wordlist search over its HS* tokens) and cancels them; a worker reports progress and the outcome. Results go
// to IndexedDB, which the page's live queries read: the messages carry only what a progress bar needs.

/** Which tokens an analysis covers: those not yet judged with the case's current key material, or all. */
export type AnalysisScope = 'stale' | 'all';

export type AnalysisRequest =
  | { readonly type: 'analyze'; readonly jobId: string; readonly caseId: string; readonly scope: AnalysisScope }
  /** The File is passed by reference (structured clone of a File does not copy its bytes). */
  | { readonly type: 'wordlist'; readonly jobId: string; readonly caseId: string; readonly file: File }
  | { readonly type: 'cancel'; readonly jobId: string };

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

export type JobOutcome = 'complete' | 'cancelled' | 'failed';

export type AnalysisReply =
  | { readonly type: 'progress'; readonly jobId: string; readonly progress: AnalyzeProgress | WordlistProgress }
  | { readonly type: 'finished'; readonly jobId: string; readonly outcome: JobOutcome; readonly summary?: AnalyzeSummary | WordlistSummary; readonly error?: string };
