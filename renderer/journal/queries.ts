// The journal feature's reads and writes of the window's store: views call these, never `db` itself.
import type { CustodyEntry } from '../../core/evidence';
import type { CaseRecord } from '../db/records';
import { db } from '../db/schema';
import { custodyChain } from '../evidence/custody-log';
import { exportJournal, type JournalExport } from './journal-export';

/** The case's whole journal (its custody chain, in order) and the anchor its case record keeps, read together. */
export function caseJournal(caseId: string): Promise<{ entries: CustodyEntry[]; caseRecord: CaseRecord | undefined }> {
  return db.transaction('r', [db.custody, db.cases], async () => ({
    entries: await custodyChain(db, caseId),
    caseRecord: await db.cases.get(caseId),
  }));
}

export function exportCaseJournal(
  caseId: string,
  investigator: string,
  save: (name: string, bytes: Uint8Array) => Promise<{ saved: boolean }>,
): Promise<JournalExport> {
  return exportJournal(db, caseId, investigator, save);
}
