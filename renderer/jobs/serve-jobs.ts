// The worker's side of a job queue: runs each job it is given with a cancel signal and a throttled progress
// callback, and ends it with one `finished` reply whatever happens. Jobs of one worker run side by side; a job
// function that must run its jobs one after another queues them itself (ingest.worker.ts).
import type { CancelSignal, JobReply, JobRequest, JobResult } from './job-protocol';

/** Progress can fire hundreds of times a second; a progress bar needs a few updates. */
const PROGRESS_INTERVAL_MS = 100;

export interface JobContext<Progress> {
  readonly jobId: string;
  readonly signal: CancelSignal;
  /** Throttled to a few updates a second; `immediate` sends this one regardless (a step a view must not miss). */
  readonly onProgress: (progress: Progress, options?: { readonly immediate?: boolean }) => void;
}

export type JobFunction<Job, Progress, Summary> = (
  job: Job,
  context: JobContext<Progress>,
) => Promise<JobResult<Summary>>;

/** Answers this worker's messages by running `runJob` for every started job. */
export function serveJobs<Job, Progress, Summary>(runJob: JobFunction<Job, Progress, Summary>): void {
  const running = new Map<string, { aborted: boolean }>();
  const reply = (message: JobReply<Progress, Summary>) => postMessage(message);

  async function start(jobId: string, job: Job): Promise<void> {
    const signal = { aborted: false };
    running.set(jobId, signal);
    let last = 0;
    const onProgress = (progress: Progress, options?: { readonly immediate?: boolean }) => {
      const now = performance.now();
      if (!options?.immediate && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      reply({ type: 'progress', jobId, progress });
    };
    try {
      const { cancelled, summary } = await runJob(job, { jobId, signal, onProgress });
      reply({ type: 'finished', jobId, outcome: cancelled ? 'cancelled' : 'complete', summary });
    } catch (error) {
      reply({
        type: 'finished',
        jobId,
        outcome: 'failed',
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      running.delete(jobId);
    }
  }

  self.onmessage = (message: MessageEvent<JobRequest<Job>>) => {
    const request = message.data;
    if (request.type === 'cancel') {
      const signal = running.get(request.jobId);
      if (signal) signal.aborted = true;
    } else void start(request.jobId, request.job);
  };
}
