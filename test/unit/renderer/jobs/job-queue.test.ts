// The page's side of the job workers, driven against a stand-in worker: the messages it posts, the state it keeps
// per case, reruns, cancel, holding, and what happens when the worker dies.
import { describe, expect, it } from 'vitest';
import { CaseJobs } from '../../../../renderer/jobs/case-jobs';
import type { JobReply, JobRequest } from '../../../../renderer/jobs/job-protocol';
import { JobQueue, type JobState } from '../../../../renderer/jobs/job-queue';

interface Job {
  readonly caseId: string;
  readonly step?: number;
}

/** Records what the page posts and lets the test answer as the worker would. */
class StandInWorker {
  readonly posted: JobRequest<Job>[] = [];
  readonly transferred: Transferable[][] = [];
  terminated = false;
  onmessage: ((message: MessageEvent<JobReply<number, string>>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;

  postMessage(request: JobRequest<Job>, transfer: Transferable[] = []): void {
    this.posted.push(request);
    this.transferred.push(transfer);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(message: JobReply<number, string>): void {
    this.onmessage?.({ data: message } as MessageEvent<JobReply<number, string>>);
  }

  die(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

function standIns() {
  const workers: StandInWorker[] = [];
  const createWorker = () => {
    const worker = new StandInWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  };
  return { workers, createWorker };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('JobQueue', () => {
  it('starts jobs in one worker, reports progress and the outcome, and resolves `finished`', async () => {
    const { workers, createWorker } = standIns();
    const updates: JobState<Job, number, string>[] = [];
    const queue = new JobQueue<Job, number, string>({
      createWorker,
      stoppedMessage: 'stopped',
      onUpdate: (job) => updates.push(job),
    });
    const { jobId, finished } = queue.start({ caseId: 'a' });
    await settle();
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted).toEqual([{ type: 'start', jobId, job: { caseId: 'a' } }]);
    workers[0]!.reply({ type: 'progress', jobId, progress: 3 });
    workers[0]!.reply({ type: 'finished', jobId, outcome: 'complete', summary: 'done' });
    workers[0]!.reply({ type: 'progress', jobId, progress: 4 }); // late: ignored
    expect(updates.map((job) => [job.status, job.progress, job.summary])).toEqual([
      ['running', undefined, undefined],
      ['running', 3, undefined],
      ['complete', 3, 'done'],
    ]);
    expect(await finished).toMatchObject({ status: 'complete', summary: 'done' });
  });

  it('holds requests behind waitFor in order, except immediate ones, which go at once with their transfer list', async () => {
    const { workers, createWorker } = standIns();
    const queue = new JobQueue<Job, number, string>({
      createWorker,
      stoppedMessage: 'stopped',
      onUpdate: () => undefined,
    });
    let release!: () => void;
    queue.waitFor(new Promise<void>((resolve) => (release = resolve)));
    const held = queue.start({ caseId: 'a' });
    queue.cancel(held.jobId);
    const buffer = new ArrayBuffer(8);
    const now = queue.start({ caseId: 'b' }, { immediate: true, transfer: [buffer] });
    await settle();
    expect(workers[0]!.posted.map((request) => request.jobId)).toEqual([now.jobId]);
    expect(workers[0]!.transferred[0]).toEqual([buffer]);
    release();
    await settle();
    expect(workers[0]!.posted.map((request) => [request.type, request.jobId])).toEqual([
      ['start', now.jobId],
      ['start', held.jobId],
      ['cancel', held.jobId],
    ]);
  });

  it('fails the running jobs of a worker that died, marked lost, and starts a fresh worker next time', async () => {
    const { workers, createWorker } = standIns();
    const lostJobs: string[] = [];
    const queue = new JobQueue<Job, number, string>({
      createWorker,
      stoppedMessage: 'the worker stopped',
      onUpdate: () => undefined,
      onWorkerLost: (jobs) => lostJobs.push(...jobs.map((job) => job.job.caseId)),
    });
    const first = queue.start({ caseId: 'a' });
    const second = queue.start({ caseId: 'b' });
    await settle();
    workers[0]!.die('');
    expect(workers[0]!.terminated).toBe(true);
    expect(lostJobs).toEqual(['a', 'b']);
    expect(await first.finished).toMatchObject({ status: 'failed', error: 'the worker stopped', lost: true });
    expect(await second.finished).toMatchObject({ status: 'failed', lost: true });
    queue.start({ caseId: 'c' });
    await settle();
    expect(workers).toHaveLength(2);
  });
});

describe('CaseJobs', () => {
  it("keeps each case's current job, reruns once what was asked for while it ran, and cancels the rerun with the job", async () => {
    const { workers, createWorker } = standIns();
    const jobs = new CaseJobs<Job, number, string>({
      createWorker,
      stoppedMessage: 'stopped',
      rerun: (caseId) => ({ caseId, step: 2 }),
    });
    let changes = 0;
    jobs.subscribe(() => changes++);
    jobs.start({ caseId: 'a', step: 1 });
    jobs.start({ caseId: 'a', step: 1 });
    jobs.start({ caseId: 'a', step: 1 });
    await settle();
    const worker = workers[0]!;
    const first = worker.posted[0]!;
    expect(worker.posted).toHaveLength(1);
    expect(jobs.running('a')).toBe(true);
    worker.reply({ type: 'finished', jobId: first.jobId, outcome: 'complete', summary: 'one' });
    await settle();
    expect(worker.posted).toHaveLength(2);
    expect(worker.posted[1]).toMatchObject({ type: 'start', job: { caseId: 'a', step: 2 } });
    expect(jobs.job('a')?.job.step).toBe(2);
    jobs.start({ caseId: 'a' });
    jobs.cancel('a');
    await settle();
    worker.reply({ type: 'finished', jobId: worker.posted[1]!.jobId, outcome: 'cancelled' });
    await settle();
    expect(worker.posted.map((request) => request.type)).toEqual(['start', 'start', 'cancel']);
    expect(jobs.job('a')?.status).toBe('cancelled');
    expect(changes).toBeGreaterThan(0);
  });

  it('ignores a start while one runs when the kind does not rerun, and starts automatically once per state', async () => {
    const { workers, createWorker } = standIns();
    const jobs = new CaseJobs<Job, number, string>({ createWorker, stoppedMessage: 'stopped' });
    jobs.autoStart('3 tokens', { caseId: 'a' });
    jobs.start({ caseId: 'a' });
    await settle();
    const worker = workers[0]!;
    worker.reply({ type: 'finished', jobId: worker.posted[0]!.jobId, outcome: 'cancelled' });
    jobs.autoStart('3 tokens', { caseId: 'a' });
    await settle();
    expect(worker.posted).toHaveLength(1);
    jobs.autoStart('4 tokens', { caseId: 'a' });
    await settle();
    expect(worker.posted).toHaveLength(2);
  });
});
