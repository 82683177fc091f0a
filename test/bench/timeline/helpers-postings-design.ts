// The blocks-postings design of the store-designs benchmark (bundled into its page): blocks of N events as structured-
// clone objects with their text rows (helpers-block-store.ts), plus what the first block designs lacked: summaries
// packed 256 blocks to a row (a case opens by reading those), covering postings for subject, session, token and IP
// (a one-subject page reads posting rows, not blocks), and a trigram filter per block (an absent needle is ruled out
// without reading text). Then the same pages and needle as the other designs, and two checks against plain scans:
// the subject pages hold exactly the events the facet filter gives, and present needles are found as often.
import type { AuthEvent } from '../../../core/sources';
import { facetValues, textNeedle, type EventFacet } from '../../../core/timeline';
import { median } from './generate-bench-case';
import { blockPage, encodeBlock, openBlock, scanText, writeBlock, type BlockSummary } from './helpers-block-store';
import { filteredTextSearch } from './helpers-filtered-text';
import { listColumns, PostingBuffer, postingPage, type PostingEntry } from './helpers-postings';
import { ABSENT, eachBatch, FILE_ID, rates, rounded, SUBJECT, usage } from './helpers-store-run';
import { PACK_BLOCKS, PackedBlockDatabase, packSummaries, readSummaryPacks } from './helpers-summary-packs';
import { trigramFilter } from '../../../core/timeline/trigram-filter';

const PAGE = 200;

/** Every event of one facet value, by reading every block: the reference the posting pages are checked against. */
async function scanFacet(
  database: PackedBlockDatabase,
  summaries: readonly BlockSummary[],
  [facet, value]: [EventFacet, string],
): Promise<{ block: number; offset: number; event: AuthEvent }[]> {
  const found: { block: number; offset: number; event: AuthEvent }[] = [];
  for (let block = 0; block < summaries.length; block += 1)
    (await openBlock(database, summaries[block]!)).forEach((event, offset) => {
      if (facetValues(event, FILE_ID, facet).includes(value)) found.push({ block, offset, event });
    });
  return found;
}

/** True when a posting page is exactly the scan's events from `from` on: same places, times and columns. */
function samePage(
  page: readonly PostingEntry[],
  scanned: readonly { block: number; offset: number; event: AuthEvent }[],
  from: number,
): boolean {
  const expected = scanned.filter(({ event }) => (event.ts ?? 0) >= from).slice(0, PAGE);
  return (
    page.length === expected.length &&
    expected.every(({ block, offset, event }, index) => {
      const entry = page[index]!;
      const columns = listColumns(event);
      return (
        entry.block === block &&
        entry.offset === offset &&
        entry.ts === (event.ts ?? 0) &&
        Object.entries(columns).every(([column, text]) => entry.columns[column as keyof typeof columns] === text)
      );
    })
  );
}

/** A needle that is in the case: one event's time as its record spells it (in one block), and its subject (in all). */
async function presentNeedles(database: PackedBlockDatabase, summaries: readonly BlockSummary[]): Promise<string[]> {
  const events = await openBlock(database, summaries[Math.floor(summaries.length / 2)]!);
  const event = events[Math.floor(events.length / 2)]!;
  const time = /"ts":"([^"]+)"/.exec(event.record)?.[1] ?? new Date(event.ts ?? 0).toISOString();
  return [textNeedle(time), textNeedle(event.subject)];
}

/** Blocks with packed summaries, postings and trigram filters; then pages, the needle and the checks on them. */
export async function runBlockPostings(count: number, days: number, blockSize: number, buckets = 0) {
  const database = new PackedBlockDatabase('bench-blocks-postings');
  const caseId = 'blocks';
  const before = await usage();
  let encodeMs = 0;
  let storeMs = 0;
  let flushMs = 0;
  let seq = 0;
  let block = 0;
  let packs = 0;
  let postingRows = 0;
  let textFilterBytes = 0;
  const postings = new PostingBuffer(FILE_ID, buckets);
  let segment: { summaries: BlockSummary[]; filters: Uint8Array[] } = { summaries: [], filters: [] };
  // Every PACK_BLOCKS blocks: the segment's packed summaries, its text filters and the postings buffered since.
  const flush = async () => {
    let started = performance.now();
    const summaryPack = packSummaries(caseId, packs, segment.summaries);
    const rows = postings.take(caseId, packs);
    encodeMs += performance.now() - started;
    started = performance.now();
    await database.transaction('rw', [database.summaryPacks, database.textFilterPacks, database.postings], () =>
      Promise.all([
        database.summaryPacks.add(summaryPack),
        database.textFilterPacks.add({ caseId, pack: packs, filters: segment.filters }),
        database.postings.bulkAdd(rows),
      ]),
    );
    const took = performance.now() - started;
    storeMs += took;
    flushMs += took;
    packs += 1;
    postingRows += rows.length;
    segment = { summaries: [], filters: [] };
  };
  const parsed = await eachBatch(
    count,
    days,
    blockSize,
    async (events) => {
      let started = performance.now();
      const encoded = await encodeBlock(caseId, FILE_ID, events, seq, 'objects', []);
      const filter = trigramFilter(encoded.text.text!);
      textFilterBytes += filter.length;
      postings.add(block, encoded.block.events!);
      segment.summaries.push(encoded.summary);
      segment.filters.push(filter);
      seq += events.length;
      encodeMs += performance.now() - started;
      started = performance.now();
      await writeBlock(database, encoded, false);
      storeMs += performance.now() - started;
      block += 1;
      if (segment.summaries.length === PACK_BLOCKS) await flush();
    },
    // The last segment's summaries, filters and postings: part of the run the wall clock times.
    async () => {
      if (segment.summaries.length > 0) await flush();
    },
  );
  const stored = (await usage()) - before;

  const openStarted = performance.now();
  const { summaries, rows: summaryRows } = await readSummaryPacks(database, caseId);
  const openMs = performance.now() - openStarted;
  const deep = Math.floor((summaries[0]!.start + summaries.at(-1)!.end) / 2);
  const page = (from: number) => () => blockPage(database, summaries, FILE_ID, { from, limit: PAGE });
  const subject: [EventFacet, string] = ['subject', SUBJECT];
  const subjectPage = (from: number) => () => postingPage(database, caseId, subject, { from, limit: PAGE }, buckets);
  const pagesMs = {
    first: await median(7, page(-Infinity)),
    deep: await median(7, page(deep)),
    last: await median(7, page(Infinity)),
    subjectFirst: await median(7, subjectPage(-Infinity)),
    subjectDeep: await median(7, subjectPage(deep)),
  };
  const [subjectFirst, subjectDeep] = [await subjectPage(-Infinity)(), await subjectPage(deep)()];

  const absentStarted = performance.now();
  const absent = await filteredTextSearch(database, caseId, summaries, textNeedle(ABSENT));
  const absentSeconds = (performance.now() - absentStarted) / 1000;

  // The checks, by plain scans of every block (their time is not a figure of the design).
  const scanned = await scanFacet(database, summaries, subject);
  const needles = [];
  for (const needle of [textNeedle(ABSENT), ...(await presentNeedles(database, summaries))]) {
    const started = performance.now();
    const filtered = await filteredTextSearch(database, caseId, summaries, needle);
    const filteredMs = performance.now() - started;
    const plain = await scanText(database, summaries, needle);
    needles.push({
      needle,
      ...filtered,
      filteredMs: rounded(filteredMs),
      plainFound: plain,
      same: filtered.found === plain,
    });
  }
  database.close();
  return {
    design: 'blocks-postings',
    blockSize,
    postingBuckets: buckets,
    ...rates(parsed, encodeMs / 1000, storeMs / 1000, stored),
    flushSeconds: rounded(flushMs / 1000, 2),
    blocks: summaries.length,
    summaryRows,
    openSummariesMs: rounded(openMs),
    postingRows,
    postingRowsPerEvent: rounded(postingRows / parsed.events, 3),
    textFilterBytesPerEvent: rounded(textFilterBytes / parsed.events, 2),
    pagesMs: Object.fromEntries(Object.entries(pagesMs).map(([name, ms]) => [name, rounded(ms)])),
    subjectPageRowsRead: { first: subjectFirst.rowsRead, deep: subjectDeep.rowsRead },
    subjectEvents: scanned.length,
    subjectPagesMatchScan: {
      first: samePage(subjectFirst.entries, scanned, -Infinity),
      deep: samePage(subjectDeep.entries, scanned, deep),
    },
    needleFound: absent.found,
    needleBlocksRead: absent.blocksRead,
    needleFilterRows: absent.filterRows,
    needleWholeCaseSeconds: rounded(absentSeconds, 3),
    needleEventsPerSecond: Math.round(parsed.events / absentSeconds),
    needleChecks: needles,
  };
}
