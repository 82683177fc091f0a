// Runs in Chromium (bundled by text-read-costs.mjs): the pieces of a free-text search over a stored case, timed.
import { buildEventRows } from '../../../renderer/db/event-rows';
import { runningIngest } from '../../support/running-ingest';
import { parseSource } from '../../../core/sources/parse-source';
import { storedEvidenceInput } from '../../../renderer/ingest/stored-evidence-input';
import { writeBatch } from '../../../renderer/ingest/ingest-store';
import { TokentrailDatabase } from '../../../renderer/db/schema';
import { generateLog, newCase, wholeSearch } from './generate-bench-case';

type Key = [string, number, number];

/** Reads a whole key range in chunks of `size`, each chunk starting after the last key of the one before. */
async function inChunks(size: number, read: (after: Key | undefined) => Promise<Key[]>): Promise<void> {
  let after: Key | undefined;
  for (;;) {
    const keys = await read(after);
    if (keys.length < size) return;
    after = keys.at(-1);
  }
}

async function textReadCosts(count: number) {
  const database = new TokentrailDatabase('text-read-costs');
  const caseId = await newCase(database, 'text');
  const ingest = runningIngest('ingest', caseId, 'bench.jsonl');
  await database.ingests.add(ingest);
  const run = parseSource(storedEvidenceInput('bench.jsonl', generateLog(count, 10)), '0'.repeat(64), {
    batchSize: 2000,
  });
  const started = performance.now();
  for (let next = await run.next(); !next.done; next = await run.next())
    await writeBatch(database, ingest, buildEventRows(caseId, ingest.id, ingest.fileId, next.value.events), [], {
      bytesRead: 0,
    });
  const out: Record<string, number> = { events: count, storeMs: Math.round(performance.now() - started) };
  const time = async (name: string, work: () => Promise<unknown>) => {
    const at = performance.now();
    await work();
    out[name] = +(performance.now() - at).toFixed(1);
  };
  const [low, high]: [Key, Key] = [
    [caseId, -Infinity, -Infinity],
    [caseId, Infinity, Infinity],
  ];
  const rowKeys = (await database.eventText.where('[caseId+start+firstSeq]').between(low, high).primaryKeys()) as Key[];
  out.textRows = rowKeys.length;
  for (const round of [1, 2, 3]) {
    const absent = await wholeSearch(database, caseId, { text: 'no-such-text' });
    out[`absentWholeCaseMs${round}`] = +absent.ms.toFixed(1);
    out[`absentPages${round}`] = absent.pages;
  }
  const backward = await wholeSearch(database, caseId, { text: 'no-such-text' }, 'backward');
  out.absentBackwardWholeCaseMs = +backward.ms.toFixed(1);
  out.absentBackwardPages = backward.pages;
  const common = await wholeSearch(database, caseId, { text: 'user5@' });
  out.commonWholeCaseMs = +common.ms.toFixed(1);
  const forward = (table: 'eventText' | 'eventTextFilters' | 'eventTextRowFilters', after: Key | undefined) =>
    database[table].where('[caseId+start+firstSeq]').between(after ?? low, high, !after, true);
  await time('textKeys65Ms', () =>
    inChunks(65, async (after) => (await forward('eventText', after).limit(65).primaryKeys()) as Key[]),
  );
  await time('textKeys512Ms', () =>
    inChunks(512, async (after) => (await forward('eventText', after).limit(512).primaryKeys()) as Key[]),
  );
  out.filterRecords = await database.eventTextFilters.where('[caseId+start+firstSeq]').between(low, high).count();
  // A forward page reads packs 64 at a time (text-pack-source.ts); the rows' own filters only of packs that pass.
  const records = (table: 'eventTextFilters' | 'eventTextRowFilters') => () =>
    inChunks(64, async (after) =>
      (await forward(table, after).limit(64).toArray()).map((row): Key => [caseId, row.start, row.firstSeq]),
    );
  await time('filterRecordsByRange64Ms', records('eventTextFilters'));
  await time('rowFilterRecordsByRange64Ms', records('eventTextRowFilters'));
  await time('keysReverseCursor65Ms', () =>
    inChunks(65, async (after) => {
      const keys: Key[] = [];
      await database.eventText
        .where('[caseId+lastTs+firstSeq]')
        .between(low, after ?? high, true, !after)
        .reverse()
        .limit(65)
        .eachPrimaryKey((_, cursor) => keys.push(cursor.key as Key));
      return keys;
    }),
  );
  await time('textByRange8Ms', () =>
    inChunks(8, async (after) =>
      (await forward('eventText', after).limit(8).toArray()).map((row): Key => [caseId, row.start, row.firstSeq]),
    ),
  );
  database.close();
  return out;
}

Object.assign(globalThis, { textReadCosts });
