// The page's side of the analysis workers: each case's current token analysis and wordlist search, for the views.
// Two workers, created on first use: one for token analysis, one for wordlist searches, so each kind can use a
// core of its own.
import AnalysisWorker from './token-analysis.worker?worker&inline';
import { CaseJobs } from '../jobs/case-jobs';
import type { JobState as QueuedJob } from '../jobs/job-queue';
import type {
  AnalysisScope,
  AnalyzeJob,
  AnalyzeProgress,
  AnalyzeSummary,
  WordlistJob,
  WordlistProgress,
  WordlistSummary,
} from './token-analysis-protocol';

export type JobKind = 'analyze' | 'wordlist';

export type AnalyzeJobState = QueuedJob<AnalyzeJob, AnalyzeProgress, AnalyzeSummary>;
export type WordlistJobState = QueuedJob<WordlistJob, WordlistProgress, WordlistSummary>;
/** One job as the views show it. Replaced (never mutated) on every change, so snapshots compare by identity. */
export type JobState = AnalyzeJobState | WordlistJobState;

const createWorker = (kind: JobKind) => () => new AnalysisWorker({ name: `tokentrail-${kind}` });
const stoppedMessage = 'the analysis worker could not start';

class AnalysisJobs {
  /** A stale-scope analysis reruns when one is asked for while the case's runs (new tokens since it started). */
  private readonly analyses = new CaseJobs<AnalyzeJob, AnalyzeProgress, AnalyzeSummary>({
    createWorker: createWorker('analyze'),
    stoppedMessage,
    rerun: (caseId) => ({ type: 'analyze', caseId, scope: 'stale' }),
  });
  private readonly searches = new CaseJobs<WordlistJob, WordlistProgress, WordlistSummary>({
    createWorker: createWorker('wordlist'),
    stoppedMessage,
  });

  subscribe = (listener: () => void): (() => void) => {
    const unsubscribe = [this.analyses.subscribe(listener), this.searches.subscribe(listener)];
    return () => unsubscribe.forEach((stop) => stop());
  };

  job(caseId: string, kind: JobKind): JobState | undefined {
    return this.jobs(kind).job(caseId);
  }

  running(caseId: string, kind: JobKind): boolean {
    return this.jobs(kind).running(caseId);
  }

  /** Analyse the case's tokens: `stale` ones (never analysed, or with older key material) or `all`. */
  analyze(caseId: string, scope: AnalysisScope): void {
    this.analyses.start({ type: 'analyze', caseId, scope });
  }

  /** Starts a stale-scope analysis once per distinct `state` of the case (its token and file counts). */
  autoAnalyze(caseId: string, state: string): void {
    this.analyses.autoStart(state, { type: 'analyze', caseId, scope: 'stale' });
  }

  searchWordlist(caseId: string, file: File): void {
    this.searches.start({ type: 'wordlist', caseId, file });
  }

  cancel(caseId: string, kind: JobKind): void {
    this.jobs(kind).cancel(caseId);
  }

  private jobs(
    kind: JobKind,
  ): CaseJobs<AnalyzeJob, AnalyzeProgress, AnalyzeSummary> | CaseJobs<WordlistJob, WordlistProgress, WordlistSummary> {
    return kind === 'analyze' ? this.analyses : this.searches;
  }
}

/** The one job manager of this window. */
export const analysisJobs = new AnalysisJobs();

/** What the views say a job is doing. */
export function jobLabel(job: JobState): string {
  if (job.job.type === 'wordlist') return `Searching ${job.job.file.name}`;
  return job.job.scope === 'all' ? 'Re-analysing every token' : 'Analysing tokens';
}
