// Renaming a case: the new title and its `case-renamed` journal entry are written in ONE transaction, so a title can
// never change without the journal saying who changed it, when, from what and to what.
import { changeDigest } from '../../core/annotations';
import type { CaseRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';
import { appendCustody } from '../evidence/custody-log';

/** Renames a case; a title equal to the current one journals nothing. Returns whether the title changed. */
export async function renameCase(
  database: TokentrailDatabase,
  caseId: string,
  title: string,
  investigator: string,
): Promise<boolean> {
  const to = title.trim();
  if (!to) throw new Error('A case needs a title.');
  return database.transaction('rw', [database.cases, database.custody], async () => {
    const record = await database.cases.get(caseId);
    if (!record) throw new Error('This case no longer exists.');
    const from = record.title;
    if (from === to) return false;
    const at = Date.now();
    await database.cases.update(caseId, (stored: CaseRecord) => void Object.assign(stored, { title: to }));
    await appendCustody(database, caseId, {
      at,
      investigator,
      action: 'case-renamed',
      source: to,
      files: [],
      detail: `renamed from "${from}" to "${to}"`,
      digest: changeDigest({ from, to }),
    });
    return true;
  });
}
