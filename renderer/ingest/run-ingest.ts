// One file's ingest, as the worker runs it: read the stored bytes in slices, parse with core/sources, and
// commit each batch (parsing is finished before the batch's transaction opens). A cancel stops between
// chunks; what was committed stays and the ingest record says so (docs/storage.md, "How ingest writes").
import type { SequentialInput } from '../../core/evidence';
import type { GeoLocator } from '../../core/geo';
import { parseSource, type ParseProgress, type ParseSummary } from '../../core/sources';
import type { IngestRecord } from '../db/event-records';
import { buildEventRows } from '../db/event-rows';
import { beginIngest, finishIngest, removeIngestEvents, writeBatch } from './ingest-store';
import type { TokentrailDatabase } from '../db/schema';
import { storedEvidenceContent } from './stored-evidence-input';
import { caseReferenceFields } from './case-reference-fields';

export interface IngestRunOptions {
  readonly signal: { readonly aborted: boolean };
  readonly geo?: GeoLocator;
  readonly batchSize?: number;
  /**
   * The bytes to parse instead of the stored evidence's: the ingest benchmark's 10M-event log (2.6 GB), made as it is
   * read, which one Blob in a page cannot hold. The app never sets it.
   */
  readonly input?: SequentialInput;
  readonly onProgress: (ingestId: string, progress: ParseProgress, phase: 'removing' | 'parsing') => void;
}

export type IngestOutcome = 'complete' | 'cancelled' | 'failed';

async function startRun(
  database: TokentrailDatabase,
  ingestId: string,
  options: IngestRunOptions,
): Promise<IngestRecord> {
  const queued = await database.ingests.get(ingestId);
  if (!queued) throw new Error(`ingest ${ingestId} no longer exists`);
  if (queued.replaces) {
    const previous = await database.ingests.get(queued.replaces);
    if (previous && previous.status !== 'replaced') {
      await removeIngestEvents(database, previous, (removed) =>
        options.onProgress(
          ingestId,
          { file: queued.path, bytesRead: 0, totalBytes: queued.size, events: removed, problems: 0 },
          'removing',
        ),
      );
    }
  }
  return beginIngest(database, ingestId, options.geo?.databases ?? []);
}

async function storedInput(database: TokentrailDatabase, ingest: IngestRecord): Promise<SequentialInput> {
  const blob = await database.evidenceBlobs.get(ingest.fileId);
  if (!blob) throw new Error(`the bytes of ${ingest.path} are not in the store`);
  return storedEvidenceContent(ingest.path, blob.bytes);
}

/** Runs one queued ingest to its end (complete, cancelled or failed) and records the outcome. */
export async function runIngest(
  database: TokentrailDatabase,
  ingestId: string,
  options: IngestRunOptions,
): Promise<IngestOutcome> {
  let summary: ParseSummary | undefined;
  try {
    const ingest = await startRun(database, ingestId, options);
    const input = options.input ?? (await storedInput(database, ingest));
    const run = parseSource(input, ingest.sha256, {
      format: ingest.options.format,
      formatOptions: {
        csvMapping: ingest.options.csvMapping,
        accessLogFormat: ingest.options.accessLogFormat,
        tokenReferenceFields: await caseReferenceFields(database, ingest.caseId),
      },
      geo: options.geo,
      signal: options.signal,
      batchSize: options.batchSize,
      onProgress: (progress) => options.onProgress(ingestId, progress, 'parsing'),
    });
    // One batch is written while the next is parsed: IndexedDB commits off this thread, so parsing hides behind
    // the write. Never more than one write in flight, and transactions commit in the order they were opened.
    let writing: Promise<void> = Promise.resolve();
    for (let next = await run.next(); ; next = await run.next()) {
      await writing;
      if (next.done) {
        summary = next.value;
        break;
      }
      const { events, problems, progress } = next.value;
      const rows = buildEventRows(ingest.caseId, ingest.id, ingest.fileId, events);
      writing = writeBatch(database, ingest, rows, problems, { bytesRead: progress.bytesRead }).then(() =>
        options.onProgress(ingestId, progress, 'parsing'),
      );
    }
    const outcome = summary.cancelled ? 'cancelled' : 'complete';
    await finishIngest(database, ingestId, outcome, summary);
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishIngest(database, ingestId, 'failed', summary, message).catch(() => undefined);
    return 'failed';
  }
}
