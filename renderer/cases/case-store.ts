// Creating and deleting cases. Deleting removes every row of the case in ONE transaction, so a crash
// half-way leaves either the whole case or nothing.
import { Dexie } from 'dexie';
import { appendCustody } from '../evidence/custody-log';
import { newId } from '../db/ids';
import { EMPTY_COUNTS, type CaseRecord } from '../db/records';
import { deleteCaseAnalysis } from '../timeline-analysis/timeline-analysis-store';
import { caseTables, type TokentrailDatabase } from '../db/schema';

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
  };
  await database.transaction('rw', [database.cases, database.custody], async () => {
    await database.cases.add(record);
    await appendCustody(database, id, { at: now, investigator, action: 'case-created', source: title, files: [] });
  });
  return id;
}

/** Removes a case and every row that belongs to it. */
export async function deleteCase(database: TokentrailDatabase, caseId: string): Promise<void> {
  await database.transaction('rw', caseTables(database), async () => {
    await Promise.all([
      database.evidenceBlobs.where('caseId').equals(caseId).delete(),
      database.evidenceFiles.where('caseId').equals(caseId).delete(),
      database.custody.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).delete(),
      database.imports.where('caseId').equals(caseId).delete(),
      database.tokens.where('caseId').equals(caseId).delete(),
      database.tokenSightings.where('caseId').equals(caseId).delete(),
      database.tokenAnalyses.where('caseId').equals(caseId).delete(),
      database.tokenAnalysisDetails.where('caseId').equals(caseId).delete(),
      database.authEvents.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).delete(),
      database.ingests.where('caseId').equals(caseId).delete(),
      database.ingestProblems.where('caseId').equals(caseId).delete(),
      database.eventFacets
        .where('[caseId+facet+value]')
        .between([caseId, Dexie.minKey, Dexie.minKey], [caseId, Dexie.maxKey, Dexie.maxKey])
        .delete(),
      database.eventBuckets
        .where('[caseId+width+start]')
        .between([caseId, Dexie.minKey, Dexie.minKey], [caseId, Dexie.maxKey, Dexie.maxKey])
        .delete(),
      database.eventText
        .where('[caseId+start+firstSeq]')
        .between([caseId, Dexie.minKey, Dexie.minKey], [caseId, Dexie.maxKey, Dexie.maxKey])
        .delete(),
      database.eventTextFilters
        .where('[caseId+start+firstSeq]')
        .between([caseId, Dexie.minKey, Dexie.minKey], [caseId, Dexie.maxKey, Dexie.maxKey])
        .delete(),
      database.eventTextRowFilters
        .where('[caseId+start+firstSeq]')
        .between([caseId, Dexie.minKey, Dexie.minKey], [caseId, Dexie.maxKey, Dexie.maxKey])
        .delete(),
      database.findings.where('caseId').equals(caseId).delete(),
      database.annotationStates
        .where('[caseId+target]')
        .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
        .delete(),
      database.annotationRevisions
        .where('[caseId+target+rev]')
        .between([caseId, Dexie.minKey, Dexie.minKey], [caseId, Dexie.maxKey, Dexie.maxKey])
        .delete(),
      database.caseTags.where('[caseId+name]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).delete(),
      deleteCaseAnalysis(database, caseId),
    ]);
    await database.cases.delete(caseId);
  });
}
