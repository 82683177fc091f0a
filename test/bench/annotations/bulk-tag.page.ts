// Runs in Chromium (bundled by bulk-tag.mjs). `seedCase` fills a case with N events (not timed) in a profile that
// bulk-tag.mjs then copies for each side, so the bulk tag and the plain bulkPut start from the same files; the sides:
// - `runBulkTag`: the app's bulk annotation (renderer/annotations/bulk-annotation.ts) tagging every event an IP filter
//   matches — the filter's index keys batch by batch, the existing states read, new states computed, revisions and states
//   written, one transaction per batch, the journal entry at the end;
// - `runPlainBulkPut`: plain Dexie bulkPut of the very same rows (same count, same shapes, same batches, computed
//   before the clock starts) into the same tables — what the store alone costs, without any of our logic;
// - `runKeyOnlyBulkPut`: the same rows into tables with a primary key only (no `facets` index): the layer below.
import { Dexie } from 'dexie';
import { annotationWrite } from '../../../renderer/annotations/annotation-write';
import { runBulkAnnotation, BULK_BATCH_SIZE } from '../../../renderer/annotations/bulk-annotation';
import type { BulkAnnotationJob } from '../../../renderer/annotations/bulk-annotation-protocol';
import { applyBulkChange } from '../../../renderer/annotations/bulk-change';
import type { AnnotationRevisionRecord, AnnotationStateRecord } from '../../../renderer/db/annotation-records';
import { TokentrailDatabase } from '../../../renderer/db/schema';
import { seedAccessLogCase } from '../../support/access-log-case';

const CASE = 'bench-case';
const IP = '203.0.113.7';

/** N events of one case (not timed: this is the case the job runs on); returns the seconds it took. */
async function seed(database: TokentrailDatabase, count: number): Promise<number> {
  const started = performance.now();
  await seedAccessLogCase(database, CASE, IP, count);
  return (performance.now() - started) / 1000;
}

const CHANGE = { op: 'add-tag', tag: 'exfil' } as const;

/** The rows the bulk job writes for `count` untagged events, batch by batch, computed by the same pure functions. */
function sameRows(count: number): { revisions: AnnotationRevisionRecord[]; states: AnnotationStateRecord[] }[] {
  const batches = [];
  for (let first = 0; first < count; first += BULK_BATCH_SIZE) {
    const revisions: AnnotationRevisionRecord[] = [];
    const states: AnnotationStateRecord[] = [];
    for (let seq = first; seq < Math.min(count, first + BULK_BATCH_SIZE); seq += 1) {
      const rows = annotationWrite({
        caseId: CASE,
        target: { kind: 'event', id: String(seq) },
        previous: undefined,
        next: applyBulkChange(undefined, CHANGE),
        at: Date.now(),
        investigator: 'Bench',
        bulkId: 'bulk',
      })!;
      revisions.push(rows.revision);
      states.push(rows.state);
    }
    batches.push({ revisions, states });
  }
  return batches;
}

/** The seeded database: every side but the key-only one runs in a copy of the profile `seedCase` filled. */
const seededDatabase = (count: number) => new TokentrailDatabase(`bench-${count}`);

/** Seeds the case of `count` events (run once; the sides run in copies of this profile). */
async function seedCase(count: number) {
  const database = seededDatabase(count);
  const seedSeconds = await seed(database, count);
  database.close();
  return { seedSeconds };
}

async function runBulkTag(count: number) {
  const database = seededDatabase(count);
  const job: BulkAnnotationJob = {
    caseId: CASE,
    bulkId: 'bench-bulk',
    investigator: 'Bench',
    selection: { kind: 'event', filter: { facets: { ip: IP } } },
    change: CHANGE,
    filterText: `IP ${IP}`,
  };
  const started = performance.now();
  const result = await runBulkAnnotation(database, job, { signal: { aborted: false }, onProgress: () => undefined });
  const seconds = (performance.now() - started) / 1000;
  const stored = await database.annotationRevisions.count();
  database.close();
  return { side: 'bulk-tag', written: result.summary!.written, stored, seconds };
}

async function putAll(
  tables: { revisions: Dexie.Table; states: Dexie.Table },
  database: Dexie,
  count: number,
): Promise<number> {
  const batches = sameRows(count);
  const started = performance.now();
  for (const batch of batches)
    await database.transaction('rw', [tables.revisions, tables.states], () =>
      Promise.all([tables.revisions.bulkPut(batch.revisions), tables.states.bulkPut(batch.states)]),
    );
  return (performance.now() - started) / 1000;
}

async function runPlainBulkPut(count: number) {
  const database = seededDatabase(count);
  const seconds = await putAll(
    { revisions: database.annotationRevisions, states: database.annotationStates },
    database,
    count,
  );
  const stored = await database.annotationRevisions.count();
  database.close();
  return { side: 'plain-bulkPut', written: count, stored, seconds };
}

async function runKeyOnlyBulkPut(count: number) {
  const database = new Dexie(`bench-keyonly-${count}`);
  database.version(1).stores({ revisions: '[caseId+target+rev]', states: '[caseId+target]' });
  const seconds = await putAll(
    { revisions: database.table('revisions'), states: database.table('states') },
    database,
    count,
  );
  const stored = await database.table('revisions').count();
  database.close();
  return { side: 'key-only-bulkPut', written: count, stored, seconds };
}

Object.assign(globalThis, { seedCase, runBulkTag, runPlainBulkPut, runKeyOnlyBulkPut });
