// The cases feature's reads and writes of the window's store, in one place: views call these, never `db` itself.
import type { NewCase } from './case-store';
import { createCase, deleteCase } from './case-store';
import { renameCase } from './case-rename';
import type { CaseRecord } from '../db/records';
import { db } from '../db/schema';

/** Every case, the most recently changed first. */
export function casesByLastChange(): Promise<CaseRecord[]> {
  return db.cases.orderBy('updatedAt').reverse().toArray();
}

export function caseRecord(caseId: string): Promise<CaseRecord | undefined> {
  return db.cases.get(caseId);
}

/** How many events the case holds (kept on the case record, never counted). */
export async function caseEventCount(caseId: string): Promise<number> {
  return (await db.cases.get(caseId))?.counts.events ?? 0;
}

/** Creates a case and returns its id. */
export function startCase(fields: NewCase, investigator: string): Promise<string> {
  return createCase(db, fields, investigator);
}

export function removeCase(caseId: string): Promise<void> {
  return deleteCase(db, caseId);
}

/** Renames a case and journals it; false when the title is unchanged. */
export function retitleCase(caseId: string, title: string, investigator: string): Promise<boolean> {
  return renameCase(db, caseId, title, investigator);
}
