// One job of a kind per case, as the analyses run them (token analysis, wordlist search, case analysis): the
// views follow each case's current job through useSyncExternalStore, a start asked for while one runs is queued
// behind it (or ignored, for kinds that do not rerun), and automatic starts happen once per state of the case.
import { JobQueue, type JobQueueOptions, type JobState } from './job-queue';

export interface CaseJobsOptions<Job> extends Pick<
  JobQueueOptions<Job, unknown, unknown>,
  'createWorker' | 'stoppedMessage'
> {
  /**
   * The job to run when a start was asked for while the case's job ran, so the stored results reflect the latest
   * request. Without it such a start is ignored.
   */
  readonly rerun?: (caseId: string) => Job;
}

export class CaseJobs<Job extends { readonly caseId: string }, Progress, Summary> {
  private readonly queue: JobQueue<Job, Progress, Summary>;
  private readonly current = new Map<string, JobState<Job, Progress, Summary>>();
  private readonly listeners = new Set<() => void>();
  /** Cases whose job was asked for again while one ran. */
  private readonly queued = new Set<string>();
  /** What the last automatic start saw, per case; a cancelled job is not restarted until this changes. */
  private readonly autoSeen = new Map<string, string>();

  constructor(private readonly options: CaseJobsOptions<Job>) {
    this.queue = new JobQueue({ ...options, onUpdate: (job) => this.onUpdate(job) });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The case's current (running or last finished) job. Replaced, never mutated, on every change. */
  job(caseId: string): JobState<Job, Progress, Summary> | undefined {
    return this.current.get(caseId);
  }

  running(caseId: string): boolean {
    return this.job(caseId)?.status === 'running';
  }

  start(job: Job): void {
    if (this.running(job.caseId)) {
      if (this.options.rerun) this.queued.add(job.caseId);
      return;
    }
    this.queue.start(job);
  }

  /** Starts `job` once per distinct `state` of its case (e.g. its token and file counts). */
  autoStart(state: string, job: Job): void {
    if (this.autoSeen.get(job.caseId) === state) return;
    this.autoSeen.set(job.caseId, state);
    this.start(job);
  }

  cancel(caseId: string): void {
    const job = this.job(caseId);
    if (job?.status !== 'running') return;
    this.queued.delete(caseId);
    this.queue.cancel(job.jobId);
  }

  private onUpdate(job: JobState<Job, Progress, Summary>): void {
    // Only a running job's changes come here, and a case's job starts only when none runs: this one is current.
    const caseId = job.job.caseId;
    this.current.set(caseId, job);
    for (const listener of this.listeners) listener();
    if (job.status !== 'running' && this.queued.delete(caseId) && this.options.rerun)
      this.start(this.options.rerun(caseId));
  }
}
