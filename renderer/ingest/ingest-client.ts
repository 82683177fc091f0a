// The page's side of the ingest worker: queue ingests, follow their live progress, cancel; and have it store
// geolocation databases. One worker per window, created on first use. Durable state (statuses, counts) is in the
// store; this only adds the live byte/event progress between commits, for progress bars.
import IngestWorker from './ingest.worker?worker&inline';
import type { GeoDatabaseInfo } from '../../core/geo/types';
import type { IngestOptions } from '../db/event-records';
import { cancelQueuedIngests, markInterruptedIngests, planImportIngest, planReingest, planUningestedFiles } from '../db/ingest-plan';
import { db } from '../db/schema';
import type { IngestProgressMessage, IngestReply, IngestRequest } from './ingest-protocol';
import type { GeoDatabaseProvenance } from '../../core/geo/shipped-databases';

export type LiveProgress = Omit<IngestProgressMessage, 'type'>;

type Listener = () => void;

class IngestClient {
  private worker: Worker | undefined;
  /** Ingests handed to the worker and not finished, with their case. */
  private readonly pending = new Map<string, string>();
  private progress: ReadonlyMap<string, LiveProgress> = new Map();
  private readonly listeners = new Set<Listener>();
  /** Requests are posted behind this, in order; see `waitFor`. */
  private ready: Promise<unknown> = Promise.resolve();
  /** Geolocation databases the worker is storing, by request id. */
  private readonly geoStores = new Map<number, { resolve(info: GeoDatabaseInfo): void; reject(error: Error): void }>();
  private nextGeoStoreId = 1;

  /** Live progress by ingest id (a new Map on every change, for useSyncExternalStore). */
  snapshot = (): ReadonlyMap<string, LiveProgress> => this.progress;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Ids this window is running or has queued: anything else `queued`/`running` in the store was interrupted. */
  activeIds(): ReadonlySet<string> {
    return new Set(this.pending.keys());
  }

  isBusy(caseId: string): boolean {
    return [...this.pending.values()].includes(caseId);
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

  cancel(caseId: string): void {
    this.post({ type: 'cancel', caseId });
  }

  /**
   * Holds requests to the worker until `prerequisite` settles (fulfilled or not). The app holds them while it
   * installs the shipped geolocation database on first start: the worker opens the stored databases when a run
   * begins, so a run started mid-install would leave that evidence's IPs unlocated. Ingests are still planned at
   * once and show as queued meanwhile.
   */
  waitFor(prerequisite: Promise<unknown>): void {
    this.ready = Promise.all([this.ready, prerequisite.catch(() => undefined)]);
  }

  /**
   * Validates, hashes and stores an MMDB file (storeGeoDatabase) in the worker, off the page's thread. `bytes` is
   * transferred, so it is unusable afterwards. Posted at once, never held by `waitFor`: the install that holds
   * ingests is itself made of these requests.
   */
  storeGeoDatabase(fileName: string, bytes: Uint8Array, provenance?: GeoDatabaseProvenance): Promise<GeoDatabaseInfo> {
    return new Promise((resolve, reject) => {
      const requestId = this.nextGeoStoreId++;
      this.geoStores.set(requestId, { resolve, reject });
      const request: IngestRequest = { type: 'store-geo-database', requestId, fileName, bytes, ...(provenance ? { provenance } : {}) };
      try {
        this.ensureWorker().postMessage(request, [bytes.buffer]);
      } catch (error) {
        this.geoStores.delete(requestId);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  private run(caseId: string, ingestIds: readonly string[]): void {
    if (ingestIds.length === 0) return;
    for (const id of ingestIds) this.pending.set(id, caseId);
    this.post({ type: 'run', ingestIds });
  }

  private post(request: IngestRequest): void {
    // Chained, not posted directly, so that a request made while held keeps its order: a cancel must never
    // overtake the run it cancels. A request that cannot be posted (the worker would not start) ends like a
    // worker that died, and does not hold up the requests after it.
    this.ready = this.ready.then(() => this.ensureWorker().postMessage(request)).catch(() => this.abandonPending());
  }

  /** Marks every ingest this window handed out as interrupted (their committed batches stay). */
  private abandonPending(): void {
    const cases = new Set(this.pending.values());
    this.pending.clear();
    this.setProgress(new Map());
    for (const caseId of cases) void markInterruptedIngests(db, caseId, new Set());
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new IngestWorker();
    worker.onmessage = (message: MessageEvent<IngestReply>) => this.onReply(message.data);
    // A worker that dies (out of memory, a bug) must not leave ingests "running" forever: mark them interrupted
    // and start a fresh worker next time.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      this.worker = undefined;
      this.abandonPending();
      const stopped = new Error(`The worker stopped while storing the geolocation database (${event.message || 'no reason given'}); try again.`);
      for (const store of this.geoStores.values()) store.reject(stopped);
      this.geoStores.clear();
    };
    this.worker = worker;
    return worker;
  }

  private onReply(reply: IngestReply): void {
    if (reply.type === 'progress') {
      const { type: _type, ...live } = reply;
      this.setProgress(new Map(this.progress).set(reply.ingestId, live));
    } else if (reply.type === 'finished') {
      this.pending.delete(reply.ingestId);
      const next = new Map(this.progress);
      next.delete(reply.ingestId);
      this.setProgress(next);
    } else if (reply.type === 'dropped') {
      for (const id of reply.ingestIds) this.pending.delete(id);
      void cancelQueuedIngests(db, reply.ingestIds);
    } else if (reply.type === 'geo-database-stored' || reply.type === 'geo-database-failed') {
      const store = this.geoStores.get(reply.requestId);
      this.geoStores.delete(reply.requestId);
      if (reply.type === 'geo-database-stored') store?.resolve(reply.info);
      else store?.reject(new Error(reply.message));
    }
  }

  private setProgress(next: ReadonlyMap<string, LiveProgress>): void {
    this.progress = next;
    for (const listener of this.listeners) listener();
  }
}

/** The window's ingest client. */
export const ingestClient = new IngestClient();
