// The page's side of a job worker: starts jobs, relays cancel, and reports every change of a job's state (progress,
// outcome) to its owner. The worker is created on first use; one that fails to load or dies fails its running jobs
// visibly and is replaced on next use. The owners (case-jobs.ts for the analyses, ingest-client.ts) keep only what
// is their own: which job is a case's current one, reruns, and the store records a job stands for.
import { newId } from '../db/ids';
import type { JobOutcome, JobReply, JobRequest } from './job-protocol';

/** One job as the views show it. Replaced (never mutated) on every change, so snapshots compare by identity. */
export interface JobState<Job, Progress, Summary> {
  readonly jobId: string;
  readonly job: Job;
  readonly status: 'running' | JobOutcome;
  readonly progress?: Progress;
  readonly summary?: Summary;
  readonly error?: string;
  /** Set when the job failed because its worker died or could not be started, not by its own fault. */
  readonly lost?: boolean;
}

export interface JobQueueOptions<Job, Progress, Summary> {
  readonly createWorker: () => Worker;
  /** The error of running jobs when the worker stopped without saying why. */
  readonly stoppedMessage: string;
  /** Called on every change of a job's state, the last time with its outcome. */
  readonly onUpdate: (job: JobState<Job, Progress, Summary>) => void;
  /** Called with the jobs that were running when the worker died or could not be started. */
  readonly onWorkerLost?: (jobs: readonly JobState<Job, Progress, Summary>[]) => void;
}

export interface StartOptions {
  /** Moved to the worker, not copied (e.g. a file's bytes); unusable on the page afterwards. */
  readonly transfer?: readonly Transferable[];
  /** Posted at once even while the queue is held by `waitFor`. */
  readonly immediate?: boolean;
}

export class JobQueue<Job, Progress, Summary> {
  private worker: Worker | undefined;
  /** The running jobs; a finished one lives on only where its owner keeps it. */
  private readonly jobs = new Map<string, JobState<Job, Progress, Summary>>();
  private readonly settle = new Map<string, (state: JobState<Job, Progress, Summary>) => void>();
  /** Requests are posted behind this, in order; see `waitFor`. */
  private ready: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: JobQueueOptions<Job, Progress, Summary>) {}

  /** Starts `job` in the worker; `finished` resolves (never rejects) with its last state. */
  start(
    job: Job,
    startOptions: StartOptions = {},
  ): { jobId: string; finished: Promise<JobState<Job, Progress, Summary>> } {
    const jobId = newId();
    const finished = new Promise<JobState<Job, Progress, Summary>>((resolve) => this.settle.set(jobId, resolve));
    this.set({ jobId, job, status: 'running' });
    const request: JobRequest<Job> = { type: 'start', jobId, job };
    if (startOptions.immediate) this.postNow(request, startOptions.transfer);
    else this.post(request);
    return { jobId, finished };
  }

  cancel(jobId: string): void {
    if (this.jobs.get(jobId)?.status === 'running') this.post({ type: 'cancel', jobId });
  }

  /**
   * Holds requests to the worker until `prerequisite` settles (fulfilled or not); the jobs show as running
   * meanwhile. Requests keep their order: a cancel never overtakes the job it cancels.
   */
  waitFor(prerequisite: Promise<unknown>): void {
    this.ready = Promise.all([this.ready, prerequisite.catch(() => undefined)]);
  }

  private post(request: JobRequest<Job>): void {
    this.ready = this.ready.then(() => this.postNow(request));
  }

  /** A request that cannot be posted (the worker would not start) ends like a worker that died. */
  private postNow(request: JobRequest<Job>, transfer: readonly Transferable[] = []): void {
    try {
      this.ensureWorker().postMessage(request, [...transfer]);
    } catch (error) {
      this.loseWorker(error instanceof Error ? error.message : String(error));
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.options.createWorker();
    worker.onmessage = (message: MessageEvent<JobReply<Progress, Summary>>) => this.onReply(message.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.loseWorker(event.message);
    };
    this.worker = worker;
    return worker;
  }

  private loseWorker(reason: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    const lost = [...this.jobs.values()].filter((job) => job.status === 'running');
    if (lost.length > 0) this.options.onWorkerLost?.(lost);
    for (const job of lost)
      this.finish({ ...job, status: 'failed', error: reason || this.options.stoppedMessage, lost: true });
  }

  private onReply(reply: JobReply<Progress, Summary>): void {
    const job = this.jobs.get(reply.jobId);
    if (job?.status !== 'running') return;
    if (reply.type === 'progress') this.set({ ...job, progress: reply.progress });
    else this.finish({ ...job, status: reply.outcome, summary: reply.summary, error: reply.error });
  }

  private finish(job: JobState<Job, Progress, Summary>): void {
    this.jobs.delete(job.jobId);
    this.options.onUpdate(job);
    this.settle.get(job.jobId)?.(job);
    this.settle.delete(job.jobId);
  }

  private set(job: JobState<Job, Progress, Summary>): void {
    this.jobs.set(job.jobId, job);
    this.options.onUpdate(job);
  }
}
