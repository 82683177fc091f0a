// Appending to a case's hash-chained custody record. The previous entry is read inside the caller's
// transaction, so two appends can never fork the chain.
import { Dexie } from 'dexie';
import { createCustodyEntry, custodyAnchorOf, headMatchesAnchor } from '../../core/evidence';
import type { CustodyEntry } from '../../core/evidence';
import { TOOL_VERSION } from '../../core';
import type { CaseRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';

export type CustodyFields = Omit<CustodyEntry, 'seq' | 'prevHash' | 'hash' | 'caseId' | 'toolVersion'>;

/** The last entry of a case's chain, or undefined for a case without one. */
export function lastCustodyEntry(database: TokentrailDatabase, caseId: string): Promise<CustodyEntry | undefined> {
  return database.custody.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).last();
}

/** A case's whole custody chain in order. */
export function custodyChain(database: TokentrailDatabase, caseId: string): Promise<CustodyEntry[]> {
  return database.custody.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
}

/**
 * Appends one entry, bumps the case's counter and moves the case's custody anchor to the new head in the same
 * transaction, so the stored chain and its anchor can only change together through this function. Refuses to append
 * to a chain that no longer ends where the anchor says. Must run inside a rw transaction that includes
 * custody and cases (it opens one itself otherwise).
 */
export function appendCustody(
  database: TokentrailDatabase,
  caseId: string,
  fields: CustodyFields,
): Promise<CustodyEntry> {
  return database.transaction('rw', [database.custody, database.cases], async () => {
    const previous = await lastCustodyEntry(database, caseId);
    const anchor = (await database.cases.get(caseId))?.custodyAnchor;
    if (!headMatchesAnchor(previous, anchor)) {
      // Appending would re-anchor the case on a damaged chain and hide the damage: refuse, and say why.
      throw new Error(
        `the custody chain of this case ends at entry ${previous ? `#${previous.seq}` : '(none)'} but the case records ` +
          `${anchor ? `${anchor.length} entries` : 'no anchor'}; nothing more is recorded until the chain is examined (Evidence tab)`,
      );
    }
    const entry = createCustodyEntry(previous, { ...fields, caseId, toolVersion: TOOL_VERSION });
    await database.custody.add(entry);
    await database.cases.update(caseId, (record: CaseRecord) => {
      Object.assign(record, {
        updatedAt: fields.at,
        counts: { ...record.counts, custodyEntries: record.counts.custodyEntries + 1 },
        custodyAnchor: custodyAnchorOf(entry),
      });
    });
    return entry;
  });
}
