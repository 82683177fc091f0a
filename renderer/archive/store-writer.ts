// Writes a verified archive's content into the store, batch by batch, under the archive's own case id. The case
// record is held back and written last, so the case list shows the case only when everything is in; a marker in
// settings says an import is under way, so rows left by a window closed mid-import are removed by the next one.
import type { Table } from 'dexie';
import type { ArchiveEvidence, ArchiveReader, ArchiveRow, ArchiveTable } from '../../core/archive';
import { withDerivedKeys } from '../db/derived-keys';
import type { TokentrailDatabase } from '../db/schema';
import { CASE_RECORD_TABLE } from './case-table-rows';
import { EVIDENCE_BYTES_TABLE } from './archived-tables';

/** Settings key prefix of the marker of an archive import under way. */
export const IMPORT_MARKER = 'archive-import:';

type Row = Record<string, unknown>;

/**
 * An {@link ArchiveReader} that stores rows as they come. Rows of a table whose primary key is auto-incremented
 * (token sightings, ingest problems) keep their key when the store does not use it yet — a fresh profile gets the
 * very rows — and are given a new one otherwise (no other case's row is ever overwritten: every write is an add).
 */
export class StoreWriter implements ArchiveReader {
  /** The case record, written by {@link StoreWriter.caseRecord}'s caller at the very end. */
  caseRecord: Row | undefined;

  constructor(
    private readonly database: TokentrailDatabase,
    private readonly caseId: string,
    /** Tables the archive carries that this store does not hold (a CLI archive's `cli…` tables). */
    private readonly skipped: ReadonlySet<string>,
  ) {}

  async evidence(file: ArchiveEvidence, chunks: AsyncIterable<Uint8Array>): Promise<void> {
    // The store keeps a file's bytes whole: one file is in memory at a time, never the archive.
    const bytes = new Uint8Array(file.size);
    let at = 0;
    for await (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    await this.database.table(EVIDENCE_BYTES_TABLE).add({ fileId: file.fileId, caseId: this.caseId, bytes });
  }

  async rows(table: ArchiveTable, batch: readonly ArchiveRow[]): Promise<void> {
    if (this.skipped.has(table.name)) return;
    if (table.name === CASE_RECORD_TABLE) {
      this.caseRecord = batch[0] as Row;
      return;
    }
    const target = this.database.table(table.name) as Table<Row, unknown>;
    const rows = (batch as readonly Row[]).map((row) => withDerivedKeys(table.name, row));
    await this.database.transaction('rw', target, async () => {
      await target.bulkAdd(await withFreeKeys(target, rows));
    });
  }
}

/** Rows of an auto-increment table lose the keys the store already uses (they are then given new ones). */
async function withFreeKeys(table: Table<Row, unknown>, rows: readonly Row[]): Promise<Row[]> {
  const primary = table.schema.primKey;
  if (!primary.auto || typeof primary.keyPath !== 'string') return [...rows];
  const keyPath = primary.keyPath;
  const keyed = rows.filter((row) => row[keyPath] !== undefined);
  const taken = await table.bulkGet(keyed.map((row) => row[keyPath]));
  const used = new Set(keyed.filter((_, index) => taken[index] !== undefined).map((row) => row[keyPath]));
  return rows.map((row) => {
    if (!used.has(row[keyPath])) return row;
    const { [keyPath]: _dropped, ...rest } = row;
    return rest;
  });
}
