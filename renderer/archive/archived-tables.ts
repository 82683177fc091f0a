// Which tables of the store an archive carries. Every table of caseTables() is archived, except the evidence bytes,
// which travel as the archive's evidence entries (one per file, exactly as imported), not as rows. The tables that
// are not case data are named here, so a test can fail when a new table is neither archived nor listed.
import type { Table } from 'dexie';
import { caseTables, type TokentrailDatabase } from '../db/schema';

/** The table of evidence bytes: written as the archive's evidence entries and rebuilt from them. */
export const EVIDENCE_BYTES_TABLE = 'evidenceBlobs';

/** Tables of the store that hold no case's rows: app settings and the profile's geolocation databases (a case
 * records the databases it used by hash, in its case record and the archive's manifest). */
export const NOT_CASE_DATA: readonly string[] = ['settings', 'geoDatabases', 'geoDatabaseFiles'];

/** The tables whose rows an archive of a case carries as NDJSON, in caseTables() order. */
export function archivedTables(database: TokentrailDatabase): Table<Record<string, unknown>, unknown>[] {
  return caseTables(database).filter((table) => table.name !== EVIDENCE_BYTES_TABLE) as unknown as Table<
    Record<string, unknown>,
    unknown
  >[];
}
