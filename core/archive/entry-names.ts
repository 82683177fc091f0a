/** Names of the entries of a case archive: `evidence/000001`…, `tables/<table>.ndjson`. */

/** A table name the format accepts: a plain identifier, so its entry name is safe on every file system. */
export function isTableName(name: string): boolean {
  return /^[A-Za-z][\w-]{0,63}$/.test(name);
}

/** The entry holding a table's rows. */
export function tableEntryName(table: string): string {
  return `tables/${table}.ndjson`;
}

/** The entry holding the `index`-th evidence file (0-based), numbered from 1 with six digits. */
export function evidenceEntryName(index: number): string {
  return `evidence/${String(index + 1).padStart(6, '0')}`;
}
