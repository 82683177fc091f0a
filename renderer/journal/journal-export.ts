// The journal as a file: JSON Lines, one custody entry per line in RFC 8785 canonical JSON — the exact form each
// entry's hash was computed over, so anyone can re-check the chain from the file alone (hash = SHA-256 of the line
// without its `hash` member). Exporting is itself journaled: an `export` entry with the SHA-256 of the bytes handed
// over, appended after the save succeeded.
import { canonicalJson } from '../../core';
import { sha256Hex, type CustodyEntry } from '../../core/evidence';
import type { CaseRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';
import { appendCustody, custodyChain } from '../evidence/custody-log';

/** The entries as JSON Lines, chain order, a newline after each line. */
export function journalJsonl(entries: readonly CustodyEntry[]): string {
  return entries.map((entry) => `${canonicalJson(entry)}\n`).join('');
}

/** A file name for a case's journal: its title made safe for every file system, and the day. */
export function journalFileName(caseRecord: Pick<CaseRecord, 'title' | 'id'>, at: number): string {
  const title =
    caseRecord.title
      .split(/[^\w.]+/)
      .filter(Boolean)
      .join('-') || caseRecord.id;
  return `${title.slice(0, 60)}-journal-${new Date(at).toISOString().slice(0, 10)}.jsonl`;
}

export interface JournalExport {
  readonly name: string;
  readonly entries: number;
  readonly sha256: string;
  readonly saved: boolean;
}

/**
 * Reads the whole chain, hands its JSON Lines to `save` (the host's save dialog or download), and when saved appends
 * the `export` entry naming the file, the count and the digest. A cancelled save dialog journals nothing.
 */
export async function exportJournal(
  database: TokentrailDatabase,
  caseId: string,
  investigator: string,
  save: (name: string, bytes: Uint8Array) => Promise<{ saved: boolean }>,
): Promise<JournalExport> {
  const [record, entries] = await Promise.all([database.cases.get(caseId), custodyChain(database, caseId)]);
  if (!record) throw new Error('This case no longer exists.');
  const at = Date.now();
  const bytes = new TextEncoder().encode(journalJsonl(entries));
  const sha256 = sha256Hex(bytes);
  const name = journalFileName(record, at);
  const { saved } = await save(name, bytes);
  if (saved) {
    await appendCustody(database, caseId, {
      at,
      investigator,
      action: 'export',
      source: name,
      files: [{ path: name, size: bytes.length, sha256, verdict: 'exported' }],
      detail: `journal: ${entries.length} entries (#0–#${entries.length - 1}) as JSON Lines`,
      digest: sha256,
    });
  }
  return { name, entries: entries.length, sha256, saved };
}
