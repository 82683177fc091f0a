// Runs in Chromium (bundled by event-store.spec.ts): every read of renderer/db/event-store.ts on real IndexedDB, held
// to its plain definition over the events the test itself wrote. Two cases (the second must never show up in the
// first's reads), three ingests that overlap in time with untimed events and same-millisecond ties, written by the
// ingest's own writeBatch; then the same checks after the analysis sets some events' token links and clears some of
// them, after two ingests are removed (one larger than a removal's chunk), and after one case is deleted. Events are compared as every layout must give them
// back (EventView), not as the rows of today's layout happen to hold them.
import type { AuthEvent, AuthEventKind } from '../../../core/sources/types';
import { facetValues } from '../../../core/timeline';
import { buildEventRows, type PendingEvent } from '../../../renderer/db/event-rows';
import { EMPTY_COUNTS } from '../../../renderer/db/records';
import { TokentrailDatabase } from '../../../renderer/db/schema';
import type { EventFacet, StoredEvent, StoredTokenLink } from '../../../renderer/db/event-records';
import {
  caseEventsBySeq,
  caseEventsByTime,
  distinctFacetValues,
  eventBySeq,
  eventsBySeq,
  facetEvents,
  facetEventTimes,
  latestEvent,
  storeTokenLinks,
} from '../../../renderer/db/event-store';
import { finishIngest, removeIngestEvents, writeBatch } from '../../../renderer/ingest/ingest-store';
import { deleteCase } from '../../../renderer/cases/case-store';
import { runningIngest } from '../../support/running-ingest';
import { seededRandom } from '../../support/seeded-random';

const CASE = 'case-events';
const OTHER = 'case-other';
const KINDS: readonly AuthEventKind[] = ['issue', 'use', 'use', 'refresh', 'failure'];
const T0 = Date.UTC(2026, 10, 18);
const TOKENS = ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)];

function event(file: string, line: number, ts: number | null, pick: () => number): AuthEvent {
  const subject = `user${Math.floor(pick() * 12)}@example.com`;
  const tokenHashes = pick() < 0.3 ? [TOKENS[Math.floor(pick() * TOKENS.length)]!] : [];
  return {
    ts,
    time: ts === null ? null : new Date(ts).toISOString(),
    source: { file, sha256: '0'.repeat(64), format: 'tokentrail-jsonl', line },
    kind: KINDS[Math.floor(pick() * KINDS.length)]!,
    subject,
    ip: `203.0.113.${Math.floor(pick() * 5)}`,
    ...(pick() < 0.4 ? { appVersion: `4.${Math.floor(pick() * 3)}.0` } : {}),
    sessionId: `S-${line % 7}`,
    tokenHashes,
    tokens: [],
    record: JSON.stringify({ line, sub: subject }),
  };
}

/**
 * Writes `times` as one ingest of `file` in batches of 97 (as the ingest would), returning the rows as stored. A
 * `finished` ingest is closed as the pipeline closes it (the block layout compacts its last batches' postings then);
 * the others stay running, as after a crash.
 */
async function ingestFile(
  database: TokentrailDatabase,
  caseId: string,
  id: string,
  file: string,
  times: readonly (number | null)[],
  pick: () => number,
  finished = true,
): Promise<PendingEvent[]> {
  const ingest = runningIngest(id, caseId, file);
  await database.ingests.add(ingest);
  const written: PendingEvent[] = [];
  for (let first = 0; first < times.length; first += 97) {
    const events = times.slice(first, first + 97).map((ts, index) => event(file, first + index + 1, ts, pick));
    const rows = buildEventRows(caseId, id, ingest.fileId, events);
    await writeBatch(database, ingest, rows, [], { bytesRead: 0 });
    written.push(...rows); // writeBatch stamped their seqs
  }
  if (finished) await finishIngest(database, id, 'complete');
  return written;
}

/** An event as every layout must give it back (the rows' index keys, `facets`, are the row layout's own). */
type EventView = Pick<StoredEvent, 'seq' | 'ts' | 'ingestId' | 'fileId' | 'event' | 'tokenLinks'>;

const view = (row: StoredEvent | undefined): EventView | undefined =>
  row && {
    seq: row.seq,
    ts: row.ts,
    ingestId: row.ingestId,
    fileId: row.fileId,
    event: row.event,
    ...(row.tokenLinks ? { tokenLinks: row.tokenLinks } : {}),
  };

const byTime = (a: EventView, b: EventView) => a.ts - b.ts || a.seq - b.seq;

/** The facet values of a stored event, as the store's facet reads must see them (token links included). */
const valuesOf = (row: EventView, facet: EventFacet) => [
  ...facetValues(row.event, row.fileId, facet),
  ...(facet === 'token' ? (row.tokenLinks ?? []).map((link) => link.hash) : []),
];

async function collect(pages: AsyncGenerator<StoredEvent[]>): Promise<{ rows: EventView[]; largest: number }> {
  const rows: EventView[] = [];
  let largest = 0;
  for await (const page of pages) {
    rows.push(...page.map((row) => view(row)!));
    largest = Math.max(largest, page.length);
  }
  return { rows, largest };
}

/** Every read of the event store against `expected` (the case's events as the test wrote them); failures named. */
async function checkReads(
  database: TokentrailDatabase,
  label: string,
  expected: readonly EventView[],
  pick: () => number,
): Promise<{ checks: number; failures: string[] }> {
  const failures: string[] = [];
  let checks = 0;
  const same = (what: string, got: unknown, want: unknown) => {
    checks += 1;
    if (JSON.stringify(got) !== JSON.stringify(want))
      failures.push(
        `${label}: ${what}: got ${JSON.stringify(got).slice(0, 200)}, want ${JSON.stringify(want).slice(0, 200)}`,
      );
  };
  const bySeq = [...expected].sort((a, b) => a.seq - b.seq);
  const inTime = [...expected].sort(byTime);
  const known = new Map(bySeq.map((row) => [row.seq, row]));
  const maxSeq = bySeq.at(-1)?.seq ?? 0;

  // By seq: a random set with absent seqs (never stored, removed, beyond the end, another case's), in the asked order.
  const wanted = Array.from({ length: 300 }, () => Math.floor(pick() * (maxSeq + 50)));
  same(
    'eventsBySeq',
    (await eventsBySeq(database, CASE, wanted)).map(view),
    wanted.map((seq) => known.get(seq)),
  );
  const one = bySeq[Math.floor(bySeq.length / 2)];
  if (one) same('eventBySeq', view(await eventBySeq(database, CASE, one.seq)), one);
  same('eventBySeq of an absent seq', await eventBySeq(database, CASE, maxSeq + 1), undefined);

  // Whole case, both orders, pages of 50 (the last one short unless the count divides).
  const importOrder = await collect(caseEventsBySeq(database, CASE, 50));
  same('caseEventsBySeq', importOrder.rows, bySeq);
  same('caseEventsBySeq page size', importOrder.largest, Math.min(50, bySeq.length));
  const timeOrder = await collect(caseEventsByTime(database, CASE, 50));
  same('caseEventsByTime', timeOrder.rows, inTime);
  same('latestEvent', view(await latestEvent(database, CASE)), inTime.at(-1));

  // Facets: every value of every facet the events have, the events in time order, cut at a limit.
  for (const facet of ['subject', 'token', 'session', 'ip', 'file', 'kind', 'appVersion'] as const) {
    const values = [...new Set(expected.flatMap((row) => valuesOf(row, facet)))].sort();
    same(`distinctFacetValues ${facet}`, await distinctFacetValues(database, CASE, facet, 1_000), values);
    same(
      `distinctFacetValues ${facet} limit 2`,
      await distinctFacetValues(database, CASE, facet, 2),
      values.slice(0, 2),
    );
    for (const value of values) {
      const rows = inTime.filter((row) => valuesOf(row, facet).includes(value));
      const limit = 1 + Math.floor(pick() * rows.length * 1.2);
      same(
        `facetEvents ${facet}=${value}`,
        (await facetEvents(database, CASE, facet, value, limit)).map(view),
        rows.slice(0, limit),
      );
      same(
        `facetEventTimes ${facet}=${value}`,
        await facetEventTimes(database, CASE, facet, value, limit),
        rows.slice(0, limit).map((row) => ({ ts: row.ts, seq: row.seq })),
      );
    }
  }
  same('facetEvents of an absent value', await facetEvents(database, CASE, 'subject', 'nobody', 10), []);
  return { checks, failures };
}

export async function runEventStoreChecks(seed: number, layout: 'rows' | 'blocks') {
  const pick = seededRandom(seed);
  const database = new TokentrailDatabase(`tokentrail-events-${seed}-${layout}`);
  for (const id of [CASE, OTHER])
    await database.cases.add({
      id,
      title: id,
      createdAt: 0,
      updatedAt: 0,
      counts: EMPTY_COUNTS,
      ...(layout === 'blocks' ? { eventLayout: layout } : {}),
    });
  const dense = await ingestFile(
    database,
    CASE,
    'dense',
    'dense.jsonl',
    Array.from({ length: 700 }, (_, index) => T0 + 3_600_000 + Math.floor(index * 2_400 + pick() * 2_000)),
    pick,
  );
  const sparse = await ingestFile(
    database,
    CASE,
    'sparse',
    'sparse.jsonl',
    Array.from({ length: 60 }, () => T0 + Math.floor(pick() * 40 * 3_600_000)),
    pick,
  );
  // Untimed events and events sharing a millisecond.
  const ties = await ingestFile(
    database,
    CASE,
    'ties',
    'ties.jsonl',
    Array.from({ length: 200 }, (_, index) =>
      index % 10 === 0 ? null : T0 + 7_200_000 + Math.floor(index / 5) * 1_000,
    ),
    pick,
  );
  // More events than a removal deletes at once (5 000) and, with the others, than links are written at once (1 000).
  const bulk = await ingestFile(
    database,
    CASE,
    'bulk',
    'bulk.jsonl',
    Array.from({ length: 5_200 }, (_, index) => T0 + 3_000_000 + index * 700),
    pick,
    false,
  );
  // Another case's events share every value: none may show up in the first case's reads.
  const other = await ingestFile(database, OTHER, 'other', 'dense.jsonl', [T0, T0 + 1, null], pick);

  // Block layout: the posting rows of both levels are read (bulk's first 32 batches were compacted, its last 22 not).
  const postingLevels = await database.eventPostings.toArray();
  const postings = {
    levelZero: postingLevels.filter((row) => row.level === 0).length,
    levelOne: postingLevels.filter((row) => row.level === 1).length,
  };
  const runs: { checks: number; failures: string[] }[] = [];
  let expected: EventView[] = [...dense, ...sparse, ...ties, ...bulk].map((row) => view(row as StoredEvent)!);
  runs.push(await checkReads(database, 'as written', expected, pick));

  // The analysis links records to tokens by digest: those events carry the links, and their token facets follow; an
  // event whose links are cleared loses them, and a seq with no event is skipped.
  const linked = expected.filter((row, index) => index % 9 === 0 || (row.ingestId === 'bulk' && index % 4 === 0));
  const tokenLink = (hash: string): StoredTokenLink[] => [
    { hash, link: { by: 'token-sha256', field: 'token_hash', encoding: 'hex' } },
  ];
  const links = new Map(linked.map((row, index) => [row.seq, tokenLink(TOKENS[index % 3]!)]));
  const written = await storeTokenLinks(database, CASE, new Map([...links, [99_999, tokenLink(TOKENS[0]!)]]));
  const withLinks = (row: EventView): EventView =>
    links.has(row.seq) ? { ...row, tokenLinks: links.get(row.seq) } : row;
  expected = expected.map(withLinks);
  runs.push(await checkReads(database, 'after token links', expected, pick));
  const cleared = linked.filter((_, index) => index % 2 === 0).map((row) => row.seq);
  await storeTokenLinks(database, CASE, new Map(cleared.map((seq) => [seq, undefined])));
  for (const seq of cleared) links.delete(seq);
  expected = expected.map(({ tokenLinks: _dropped, ...row }) => withLinks(row));
  runs.push(await checkReads(database, 'after clearing some links', expected, pick));

  // The progress callback runs after every chunk's transaction, the last (which finds nothing left) included.
  const bulkChunks: number[] = [];
  await removeIngestEvents(database, (await database.ingests.get('bulk'))!, (removed) => bulkChunks.push(removed));
  await removeIngestEvents(database, (await database.ingests.get('sparse'))!);
  expected = expected.filter((row) => row.ingestId !== 'bulk' && row.ingestId !== 'sparse');
  runs.push(await checkReads(database, 'after removing two ingests', expected, pick));

  await deleteCase(database, CASE);
  expected = [];
  runs.push(await checkReads(database, 'after deleting the case', expected, pick));
  const otherLeft = (await collect(caseEventsBySeq(database, OTHER, 50))).rows;
  const stored = { rows: await database.authEvents.count(), blocks: await database.eventBlocks.count() };
  database.close();
  return {
    checks: runs.reduce((sum, run) => sum + run.checks, 0),
    failures: runs.flatMap((run) => run.failures),
    written,
    linked: linked.length,
    bulkChunks,
    postings,
    stored,
    // In seq order, as caseEventsBySeq gives them (the block layout numbers a batch in time order).
    otherKept:
      JSON.stringify(otherLeft) ===
      JSON.stringify([...other].sort((a, b) => a.seq - b.seq).map((row) => view(row as StoredEvent))),
  };
}

Object.assign(globalThis, { runEventStoreChecks });
