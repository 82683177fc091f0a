import { describe, expect, it } from 'vitest';
import { isTableName } from '../../../../core/archive';
import { archivedTables, EVIDENCE_BYTES_TABLE, NOT_CASE_DATA } from '../../../../renderer/archive/archived-tables';
import { caseAccess } from '../../../../renderer/archive/case-table-rows';
import { TokentrailDatabase } from '../../../../renderer/db/schema';

// The schema is read, never opened: Dexie knows every table's keys from the version declarations alone.
const database = new TokentrailDatabase('archive-tables-test');

describe('what a case archive carries', () => {
  it('every table of the store is archived, carried as evidence entries, or listed as not case data', () => {
    const archived = archivedTables(database).map((table) => table.name);
    const unaccounted = database.tables
      .map((table) => table.name)
      .filter((name) => !archived.includes(name) && name !== EVIDENCE_BYTES_TABLE && !NOT_CASE_DATA.includes(name));
    expect(unaccounted, 'add the table to caseTables() (case data) or to NOT_CASE_DATA').toEqual([]);
    expect(archived).toContain('custody');
    expect(archived).toContain('annotationRevisions');
    expect(archived).not.toContain(EVIDENCE_BYTES_TABLE);
    for (const name of NOT_CASE_DATA) expect(archived).not.toContain(name);
  });

  it("finds each archived table's rows of a case from its schema, under a name the format accepts", () => {
    for (const table of archivedTables(database)) {
      expect(() => caseAccess(table), table.name).not.toThrow();
      expect(isTableName(table.name), table.name).toBe(true);
    }
    expect(caseAccess(database.authEvents as never)).toEqual({ by: 'primary-key', parts: 2 });
    expect(caseAccess(database.caseAnalyses as never)).toEqual({ by: 'primary-key', parts: 1 });
    expect(caseAccess(database.evidenceFiles as never)).toEqual({ by: 'case-id-index' });
    expect(caseAccess(database.cases as never)).toEqual({ by: 'case-record' });
  });

  it('refuses a table that offers no way to find a case in it, rather than skipping it', () => {
    expect(() => caseAccess(database.settings as never)).toThrow(/neither a \[caseId\+…\] key nor a caseId index/);
  });
});
