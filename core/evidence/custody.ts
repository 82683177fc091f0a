import { canonicalJson } from '../util/canonical-json';
import { sha256HexOfText } from './sha256';
import type { BundleReport, CustodyEntry } from './types';

/** `prevHash` of the first entry in a chain. */
export const CHAIN_START = '0'.repeat(64);

/** The fields a caller supplies; position and hashes are derived. */
export type CustodyFields = Omit<CustodyEntry, 'seq' | 'prevHash' | 'hash'>;

function hashOf(entry: Omit<CustodyEntry, 'hash'>): string {
  return sha256HexOfText(canonicalJson(entry));
}

/**
 * Append to a case's custody record. Each entry embeds the previous entry's hash, so deleting, reordering or
 * editing any entry breaks every hash after it ({@link verifyCustodyChain} finds where).
 */
export function createCustodyEntry(previous: CustodyEntry | undefined, fields: CustodyFields): CustodyEntry {
  const unsigned = { ...fields, seq: previous ? previous.seq + 1 : 0, prevHash: previous ? previous.hash : CHAIN_START };
  return { ...unsigned, hash: hashOf(unsigned) };
}

/** Re-compute the chain; `brokenAt` is the seq of the first entry that does not fit. */
export function verifyCustodyChain(entries: readonly CustodyEntry[]): { intact: boolean; brokenAt?: number } {
  let previous: CustodyEntry | undefined;
  for (const entry of entries) {
    const { hash, ...unsigned } = entry;
    const expectedPrev = previous ? previous.hash : CHAIN_START;
    const expectedSeq = previous ? previous.seq + 1 : 0;
    if (entry.prevHash !== expectedPrev || entry.seq !== expectedSeq || hashOf(unsigned) !== hash) return { intact: false, brokenAt: entry.seq };
    previous = entry;
  }
  return { intact: true };
}

/** The per-file lines of a custody entry for an import: path, size, SHA-256 and verdict of each file. */
export function custodyFilesFromReport(report: BundleReport): CustodyEntry['files'] {
  return report.files.map((file) => ({
    path: file.path,
    size: file.actual?.size ?? file.declared?.size ?? 0,
    sha256: file.actual?.sha256 ?? file.declared?.sha256 ?? '',
    verdict: file.verdict,
  }));
}
