// The page's side of the ingest worker: queue ingests, follow their live progress, cancel; and have it store
// geolocation databases. One worker per window, created on first use. Durable state (statuses, counts) is in the
// store; this only adds the live byte/event progress between commits, for progress bars.
import IngestWorker from './ingest.worker?worker&inline';
import type { GeoDatabaseInfo } from '../../core/geo';
import type { IngestOptions } from '../db/event-records';
import { markInterruptedIngests, planImportIngest, planReingest, planUningestedFiles } from './ingest-plan';
import { db } from '../db/schema';
import { JobQueue, type JobState } from '../jobs/job-queue';
import type { IngestJob, IngestProgress, IngestSummary } from './ingest-protocol';
import type { GeoDatabaseProvenance } from '../../core/geo';
import { addSample, ingestRate, NO_REPORTS, type IngestRate, type RateState } from './ingest-rate';

/** The worker's last report on an ingest, and its rate over the last reports (undefined for the first second). */
export type LiveProgress = IngestProgress & { readonly rate?: IngestRate };

type IngestJobState = JobState<IngestJob, IngestProgress, IngestSummary>;

class IngestClient {
  private readonly queue = new JobQueue<IngestJob, IngestProgress, IngestSummary>({
    createWorker: () => new IngestWorker(),
    stoppedMessage: 'no reason given',
    onUpdate: (job) => this.onUpdate(job),
    // A worker that dies (out of memory, a bug) must not leave ingests "running" forever: mark them interrupted
    // (their committed batches stay); a fresh worker starts next time.
    onWorkerLost: (jobs) => this.abandon(jobs),
  });
  /** Ingests handed to the worker and not finished: their case and job. */
  private readonly pending = new Map<string, { readonly caseId: string; readonly jobId: string }>();
  private progress: ReadonlyMap<string, LiveProgress> = new Map();
  /** Recent progress reports per ingest, for its rate; restarted when the phase changes (removing → parsing). */
  private readonly samples = new Map<string, { phase: IngestProgress['phase']; state: RateState }>();
  private readonly listeners = new Set<() => void>();

  /** Live progress by ingest id (a new Map on every change, for useSyncExternalStore). */
  snapshot = (): ReadonlyMap<string, LiveProgress> => this.progress;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Ids this window is running or has queued: anything else `queued`/`running` in the store was interrupted. */
  activeIds(): ReadonlySet<string> {
    return new Set(this.pending.keys());
  }

  isBusy(caseId: string): boolean {
    return [...this.pending.values()].some((pending) => pending.caseId === caseId);
  }

  /** Parses every log-like file of a committed import. */
  async ingestImport(caseId: string, importId: string): Promise<void> {
    this.run(caseId, await planImportIngest(db, importId));
  }

  /** Parses every log-like file of the case that was never parsed (e.g. imported before ingest existed). */
  async ingestUnparsed(caseId: string): Promise<number> {
    const ids = await planUningestedFiles(db, caseId);
    this.run(caseId, ids);
    return ids.length;
  }

  /** Parses a file again with other options; its previous events are replaced. */
  async reingest(caseId: string, previousIngestId: string, options: IngestOptions): Promise<void> {
    this.run(caseId, [await planReingest(db, previousIngestId, options)]);
  }

  /** Cancels the case's running ingest; its queued ones end as cancelled without running. */
  cancel(caseId: string): void {
    for (const pending of this.pending.values()) if (pending.caseId === caseId) this.queue.cancel(pending.jobId);
  }

  /**
   * Holds ingests until `prerequisite` settles (fulfilled or not). The app holds them while it installs the shipped
   * geolocation database on first start: the worker opens the stored databases when a run begins, so a run started
   * mid-install would leave that evidence's IPs unlocated. Ingests are still planned at once and show as queued
   * meanwhile.
   */
  waitFor(prerequisite: Promise<unknown>): void {
    this.queue.waitFor(prerequisite);
  }

  /**
   * Validates, hashes and stores an MMDB file (storeGeoDatabase) in the worker, off the page's thread. `bytes` is
   * transferred, so it is unusable afterwards. Posted at once, never held by `waitFor`: the install that holds
   * ingests is itself made of these requests.
   */
  async storeGeoDatabase(
    fileName: string,
    bytes: Uint8Array,
    provenance?: GeoDatabaseProvenance,
  ): Promise<GeoDatabaseInfo> {
    const job: IngestJob = { type: 'store-geo-database', fileName, bytes, ...(provenance ? { provenance } : {}) };
    const done = await this.queue.start(job, { immediate: true, transfer: [bytes.buffer] }).finished;
    if (done.status === 'complete' && typeof done.summary === 'object') return done.summary;
    if (done.lost)
      throw new Error(`The worker stopped while storing the geolocation database (${done.error}); try again.`);
    throw new Error(done.error ?? 'the geolocation database was not stored');
  }

  private run(caseId: string, ingestIds: readonly string[]): void {
    for (const ingestId of ingestIds) {
      const { jobId } = this.queue.start({ type: 'ingest', ingestId, caseId });
      this.pending.set(ingestId, { caseId, jobId });
    }
  }

  private onUpdate(job: IngestJobState): void {
    if (job.job.type !== 'ingest') return;
    const { ingestId } = job.job;
    if (job.status === 'running') {
      if (job.progress) this.setProgress(new Map(this.progress).set(ingestId, this.withRate(ingestId, job.progress)));
      return;
    }
    this.pending.delete(ingestId);
    this.samples.delete(ingestId);
    if (!this.progress.has(ingestId)) return;
    const next = new Map(this.progress);
    next.delete(ingestId);
    this.setProgress(next);
  }

  private withRate(ingestId: string, progress: IngestProgress): LiveProgress {
    const known = this.samples.get(ingestId);
    const sample = { at: performance.now(), bytesRead: progress.bytesRead, events: progress.events };
    const state = addSample(known?.phase === progress.phase ? known.state : NO_REPORTS, sample);
    this.samples.set(ingestId, { phase: progress.phase, state });
    const rate = progress.phase === 'parsing' ? ingestRate(state, progress.totalBytes) : undefined;
    return rate ? { ...progress, rate } : progress;
  }

  /** Marks every ingest of the lost jobs' cases that this window no longer runs as interrupted. */
  private abandon(jobs: readonly IngestJobState[]): void {
    const cases = new Set<string>();
    for (const { job } of jobs) {
      if (job.type !== 'ingest') continue;
      cases.add(job.caseId);
      this.pending.delete(job.ingestId);
      this.samples.delete(job.ingestId);
    }
    this.setProgress(new Map());
    for (const caseId of cases) void markInterruptedIngests(db, caseId, this.activeIds());
  }

  private setProgress(next: ReadonlyMap<string, LiveProgress>): void {
    this.progress = next;
    for (const listener of this.listeners) listener();
  }
}

/** The window's ingest client. */
export const ingestClient = new IngestClient();
