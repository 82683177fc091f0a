// Runs in Chromium (bundled by store-designs.mjs, each entry point on a fresh disk-backed profile): the same generated
// events stored by (a) today's schema through the app's own batch writer, (b) blocks of N events with per-block
// summaries, (c) the same blocks deflated; and the raw write bandwidth of the layer below: the same events' JSON
// bytes put as large rows with only a primary key. Parsing is timed apart from storing, so every design is compared
// on its store cost; the end-to-end rate is parse + encode + store, one after the other. With --overlap each batch is
// parsed while the previous one is stored, as the app's ingest does, and the wall-clock rate is the figure to read.
import { textNeedle } from '../../../core/timeline';
import { buildEventRows } from '../../../renderer/db/event-rows';
import { TokentrailDatabase } from '../../../renderer/db/schema';
import { beginIngest, writeBatch } from '../../../renderer/ingest/ingest-store';
import { newId } from '../../../renderer/db/ids';
import { queryPage, type PageRequest } from '../../../renderer/timeline/timeline-query';
import type { TimelineFilter } from '../../../renderer/timeline/timeline-filter';
import { median, newCase, wholeSearch } from './generate-bench-case';
import {
  BlockDatabase,
  blockPage,
  encodeBlock,
  readSummaries,
  scanText,
  writeBlock,
  type BlockEncoding,
} from './helpers-block-store';
import {
  ABSENT,
  eachBatch,
  FILE_ID,
  overlapParsingWithStores,
  rates,
  rounded,
  SUBJECT,
  usage,
} from './helpers-store-run';
import { runBlockPostings } from './helpers-postings-design';
import { rawWriteBandwidth } from './helpers-raw-bandwidth';
import { runBatchCommit } from './helpers-batch-commit-design';

/** Raw write bandwidth: each batch's events as JSON bytes, one primary-key-only row per batch. */
async function runRawBaseline(count: number, days: number, blockSize: number) {
  return {
    design: 'raw',
    ...(await rawWriteBandwidth('bench-raw', count, days, { batchSize: blockSize, rowSize: blockSize })),
  };
}

/** Today's schema through the app's own batch writer (rows, index entries, text rows, facet and bucket counts). */
async function runTodaySchema(count: number, days: number) {
  const database = new TokentrailDatabase('bench-today');
  const caseId = await newCase(database, 'today');
  const ingestId = newId();
  await database.ingests.add({
    ...{ id: ingestId, caseId, fileId: FILE_ID, importId: 'bench', path: 'bench.jsonl', sha256: '0'.repeat(64) },
    ...{ size: 0, options: {}, status: 'queued', queuedAt: Date.now(), bytesRead: 0, events: 0, problems: 0 },
    problemCounts: {},
  });
  const ingest = await beginIngest(database, ingestId, []);
  const before = await usage();
  let encodeMs = 0;
  let storeMs = 0;
  const parsed = await eachBatch(count, days, 2000, async (events) => {
    let started = performance.now();
    const rows = buildEventRows(caseId, ingestId, FILE_ID, events);
    encodeMs += performance.now() - started;
    started = performance.now();
    await writeBatch(database, ingest, rows, [], { bytesRead: 0 });
    storeMs += performance.now() - started;
  });
  const stored = (await usage()) - before;
  const page =
    (filter: TimelineFilter, request: Partial<PageRequest> = {}) =>
    () =>
      queryPage(database, caseId, filter, { direction: 'forward', limit: 200, ...request });
  const [first, last] = await Promise.all([
    database.authEvents
      .where('[caseId+ts+seq]')
      .between([caseId, -Infinity, -Infinity], [caseId, Infinity, Infinity])
      .first(),
    database.authEvents
      .where('[caseId+ts+seq]')
      .between([caseId, -Infinity, -Infinity], [caseId, Infinity, Infinity])
      .last(),
  ]);
  const deep = { ts: Math.floor((first!.ts + last!.ts) / 2), seq: 0 };
  const pagesMs = {
    first: await median(7, page({})),
    deep: await median(7, page({}, { from: deep })),
    last: await median(7, page({}, { direction: 'backward' })),
    subjectFirst: await median(7, page({ facets: { subject: SUBJECT } })),
    subjectDeep: await median(7, page({ facets: { subject: SUBJECT } }, { from: deep })),
  };
  const needle = await wholeSearch(database, caseId, { text: ABSENT });
  database.close();
  return {
    design: 'today',
    ...rates(parsed, encodeMs / 1000, storeMs / 1000, stored),
    pagesMs: Object.fromEntries(Object.entries(pagesMs).map(([name, ms]) => [name, rounded(ms)])),
    needleWholeCaseSeconds: rounded(needle.ms / 1000, 2),
    needleEventsPerSecond: Math.round(parsed.events / (needle.ms / 1000)),
  };
}

/** Blocks of `blockSize` events with summaries, as objects or deflated; then pages and a text scan on them. */
async function runBlocks(count: number, days: number, blockSize: number, encoding: BlockEncoding) {
  const database = new BlockDatabase(`bench-blocks-${encoding}`);
  const caseId = 'blocks';
  const before = await usage();
  let encodeMs = 0;
  let storeMs = 0;
  let seq = 0;
  const parsed = await eachBatch(count, days, blockSize, async (events) => {
    let started = performance.now();
    const encoded = await encodeBlock(caseId, FILE_ID, events, seq, encoding);
    seq += events.length;
    encodeMs += performance.now() - started;
    started = performance.now();
    await writeBlock(database, encoded);
    storeMs += performance.now() - started;
  });
  const stored = (await usage()) - before;
  const openStarted = performance.now();
  const summaries = await readSummaries(database, caseId);
  const openMs = performance.now() - openStarted;
  const summaryBytes = summaries.reduce(
    (sum, summary) => sum + Object.values(summary.filters).reduce((bits, filter) => bits + filter.length, 0) + 200,
    0,
  );
  const deep = Math.floor((summaries[0]!.start + summaries.at(-1)!.end) / 2);
  const page = (from: number, facet?: ['subject', string]) => () =>
    blockPage(database, summaries, FILE_ID, { from, limit: 200, ...(facet ? { facet } : {}) });
  const subjectOpened = (await page(-Infinity, ['subject', SUBJECT])()).blocksOpened;
  const pagesMs = {
    first: await median(7, page(-Infinity)),
    deep: await median(7, page(deep)),
    last: await median(7, page(Infinity)),
    subjectFirst: await median(7, page(-Infinity, ['subject', SUBJECT])),
    subjectDeep: await median(7, page(deep, ['subject', SUBJECT])),
  };
  const scanStarted = performance.now();
  const found = await scanText(database, summaries, textNeedle(ABSENT));
  const scanSeconds = (performance.now() - scanStarted) / 1000;
  database.close();
  return {
    design: `blocks-${encoding}`,
    blockSize,
    ...rates(parsed, encodeMs / 1000, storeMs / 1000, stored),
    blocks: summaries.length,
    openSummariesMs: rounded(openMs),
    summaryBytesPerEvent: rounded(summaryBytes / parsed.events, 2),
    pagesMs: Object.fromEntries(Object.entries(pagesMs).map(([name, ms]) => [name, rounded(ms)])),
    subjectPageBlocksOpened: subjectOpened,
    needleFound: found,
    needleWholeCaseSeconds: rounded(scanSeconds, 2),
    needleEventsPerSecond: Math.round(parsed.events / scanSeconds),
  };
}

const DESIGNS = { runRawBaseline, runTodaySchema, runBlocks, runBlockPostings, runBatchCommit };

/** One design's run (each gets a page on a fresh profile of its own), parsing overlapped with storing or not. */
function runDesign(overlap: boolean, name: keyof typeof DESIGNS, ...args: unknown[]) {
  overlapParsingWithStores(overlap);
  return (DESIGNS[name] as (...values: unknown[]) => unknown)(...args);
}

Object.assign(globalThis, { runDesign });
