// The ingest worker: parsing and IndexedDB writes run here, off the page's thread, so the UI stays responsive
// while millions of lines are read. It opens the same Dexie database as the page; the page's live queries see
// each committed batch through Dexie's cross-context change events.
import { openStoredGeoLocator, storeGeoDatabase } from '../db/geo-store';
import { TokentrailDatabase } from '../db/schema';
import type { IngestReply, IngestRequest } from './ingest-protocol';
import { runIngest } from './run-ingest';
import type { GeoDatabaseProvenance } from '../../core/geo/shipped-databases';

const database = new TokentrailDatabase();
const queue: string[] = [];
let current: { ingestId: string; caseId: string; signal: { aborted: boolean } } | undefined;
let running = false;

/** Progress can fire per 4 MiB chunk and per batch; a few updates a second are enough for a progress bar. */
const PROGRESS_INTERVAL_MS = 100;
let lastProgress = 0;

function reply(message: IngestReply): void {
  postMessage(message);
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    // Loaded per run, not per file: the investigator may have loaded a database since the last run.
    const geo = await openStoredGeoLocator(database).catch(() => undefined);
    for (let ingestId = queue.shift(); ingestId; ingestId = queue.shift()) {
      const record = await database.ingests.get(ingestId);
      if (!record || record.status !== 'queued') continue;
      const signal = { aborted: false };
      current = { ingestId, caseId: record.caseId, signal };
      const outcome = await runIngest(database, ingestId, {
        signal,
        geo,
        onProgress: (id, progress, phase) => {
          const now = performance.now();
          if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
          lastProgress = now;
          reply({ type: 'progress', ingestId: id, phase, bytesRead: progress.bytesRead, totalBytes: progress.totalBytes, events: progress.events, problems: progress.problems });
        },
      });
      current = undefined;
      reply({ type: 'finished', ingestId, outcome });
    }
  } finally {
    running = false;
    reply({ type: 'idle' });
  }
}

async function dropQueuedOf(caseId: string): Promise<void> {
  const records = await database.ingests.bulkGet(queue);
  const dropped = queue.filter((_, index) => records[index]?.caseId === caseId);
  for (const id of dropped) queue.splice(queue.indexOf(id), 1);
  if (dropped.length > 0) reply({ type: 'dropped', ingestIds: dropped });
}

function storeGeo(requestId: number, fileName: string, bytes: Uint8Array, provenance: GeoDatabaseProvenance | undefined): void {
  storeGeoDatabase(database, fileName, bytes, provenance).then(
    (info) => reply({ type: 'geo-database-stored', requestId, info }),
    (error: unknown) => reply({ type: 'geo-database-failed', requestId, message: error instanceof Error ? error.message : String(error) }),
  );
}

self.onmessage = (message: MessageEvent<IngestRequest>) => {
  const request = message.data;
  if (request.type === 'store-geo-database') {
    storeGeo(request.requestId, request.fileName, request.bytes, request.provenance);
  } else if (request.type === 'run') {
    queue.push(...request.ingestIds);
    void drain();
  } else if (request.type === 'cancel') {
    if (current?.caseId === request.caseId) current.signal.aborted = true;
    void dropQueuedOf(request.caseId);
  }
};
