// Creating and deleting cases. Deleting removes every row of the case in ONE transaction, so a crash
// half-way leaves either the whole case or nothing.
import { Dexie, type Table } from 'dexie';
import { appendCustody } from '../evidence/custody-log';
import { newId } from '../db/ids';
import { EMPTY_COUNTS, type CaseRecord } from '../db/records';
import { deleteCaseAnalysis } from '../timeline-analysis/timeline-analysis-store';
import { caseTables, type TokentrailDatabase } from '../db/schema';
import { deleteCaseEvents } from '../db/event-store';

export interface NewCase {
  readonly title: string;
  readonly caseNumber?: string;
  readonly notes?: string;
}

/** Creates a case and opens its custody chain with a `case-created` entry. Returns the case id. */
export async function createCase(database: TokentrailDatabase, fields: NewCase, investigator: string): Promise<string> {
  const title = fields.title.trim();
  if (!title) throw new Error('A case needs a title.');
  const id = newId();
  const now = Date.now();
  const record: CaseRecord = {
    id,
    title,
    caseNumber: fields.caseNumber?.trim() || undefined,
    notes: fields.notes?.trim() || undefined,
    createdAt: now,
    updatedAt: now,
    counts: EMPTY_COUNTS,
    // Every new case stores its events in blocks (issue 19: docs/storage.md); cases created before keep their rows.
    eventLayout: 'blocks',
  };
  await database.transaction('rw', [database.cases, database.custody], async () => {
    await database.cases.add(record);
    await appendCustody(database, id, { at: now, investigator, action: 'case-created', source: title, files: [] });
  });
  return id;
}

/** The rows of `table` whose compound `index` ([caseId+…]) begins with the case's id, whatever follows it. */
function caseRows(table: Table, index: string, caseId: string) {
  const rest = index.split('+').length - 1;
  return table
    .where(index)
    .between(
      [caseId, ...Array<unknown>(rest).fill(Dexie.minKey)],
      [caseId, ...Array<unknown>(rest).fill(Dexie.maxKey)],
    );
}

/** Removes a case and every row that belongs to it. */
export async function deleteCase(database: TokentrailDatabase, caseId: string): Promise<void> {
  await database.transaction('rw', caseTables(database), async () => {
    await Promise.all([
      database.evidenceBlobs.where('caseId').equals(caseId).delete(),
      database.evidenceFiles.where('caseId').equals(caseId).delete(),
      caseRows(database.custody, '[caseId+seq]', caseId).delete(),
      database.imports.where('caseId').equals(caseId).delete(),
      database.tokens.where('caseId').equals(caseId).delete(),
      database.tokenSightings.where('caseId').equals(caseId).delete(),
      database.tokenAnalyses.where('caseId').equals(caseId).delete(),
      database.tokenAnalysisDetails.where('caseId').equals(caseId).delete(),
      deleteCaseEvents(database, caseId),
      database.ingests.where('caseId').equals(caseId).delete(),
      database.ingestProblems.where('caseId').equals(caseId).delete(),
      caseRows(database.eventFacets, '[caseId+facet+value]', caseId).delete(),
      caseRows(database.eventBuckets, '[caseId+width+start]', caseId).delete(),
      caseRows(database.eventText, '[caseId+start+firstSeq]', caseId).delete(),
      caseRows(database.eventTextFilters, '[caseId+start+firstSeq]', caseId).delete(),
      caseRows(database.eventTextRowFilters, '[caseId+start+firstSeq]', caseId).delete(),
      database.findings.where('caseId').equals(caseId).delete(),
      caseRows(database.annotationStates, '[caseId+target]', caseId).delete(),
      caseRows(database.annotationRevisions, '[caseId+target+rev]', caseId).delete(),
      caseRows(database.caseTags, '[caseId+name]', caseId).delete(),
      deleteCaseAnalysis(database, caseId),
    ]);
    await database.cases.delete(caseId);
  });
}
