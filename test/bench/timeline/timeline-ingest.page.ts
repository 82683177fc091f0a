// Runs in Chromium (bundled by timeline-ingest.mjs, each entry point on a fresh profile): end-to-end ingest into
// Dexie through the app's own code path (runIngest: parse → rows → one transaction per batch with aggregates and
// counts); raw Dexie bulkAdd of the same records into the same table (what our schema costs as written); the raw write
// bandwidth for the same events as large rows (what the layer below can do); then timeline page latency on the
// ingested case.
import { parseSource } from '../../../core/sources/parse-source';
import { buildEventRows, stampSeq } from '../../../renderer/db/event-rows';
import type { StoredEvent } from '../../../renderer/db/event-records';
import { planImportIngest } from '../../../renderer/ingest/ingest-plan';
import { TokentrailDatabase } from '../../../renderer/db/schema';
import { caseExtent, queryPage, type PageRequest } from '../../../renderer/timeline/timeline-query';
import { listFacetValues } from '../../../renderer/timeline/facet-counts';
import { readHistogram } from '../../../renderer/timeline/timeline-histogram';
import type { TimelineFilter } from '../../../renderer/timeline/timeline-filter';
import { runIngest } from '../../../renderer/ingest/run-ingest';
import { storedEvidenceInput } from '../../../renderer/ingest/stored-evidence-input';
import { generatedLogInput, generateLog, median, newCase, wholeSearch } from './generate-bench-case';
import { rawWriteBandwidth } from './helpers-raw-bandwidth';

/** Stores the log as evidence of a new case and queues its ingest, as an import would. */
async function storeEvidence(database: TokentrailDatabase, caseId: string, log: Blob): Promise<string> {
  const importId = `import-${caseId}`;
  const fileId = `file-${caseId}`;
  await database.evidenceFiles.add({
    id: fileId,
    caseId,
    importId,
    path: 'bench.jsonl',
    kind: 'auth-log',
    mediaType: 'application/x-ndjson',
    verdict: 'generated',
    size: log.size,
    sha256: '0'.repeat(64),
  });
  // A Blob, not a Uint8Array: stored-evidence-input reads either, and a 300 MB array would only cost memory here.
  await database.evidenceBlobs.add({ fileId, caseId, bytes: log as unknown as Uint8Array });
  const [ingestId] = await planImportIngest(database, importId);
  return ingestId!;
}

/** Raw Dexie: the same rows, bulkAdd in batches of 2000, one transaction each; only the writes are timed. */
async function rawBulkAdd(
  database: TokentrailDatabase,
  caseId: string,
  log: Blob,
): Promise<{ events: number; seconds: number }> {
  let writeMs = 0;
  let seq = 0;
  let events = 0;
  const run = parseSource(storedEvidenceInput('bench.jsonl', log), '0'.repeat(64), { batchSize: 2000 });
  for (let next = await run.next(); !next.done; next = await run.next()) {
    const rows = buildEventRows(caseId, 'raw', 'raw-file', next.value.events);
    seq = stampSeq(rows, seq);
    const started = performance.now();
    await database.transaction('rw', database.authEvents, () => database.authEvents.bulkAdd(rows as StoredEvent[]));
    writeMs += performance.now() - started;
    events += rows.length;
  }
  return { events, seconds: writeMs / 1000 };
}

async function pageLatencies(database: TokentrailDatabase, caseId: string) {
  const page =
    (filter: TimelineFilter, request: Partial<PageRequest> = {}) =>
    () =>
      queryPage(database, caseId, filter, { direction: 'forward', limit: 200, ...request });
  const extent = (await caseExtent(database, caseId))!;
  const last = { ts: extent.last };
  const deep = { ts: Math.floor((extent.first + extent.last) / 2), seq: 0 };
  const late = { ts: last.ts - 3_600_000, seq: 0 };
  const subject = { facets: { subject: 'user5@example.com' } };
  const failuresOfIp = { facets: { kind: 'failure', ip: '175.45.176.3' } };
  const absent = await wholeSearch(database, caseId, { text: 'no-such-text' });
  const failuresLate = await wholeSearch(database, caseId, { ...failuresOfIp, from: late.ts });
  return {
    firstPageMs: await median(7, page({})),
    deepPageMs: await median(7, page({}, { from: deep })),
    lastPageMs: await median(7, page({}, { direction: 'backward' })),
    filteredFirstMs: await median(7, page(subject)),
    filteredDeepMs: await median(7, page(subject, { from: deep })),
    twoFacetsDeepMs: await median(7, page(failuresOfIp, { from: late })),
    // A rare identifier with a common kind: the subject's keys span ~100 000 events, half of them uses.
    rareAndCommonFacetsDeepMs: await median(7, page({ facets: { ...subject.facets, kind: 'use' } }, { from: deep })),
    timeRangeMs: await median(7, page({ from: deep.ts, to: deep.ts + 3_600_000 })),
    freeTextMs: await median(7, page({ text: 'user5@' })),
    freeTextDeepMs: await median(7, page({ text: 'user5@' }, { from: deep })),
    // A needle in no event: every page is partial (the scan budget), and the search ends at the last event.
    absentTextPageMs: await median(7, page({ text: 'no-such-text' }, { from: deep })),
    absentTextWholeCaseMs: absent.ms,
    absentTextPages: absent.pages,
    absentTextSlowestPageMs: absent.slowestPageMs,
    // The kind+IP filter over the last hour, page after page to its end.
    twoFacetsLastHourMs: failuresLate.ms,
    twoFacetsLastHourPages: failuresLate.pages,
    twoFacetsLastHourRows: failuresLate.rows,
    twoFacetsSlowestPageMs: failuresLate.slowestPageMs,
  };
}

/**
 * Opening the case's timeline as the Timeline tab does, on a new connection: the case's time range, then the
 * histogram over it (120 bars), the four picked facets' value lists and the first page, at once.
 */
async function openTimeline(name: string, caseId: string): Promise<void> {
  const database = new TokentrailDatabase(name);
  const extent = await caseExtent(database, caseId);
  await Promise.all([
    readHistogram(database, caseId, extent!.first, extent!.last, 120),
    ...(['kind', 'country', 'file', 'appVersion'] as const).map((facet) => listFacetValues(database, caseId, facet)),
    queryPage(database, caseId, {}, { direction: 'forward', limit: 200 }),
  ]);
  database.close();
}

/**
 * Bytes per event of the free-text rows' text, of the filters a search reads first (packs' own, or one row's), and of
 * the rows' own filters of packs (read only for packs that let a needle through). Read after the timings.
 */
async function textStorage(database: TokentrailDatabase, caseId: string, events: number) {
  let textChars = 0;
  let filterBytes = 0;
  let rowFilterBytes = 0;
  const range = [
    [caseId, -Infinity, -Infinity],
    [caseId, Infinity, Infinity],
  ] as const;
  await database.eventText
    .where('[caseId+start+firstSeq]')
    .between(...range)
    .each((row) => (textChars += row.text.length));
  await database.eventTextFilters
    .where('[caseId+start+firstSeq]')
    .between(...range)
    .each((record) => (filterBytes += record.filter?.length ?? 0));
  await database.eventTextRowFilters
    .where('[caseId+start+firstSeq]')
    .between(...range)
    .each((record) => (rowFilterBytes += record.filters.length));
  return {
    textCharsPerEvent: Math.round(textChars / events),
    filterBytesPerEvent: +(filterBytes / events).toFixed(1),
    rowFilterBytesPerEvent: +(rowFilterBytes / events).toFixed(1),
  };
}

const roundedLatencies = (latencies: Record<string, number>) =>
  Object.fromEntries(Object.entries(latencies).map(([name, ms]) => [name, +ms.toFixed(1)]));

/** The baseline for `count` events: raw bulkAdd on a fresh database. */
async function runRawBulkAdd(count: number, days: number) {
  const log = generateLog(count, days);
  const database = new TokentrailDatabase(`tokentrail-bench-raw-${count}`);
  const raw = await rawBulkAdd(database, await newCase(database, 'raw'), log);
  database.close();
  return {
    rawEvents: raw.events,
    rawBulkAddSeconds: +raw.seconds.toFixed(3),
    rawBulkAddPerSecond: Math.round(raw.events / raw.seconds),
  };
}

/**
 * The honest baseline: the raw write bandwidth for the same events (their JSON bytes as rows of 256 with only a primary
 * key, one transaction per batch of 2000 as the ingest commits), only the writes timed.
 */
function runRawBandwidth(count: number, days: number) {
  return rawWriteBandwidth(`tokentrail-bench-bandwidth-${count}`, count, days, { batchSize: 2000, rowSize: 256 });
}

/**
 * The app's ingest of `count` events end to end on a fresh database (the case in `layout`: blocks, as the app creates
 * cases, or rows, as cases created before), then page latencies on the case and its storage per event.
 */
async function runIngestBench(
  count: number,
  days: number,
  layout: 'rows' | 'blocks' = 'blocks',
  generatedLog = false,
  settleSeconds = 0,
) {
  // Past 2M events (or with --generated-log) the log is made as it is parsed: one Blob in a page cannot hold 10M
  // events' 2.6 GB. The stored evidence is then a stand-in the ingest does not read; everything after reading the bytes
  // is the app's, and the ingest time includes making the log (so compare sizes made the same way).
  const generated = generatedLog || count > 2_000_000 ? generatedLogInput(count, days) : undefined;
  const log = generated ? new Blob(['{}\n']) : generateLog(count, days);
  const database = new TokentrailDatabase(`tokentrail-bench-${count}`);
  const caseId = await newCase(database, 'ingest', layout);
  const ingestId = await storeEvidence(database, caseId, log);
  const started = performance.now();
  const outcome = await runIngest(database, ingestId, {
    signal: { aborted: false },
    onProgress: () => undefined,
    ...(generated ? { input: generated } : {}),
  });
  const ingestSeconds = (performance.now() - started) / 1000;
  const ingest = (await database.ingests.get(ingestId))!;
  const latencies = await pageLatencies(database, caseId);
  let settled: typeof latencies | undefined;
  if (settleSeconds > 0) {
    await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
    settled = await pageLatencies(database, caseId);
  }
  const storage = await textStorage(database, caseId, ingest.events);
  database.close();
  // The profile holds this one database: its usage less the stored log (evidence) is what the events cost on disk.
  const { usage = 0 } = await navigator.storage.estimate();
  const openMs = await median(7, () => openTimeline(`tokentrail-bench-${count}`, caseId));
  return {
    events: count,
    logMB: +((generated?.bytes() ?? log.size) / 1e6).toFixed(1),
    outcome,
    ingested: ingest.events,
    ingestSeconds: +ingestSeconds.toFixed(3),
    ingestPerSecond: Math.round(ingest.events / ingestSeconds),
    pagesMs: roundedLatencies(latencies),
    ...(settled ? { pagesSettledMs: roundedLatencies(settled) } : {}),
    openMs: +openMs.toFixed(1),
    // A needle in no event over the whole case, in events ruled out per second.
    absentTextEventsPerSecond: Math.round(ingest.events / (latencies.absentTextWholeCaseMs / 1000)),
    storage: { ...storage, storedBytesPerEvent: Math.round((usage - log.size) / count) },
    layout,
    generatedLog: generated !== undefined,
  };
}

Object.assign(globalThis, { runRawBulkAdd, runRawBandwidth, runIngestBench });
