// Runs in Chromium (bundled by store-costs.mjs, each variant on a fresh disk-backed profile): where the write cost of
// today's schema goes, on the same parsed events in batches of 2000, one transaction each — the app's own writeBatch
// as it is, with a one-character case id (the id's share of every key), and without the multi-entry facet index's
// entries; then plain per-event rows with only [caseId+seq] and [caseId+ts+seq], and with the primary key alone (the
// per-event floor of the layer below), carrying the event as an object, as JSON text or nothing. Parsing happens
// before the clock starts; the plain rows are built inside it (for -json that is the serializing; for the others a
// wrapper object per event, microseconds against the write), the app's rows before it, as writeBatch's caller does.
import Dexie from 'dexie';
import type { AuthEvent } from '../../../core/sources';
import { parseSource } from '../../../core/sources/parse-source';
import { buildEventRows } from '../../../renderer/db/event-rows';
import { TokentrailDatabase } from '../../../renderer/db/schema';
import { beginIngest, writeBatch } from '../../../renderer/ingest/ingest-store';
import { storedEvidenceInput } from '../../../renderer/ingest/stored-evidence-input';
import { EMPTY_COUNTS } from '../../../renderer/db/records';
import { generateLog } from './generate-bench-case';

/** A case id as long as the app's (newId: 32 hex characters). */
const APP_LENGTH_CASE_ID = 'c0123456789abcdef0123456789abcde';
const FILE_ID = 'bench-file';

async function parsedBatches(count: number, days: number): Promise<readonly (readonly AuthEvent[])[]> {
  const batches: (readonly AuthEvent[])[] = [];
  const run = parseSource(storedEvidenceInput('bench.jsonl', generateLog(count, days)), '0'.repeat(64), {
    batchSize: 2000,
  });
  for (let next = await run.next(); !next.done; next = await run.next()) batches.push(next.value.events);
  return batches;
}

const usage = async (): Promise<number> => (await navigator.storage.estimate()).usage ?? 0;

/** Today's writeBatch; `short`: a one-character case id; `noFacets`: rows without their facet index entries. */
async function writeToday(batches: readonly (readonly AuthEvent[])[], short: boolean, noFacets: boolean) {
  const database = new TokentrailDatabase('bench-costs');
  const caseId = short ? 'c' : APP_LENGTH_CASE_ID;
  await database.cases.add({ id: caseId, title: 'bench', createdAt: 0, updatedAt: 0, counts: EMPTY_COUNTS });
  const ingestId = 'i';
  await database.ingests.add({
    ...{ id: ingestId, caseId, fileId: FILE_ID, importId: 'bench', path: 'bench.jsonl', sha256: '0'.repeat(64) },
    ...{ size: 0, options: {}, status: 'queued', queuedAt: Date.now(), bytesRead: 0, events: 0, problems: 0 },
    problemCounts: {},
  });
  const ingest = await beginIngest(database, ingestId, []);
  let ms = 0;
  for (const events of batches) {
    const rows = buildEventRows(caseId, ingestId, FILE_ID, events);
    if (noFacets) for (const row of rows) row.facets = [];
    const started = performance.now();
    await writeBatch(database, ingest, rows, [], { bytesRead: 0 });
    ms += performance.now() - started;
  }
  database.close();
  return ms;
}

/**
 * What a plain row carries besides its key: the parsed event as an object (structured clone of a nested object, as the
 * app stores it), the same event as JSON text (serialized inside the timed span), or nothing (the per-request floor).
 */
type PlainBody = 'object' | 'json' | 'none';

/** One row per event keyed [caseId+seq], with or without the [caseId+ts+seq] index; nothing else. */
async function writePlainRows(
  batches: readonly (readonly AuthEvent[])[],
  timeIndex: boolean,
  body: PlainBody = 'object',
) {
  const database = new Dexie('bench-costs-rows');
  database.version(1).stores({ events: timeIndex ? '[caseId+seq], [caseId+ts+seq]' : '[caseId+seq]' });
  const table = database.table('events');
  let seq = 0;
  let ms = 0;
  for (const events of batches) {
    const started = performance.now();
    const rows = events.map((event) => ({
      caseId: APP_LENGTH_CASE_ID,
      seq: seq++,
      ts: event.ts ?? 0,
      ...(body === 'object' ? { event } : body === 'json' ? { event: JSON.stringify(event) } : {}),
    }));
    await database.transaction('rw', table, () => table.bulkAdd(rows));
    ms += performance.now() - started;
  }
  database.close();
  return ms;
}

const VARIANTS = {
  today: (batches: readonly (readonly AuthEvent[])[]) => writeToday(batches, false, false),
  'today-short-case-id': (batches: readonly (readonly AuthEvent[])[]) => writeToday(batches, true, false),
  'today-without-facet-entries': (batches: readonly (readonly AuthEvent[])[]) => writeToday(batches, false, true),
  'rows-with-time-index': (batches: readonly (readonly AuthEvent[])[]) => writePlainRows(batches, true),
  'rows-primary-key-only': (batches: readonly (readonly AuthEvent[])[]) => writePlainRows(batches, false),
  'rows-primary-key-only-json': (batches: readonly (readonly AuthEvent[])[]) => writePlainRows(batches, false, 'json'),
  'rows-primary-key-only-empty': (batches: readonly (readonly AuthEvent[])[]) => writePlainRows(batches, false, 'none'),
} as const;
export type StoreCostVariant = keyof typeof VARIANTS;

async function runStoreCost(count: number, days: number, variant: StoreCostVariant) {
  const batches = await parsedBatches(count, days);
  const before = await usage();
  const ms = await VARIANTS[variant](batches);
  const bytes = (await usage()) - before;
  return {
    variant,
    events: count,
    storePerSecond: Math.round(count / (ms / 1000)),
    bytesPerEvent: Math.round(bytes / count),
  };
}

Object.assign(globalThis, { runStoreCost });
