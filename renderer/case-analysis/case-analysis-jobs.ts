// The page's side of the case-analysis worker: starts runs, relays cancel, and keeps each case's current run for
// the views (useSyncExternalStore). One worker, created on first use. A run asked for while one is running for
// the same case is queued behind it, so the stored results always reflect the latest request.
import CaseAnalysisWorker from './case-analysis.worker?worker&inline';
import { newId } from '../db/ids';
import type { CaseAnalysisOutcome, CaseAnalysisProgress, CaseAnalysisReply, CaseAnalysisRequest, CaseAnalysisSummary } from './case-analysis-protocol';

/** One run as the views show it. Replaced (never mutated) on every change, so snapshots compare by identity. */
export interface CaseAnalysisJob {
  readonly jobId: string;
  readonly caseId: string;
  readonly status: 'running' | CaseAnalysisOutcome;
  readonly progress?: CaseAnalysisProgress;
  readonly summary?: CaseAnalysisSummary;
  readonly error?: string;
}

class CaseAnalysisJobs {
  private worker: Worker | undefined;
  private readonly jobs = new Map<string, CaseAnalysisJob>();
  private readonly listeners = new Set<() => void>();
  private readonly queued = new Set<string>();
  /** What the last automatic start saw per case: a cancelled run is not restarted until this changes. */
  private readonly autoSeen = new Map<string, string>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  job(caseId: string): CaseAnalysisJob | undefined {
    return this.jobs.get(caseId);
  }

  run(caseId: string): void {
    if (this.jobs.get(caseId)?.status === 'running') {
      this.queued.add(caseId);
      return;
    }
    const jobId = newId();
    this.set({ jobId, caseId, status: 'running' });
    this.post({ type: 'run', jobId, caseId });
  }

  /** Starts a run once per distinct `state` of the case (see use-auto-case-analysis.ts). */
  autoRun(caseId: string, state: string): void {
    if (this.autoSeen.get(caseId) === state) return;
    this.autoSeen.set(caseId, state);
    this.run(caseId);
  }

  cancel(caseId: string): void {
    const job = this.jobs.get(caseId);
    if (job?.status !== 'running') return;
    this.queued.delete(caseId);
    this.post({ type: 'cancel', jobId: job.jobId });
  }

  private set(job: CaseAnalysisJob): void {
    this.jobs.set(job.caseId, job);
    for (const listener of this.listeners) listener();
  }

  private post(request: CaseAnalysisRequest): void {
    if (!this.worker) {
      const worker = new CaseAnalysisWorker({ name: 'tokentrail-case-analysis' });
      worker.onmessage = (message: MessageEvent<CaseAnalysisReply>) => this.onReply(message.data);
      // A worker that failed to load or crashed fails its running jobs visibly and is replaced on next use.
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        this.worker = undefined;
        for (const job of this.jobs.values()) if (job.status === 'running') this.set({ ...job, status: 'failed', error: event.message || 'the case-analysis worker stopped' });
      };
      this.worker = worker;
    }
    this.worker.postMessage(request);
  }

  private onReply(reply: CaseAnalysisReply): void {
    const job = [...this.jobs.values()].find((candidate) => candidate.jobId === reply.jobId);
    if (!job) return;
    if (reply.type === 'progress') {
      this.set({ ...job, progress: reply.progress });
      return;
    }
    this.set({ ...job, status: reply.outcome, summary: reply.summary, error: reply.error });
    if (this.queued.delete(job.caseId)) this.run(job.caseId);
  }
}

/** The one case-analysis manager of this window. */
export const caseAnalysisJobs = new CaseAnalysisJobs();
