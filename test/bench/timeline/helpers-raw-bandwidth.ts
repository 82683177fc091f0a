// The raw write bandwidth of IndexedDB here, the honest baseline for any event store (issue 19): the same parsed events'
// JSON bytes put as large rows with nothing but a primary key, one transaction per batch. What a store writes beyond
// this (index entries, per-event rows, text and filters) is its own cost. Bundled into the benches' pages.
import Dexie from 'dexie';
import { eachBatch, rates, rounded, usage } from './helpers-store-run';

/**
 * Stores `count` generated events in batches of `batchSize` (one transaction each), each batch as JSON rows of
 * `rowSize` events; only the writes are timed (JSON encoding apart), on a database of its own named `name`.
 */
export async function rawWriteBandwidth(
  name: string,
  count: number,
  days: number,
  { batchSize, rowSize }: { readonly batchSize: number; readonly rowSize: number },
) {
  const database = new Dexie(name);
  database.version(1).stores({ rows: 'id' });
  const rows = database.table<{ id: number; bytes: Uint8Array }, number>('rows');
  const before = await usage();
  let encodeMs = 0;
  let storeMs = 0;
  let payload = 0;
  let id = 0;
  const encoder = new TextEncoder();
  const parsed = await eachBatch(count, days, batchSize, async (events) => {
    let started = performance.now();
    const batch: { id: number; bytes: Uint8Array }[] = [];
    for (let first = 0; first < events.length; first += rowSize)
      batch.push({ id: (id += 1), bytes: encoder.encode(JSON.stringify(events.slice(first, first + rowSize))) });
    encodeMs += performance.now() - started;
    for (const row of batch) payload += row.bytes.length;
    started = performance.now();
    await database.transaction('rw', rows, () => rows.bulkAdd(batch));
    storeMs += performance.now() - started;
  });
  const stored = (await usage()) - before;
  database.close();
  return {
    ...rates(parsed, encodeMs / 1000, storeMs / 1000, stored),
    logBytesPerEvent: Math.round(parsed.logBytes / parsed.events),
    payloadBytesPerEvent: Math.round(payload / parsed.events),
    writeMBPerSecond: rounded(payload / 1e6 / (storeMs / 1000)),
  };
}
