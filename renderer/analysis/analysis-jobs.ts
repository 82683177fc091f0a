// The page's side of the analysis workers: starts jobs, relays cancel, and keeps the state of each case's
// current job (one per kind) for the views, which subscribe through useSyncExternalStore. Two workers, created
// on first use: one for token analysis, one for wordlist searches, so each kind can use a core of its own.
import AnalysisWorker from './analysis.worker?worker&inline';
import { newId } from '../db/ids';
import type { AnalysisReply, AnalysisRequest, AnalysisScope, AnalyzeProgress, AnalyzeSummary, JobOutcome, WordlistProgress, WordlistSummary } from './analysis-protocol';

export type JobKind = 'analyze' | 'wordlist';

/** One job as the views show it. Replaced (never mutated) on every change, so snapshots compare by identity. */
export interface JobState {
  readonly jobId: string;
  readonly caseId: string;
  readonly kind: JobKind;
  readonly status: 'running' | JobOutcome;
  readonly label: string;
  readonly progress?: AnalyzeProgress | WordlistProgress;
  readonly summary?: AnalyzeSummary | WordlistSummary;
  readonly error?: string;
}

const jobKey = (caseId: string, kind: JobKind) => `${caseId}|${kind}`;

class AnalysisJobs {
  private readonly workers = new Map<JobKind, Worker>();
  private readonly jobs = new Map<string, JobState>();
  private readonly byId = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  /** Cases whose analysis was asked for again while one ran: rerun (stale scope) when it ends. */
  private readonly rerun = new Set<string>();
  /** What the last automatic start saw, per case; a cancelled analysis is not restarted until this changes. */
  private readonly autoSeen = new Map<string, string>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  job(caseId: string, kind: JobKind): JobState | undefined {
    return this.jobs.get(jobKey(caseId, kind));
  }

  running(caseId: string, kind: JobKind): boolean {
    return this.job(caseId, kind)?.status === 'running';
  }

  /** Analyse the case's tokens: `stale` ones (never analysed, or with older key material) or `all`. */
  analyze(caseId: string, scope: AnalysisScope): void {
    if (this.running(caseId, 'analyze')) {
      this.rerun.add(caseId);
      return;
    }
    this.start({ type: 'analyze', jobId: newId(), caseId, scope }, scope === 'all' ? 'Re-analysing every token' : 'Analysing tokens');
  }

  /** Starts a stale-scope analysis once per distinct `state` of the case (its token and file counts). */
  autoAnalyze(caseId: string, state: string): void {
    if (this.autoSeen.get(caseId) === state) return;
    this.autoSeen.set(caseId, state);
    this.analyze(caseId, 'stale');
  }

  searchWordlist(caseId: string, file: File): void {
    if (this.running(caseId, 'wordlist')) return;
    this.start({ type: 'wordlist', jobId: newId(), caseId, file }, `Searching ${file.name}`);
  }

  cancel(caseId: string, kind: JobKind): void {
    const job = this.job(caseId, kind);
    if (job?.status !== 'running') return;
    if (kind === 'analyze') this.rerun.delete(caseId);
    this.worker(kind).postMessage({ type: 'cancel', jobId: job.jobId } satisfies AnalysisRequest);
  }

  private start(request: Exclude<AnalysisRequest, { type: 'cancel' }>, label: string): void {
    const kind = request.type;
    this.set({ jobId: request.jobId, caseId: request.caseId, kind, status: 'running', label });
    this.worker(kind).postMessage(request);
  }

  private set(job: JobState): void {
    this.jobs.set(jobKey(job.caseId, job.kind), job);
    this.byId.set(job.jobId, jobKey(job.caseId, job.kind));
    for (const listener of this.listeners) listener();
  }

  private update(jobId: string, change: Partial<JobState>): JobState | undefined {
    const key = this.byId.get(jobId);
    const job = key === undefined ? undefined : this.jobs.get(key);
    if (!job || job.jobId !== jobId) return undefined; // a newer job of the same case and kind replaced it
    const updated = { ...job, ...change };
    this.set(updated);
    return updated;
  }

  private worker(kind: JobKind): Worker {
    let worker = this.workers.get(kind);
    if (!worker) {
      worker = new AnalysisWorker({ name: `tokentrail-${kind}` });
      worker.onmessage = (message: MessageEvent<AnalysisReply>) => this.onReply(message.data);
      worker.onerror = (event) => this.onWorkerError(kind, event.message || 'the analysis worker could not start');
      this.workers.set(kind, worker);
    }
    return worker;
  }

  private onReply(reply: AnalysisReply): void {
    if (reply.type === 'progress') {
      this.update(reply.jobId, { progress: reply.progress });
      return;
    }
    const job = this.update(reply.jobId, { status: reply.outcome, summary: reply.summary, error: reply.error });
    if (job?.kind === 'analyze' && this.rerun.delete(job.caseId)) this.analyze(job.caseId, 'stale');
  }

  /** A worker that failed to load or crashed fails its running jobs visibly, and is replaced on next use. */
  private onWorkerError(kind: JobKind, message: string): void {
    this.workers.get(kind)?.terminate();
    this.workers.delete(kind);
    for (const job of this.jobs.values()) {
      if (job.kind === kind && job.status === 'running') this.update(job.jobId, { status: 'failed', error: message });
    }
  }
}

/** The one job manager of this window. */
export const analysisJobs = new AnalysisJobs();
