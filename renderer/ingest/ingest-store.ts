// Writes of the ingest pipeline. Each parsed batch is committed in ONE transaction together with the counts
// that describe it (on the ingest record and on the case), so whatever stops an ingest — cancel, crash, a
// closed window — the case's rows and its counts always agree and the ingest record says what is in.
import type { GeoDatabaseInfo } from '../../core/geo';
import type { ParseSummary } from '../../core/sources';
import type { ParseProblem } from '../../core/sources';
import type { IngestProblemRecord, IngestRecord, IngestStatus, StoredEvent } from '../db/event-records';
import { aggregateDeltas, stampSeq, type AggregateDeltas, type PendingEvent } from '../db/event-rows';
import { buildTextRows, searchText, textFilterPacks, type EventTextRecord } from '../db/event-text';
import { applyBucketDelta } from '../db/histogram-buckets';
import type { CaseRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';
import { eventTables, removeIngestChunk, storeEvents } from '../db/event-store';
import { blockBatch, COMPACTION_BATCHES, compactIngestPostings, storeBlockBatch } from '../db/event-block-store';

/**
 * Problems kept per ingest. A binary file read as a log yields a problem per line; the count stays exact, the
 * list keeps the first ones (enough to see what is wrong).
 */
export const MAX_STORED_PROBLEMS = 10_000;

function batchTables(database: TokentrailDatabase) {
  return [
    ...eventTables(database),
    database.eventText,
    database.eventTextFilters,
    database.eventTextRowFilters,
    database.ingestProblems,
    database.eventFacets,
    database.eventBuckets,
    database.cases,
  ];
}

async function applyDeltas(database: TokentrailDatabase, caseId: string, deltas: AggregateDeltas): Promise<void> {
  const facetKeys = deltas.facets.map((delta): [string, string, string] => [caseId, delta.facet, delta.value]);
  const bucketKeys = deltas.buckets.map((delta): [string, number, number] => [caseId, delta.width, delta.start]);
  const [facets, buckets] = await Promise.all([
    database.eventFacets.bulkGet(facetKeys),
    database.eventBuckets.bulkGet(bucketKeys),
  ]);
  const facetRows = deltas.facets.map((delta, index) => {
    const known = facets[index];
    return {
      caseId,
      facet: delta.facet,
      value: delta.value,
      count: (known?.count ?? 0) + delta.count,
      firstTs: Math.min(known?.firstTs ?? Infinity, delta.firstTs),
      lastTs: Math.max(known?.lastTs ?? -Infinity, delta.lastTs),
    };
  });
  const bucketRows = deltas.buckets.map((delta, index) => applyBucketDelta(caseId, buckets[index], delta));
  // A value whose last event was removed disappears rather than lingering with count 0.
  await Promise.all([
    database.eventFacets.bulkPut(facetRows.filter((row) => row.count > 0)),
    database.eventFacets.bulkDelete(
      facetRows.filter((row) => row.count <= 0).map((row) => [caseId, row.facet, row.value]),
    ),
    database.eventBuckets.bulkPut(bucketRows.filter((row) => row.count > 0)),
    database.eventBuckets.bulkDelete(
      bucketRows.filter((row) => row.count <= 0).map((row) => [caseId, row.width, row.start]),
    ),
  ]);
}

/** Marks an ingest running and records the geolocation databases it uses, on the ingest and on the case. */
export async function beginIngest(
  database: TokentrailDatabase,
  ingestId: string,
  geoDatabases: readonly GeoDatabaseInfo[],
): Promise<IngestRecord> {
  return database.transaction('rw', [database.ingests, database.cases], async () => {
    const ingest = await database.ingests.get(ingestId);
    if (!ingest) throw new Error(`ingest ${ingestId} no longer exists (was the case deleted?)`);
    const started: IngestRecord = { ...ingest, status: 'running', startedAt: Date.now(), geoDatabases };
    await database.ingests.put(started);
    if (geoDatabases.length > 0) {
      await database.cases.update(ingest.caseId, (record: CaseRecord) => {
        const known = record.geoDatabases ?? [];
        const added = geoDatabases.filter((info) => !known.some((other) => other.sha256 === info.sha256));
        if (added.length > 0) Object.assign(record, { geoDatabases: [...known, ...added] });
      });
    }
    return started;
  });
}

/** Progress facts of a batch, for the ingest record. */
export interface BatchProgress {
  readonly bytesRead: number;
}

/**
 * Commits one parsed batch: events, problems, aggregates and counts, in one transaction. In the block layout, every
 * COMPACTION_BATCHES batches of an ingest are followed by a compaction of their posting rows (a transaction of its own).
 */
export async function writeBatch(
  database: TokentrailDatabase,
  ingest: Pick<IngestRecord, 'id' | 'caseId' | 'path' | 'fileId'>,
  rows: PendingEvent[],
  problems: readonly ParseProblem[],
  progress: BatchProgress,
): Promise<void> {
  const deltas = aggregateDeltas(rows, 1);
  const problemRows = problems.map((problem): IngestProblemRecord => ({
    caseId: ingest.caseId,
    ingestId: ingest.id,
    path: ingest.path,
    code: problem.code,
    message: problem.message,
    ...(problem.line !== undefined ? { line: problem.line } : {}),
    ...(problem.index !== undefined ? { index: problem.index } : {}),
  }));
  const lastLine = rows.reduce((line, row) => Math.max(line, row.event.source.line ?? 0), 0);
  // Lower-casing is most of the free-text rows' cost: done before the transaction opens, not while it holds the store.
  const texts = rows.map((row) => searchText(row.event));
  const uncompacted = await database.transaction('rw', batchTables(database), async () => {
    const [caseRecord, current] = await Promise.all([
      database.cases.get(ingest.caseId),
      database.ingests.get(ingest.id),
    ]);
    if (!caseRecord || !current) throw new Error(`the case of ${ingest.path} was deleted while it was being ingested`);
    const blocks = caseRecord.eventLayout === 'blocks' && rows.length > 0;
    const room = Math.max(0, MAX_STORED_PROBLEMS - current.problems);
    const problemCounts = { ...current.problemCounts };
    for (const problem of problems) problemCounts[problem.code] = (problemCounts[problem.code] ?? 0) + 1;
    let nextSeq: number;
    let textRows: EventTextRecord[];
    let stored: Promise<void>;
    if (blocks) {
      const batch = blockBatch(ingest, rows, texts, caseRecord.nextEventSeq ?? 0);
      ({ nextSeq, textRows } = batch);
      stored = storeBlockBatch(database, batch);
    } else {
      nextSeq = stampSeq(rows, caseRecord.nextEventSeq ?? 0);
      textRows = buildTextRows(ingest.caseId, ingest.id, rows, texts);
      stored = storeEvents(database, rows as StoredEvent[]);
    }
    const packs = textFilterPacks(textRows);
    const uncompactedBatches = (current.uncompactedBatches ?? 0) + (blocks ? 1 : 0);
    await Promise.all([
      stored,
      database.eventText.bulkAdd(textRows),
      database.eventTextFilters.bulkAdd(packs.map(({ pack }) => pack)),
      database.eventTextRowFilters.bulkAdd(packs.map(({ rowFilters }) => rowFilters)),
      database.ingestProblems.bulkAdd(problemRows.slice(0, room)),
      applyDeltas(database, ingest.caseId, deltas),
      database.ingests.put({
        ...current,
        bytesRead: progress.bytesRead,
        events: current.events + rows.length,
        lastLine: Math.max(current.lastLine ?? 0, lastLine) || undefined,
        problems: current.problems + problems.length,
        problemCounts,
        ...(uncompactedBatches > 0 ? { uncompactedBatches } : {}),
      }),
      database.cases.put({
        ...caseRecord,
        nextEventSeq: nextSeq,
        counts: {
          ...caseRecord.counts,
          events: caseRecord.counts.events + rows.length,
          eventProblems: caseRecord.counts.eventProblems + problems.length,
        },
      }),
    ]);
    return uncompactedBatches;
  });
  if (uncompacted >= COMPACTION_BATCHES) await compactIngestPostings(database, ingest.id);
}

/** Closes an ingest with its outcome; counts were kept by the batches, the summary adds format facts. */
export async function finishIngest(
  database: TokentrailDatabase,
  ingestId: string,
  status: Extract<IngestStatus, 'complete' | 'cancelled' | 'failed'>,
  summary?: ParseSummary,
  error?: string,
): Promise<void> {
  // The posting rows of the last batches (block layout) are merged whatever the outcome: they hold committed events.
  if (((await database.ingests.get(ingestId))?.uncompactedBatches ?? 0) > 0)
    await compactIngestPostings(database, ingestId);
  await database.ingests.update(ingestId, {
    status,
    finishedAt: Date.now(),
    ...(summary
      ? {
          format: summary.format,
          formatChosenBy: summary.formatChosenBy,
          candidates: summary.candidates,
          facts: summary.facts,
          bytesRead: summary.bytes,
        }
      : {}),
    ...(error ? { error } : {}),
  });
}

const REMOVE_CHUNK = 5_000;

/**
 * Removes the events and problems of an earlier ingest of a file (before it is ingested again with another
 * format), in chunks of one transaction each: the case stays consistent after every chunk, and a crash in
 * between leaves an ingest record that says how many of its events are still there.
 */
export async function removeIngestEvents(
  database: TokentrailDatabase,
  previous: IngestRecord,
  onRemoved?: (removed: number) => void,
): Promise<void> {
  const { caseId, id } = previous;
  let removed = 0;
  for (;;) {
    const done = await database.transaction('rw', batchTables(database), async () => {
      const rows = await removeIngestChunk(database, previous, REMOVE_CHUNK);
      if (rows.length === 0) return true;
      await applyDeltas(database, caseId, aggregateDeltas(rows, -1));
      const current = await database.ingests.get(id);
      if (current) await database.ingests.put({ ...current, events: Math.max(0, current.events - rows.length) });
      await database.cases.update(caseId, (record: CaseRecord) => {
        Object.assign(record, {
          counts: { ...record.counts, events: Math.max(0, record.counts.events - rows.length) },
        });
      });
      removed += rows.length;
      return false;
    });
    onRemoved?.(removed);
    if (done) break;
  }
  await database.transaction(
    'rw',
    [
      database.eventText,
      database.eventTextFilters,
      database.eventTextRowFilters,
      database.ingestProblems,
      database.ingests,
      database.cases,
    ],
    async () => {
      const current = await database.ingests.get(id);
      // Until this commits a search may find text of removed events: the query reads the events and skips the missing.
      await database.eventText.where('ingestId').equals(id).delete();
      await database.eventTextFilters.where('ingestId').equals(id).delete();
      await database.eventTextRowFilters.where('ingestId').equals(id).delete();
      await database.ingestProblems.where('ingestId').equals(id).delete();
      await database.ingests.update(id, { status: 'replaced', finishedAt: current?.finishedAt ?? Date.now() });
      await database.cases.update(caseId, (record: CaseRecord) => {
        Object.assign(record, {
          counts: {
            ...record.counts,
            eventProblems: Math.max(0, record.counts.eventProblems - (current?.problems ?? 0)),
          },
        });
      });
    },
  );
}

/** Every ingest of a case, newest first per file. */
export function caseIngests(database: TokentrailDatabase, caseId: string): Promise<IngestRecord[]> {
  return database.ingests.where('caseId').equals(caseId).sortBy('queuedAt');
}
