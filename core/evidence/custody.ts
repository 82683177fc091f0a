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
  const unsigned = {
    ...fields,
    seq: previous ? previous.seq + 1 : 0,
    prevHash: previous ? previous.hash : CHAIN_START,
  };
  return { ...unsigned, hash: hashOf(unsigned) };
}

/** Re-compute the chain; `brokenAt` is the seq of the first entry that does not fit. */
export function verifyCustodyChain(entries: readonly CustodyEntry[]): { intact: boolean; brokenAt?: number } {
  let previous: CustodyEntry | undefined;
  for (const entry of entries) {
    const { hash, ...unsigned } = entry;
    const expectedPrev = previous ? previous.hash : CHAIN_START;
    const expectedSeq = previous ? previous.seq + 1 : 0;
    if (entry.prevHash !== expectedPrev || entry.seq !== expectedSeq || hashOf(unsigned) !== hash)
      return { intact: false, brokenAt: entry.seq };
    previous = entry;
  }
  return { intact: true };
}

/**
 * What the case record keeps about its custody chain, written in the same transaction as every append: how long the
 * chain is and the hash of its last entry. The chain alone cannot show that its tail was cut off (what is left still
 * links up), nor that its last entry was rewritten and re-hashed; the anchor can.
 */
export interface CustodyAnchor {
  /** Number of entries in the chain. */
  readonly length: number;
  /** `hash` of the last entry, or {@link CHAIN_START} for an empty chain. */
  readonly headHash: string;
  /**
   * `'append'` when written with the entry it anchors; `'upgrade'` when a store that predates anchoring anchored the
   * chain as it found it (a truncation made before that moment cannot be detected).
   */
  readonly anchoredBy: 'append' | 'upgrade';
}

/** The anchor of a chain that ends with `head` (or is empty). */
export function custodyAnchorOf(
  head: CustodyEntry | undefined,
  anchoredBy: CustodyAnchor['anchoredBy'] = 'append',
): CustodyAnchor {
  return { length: head ? head.seq + 1 : 0, headHash: head ? head.hash : CHAIN_START, anchoredBy };
}

/**
 * Whether the chain's current last entry is the one the anchor records: checked before every append, so an append
 * to a truncated or re-headed chain cannot move the anchor onto it and hide the damage. A chain with neither entries
 * nor anchor (a case being created) matches.
 */
export function headMatchesAnchor(head: CustodyEntry | undefined, anchor: CustodyAnchor | undefined): boolean {
  if (!anchor) return head === undefined;
  const found = custodyAnchorOf(head);
  return found.length === anchor.length && found.headHash === anchor.headHash;
}

/** The verdict on a stored chain compared with its anchor; `problem` says what is wrong, in stable terms. */
export type CustodyChainCheck =
  | { readonly intact: true; readonly present: number; readonly anchor?: CustodyAnchor }
  | {
      readonly intact: false;
      readonly present: number;
      readonly anchor?: CustodyAnchor;
      /**
       * `altered`: an entry does not link to the one before (edited, removed from the middle, reordered) — `brokenAt`
       * is its seq. `length`: fewer (or more) entries than the anchor records — a truncated tail. `head`: as many
       * entries as recorded but the last one is not the one anchored — a rewritten, re-hashed head. `unanchored`: a
       * chain with entries but no anchor, which a store that anchors at every append never holds — the anchor was
       * removed.
       */
      readonly problem: 'altered' | 'length' | 'head' | 'unanchored';
      readonly brokenAt?: number;
    };

/**
 * Checks a case's chain both ways: every entry links to the one before ({@link verifyCustodyChain}), and the chain
 * ends where the case's anchor says it does. Only an empty chain may come without an anchor.
 */
export function checkCustodyChain(
  entries: readonly CustodyEntry[],
  anchor: CustodyAnchor | undefined,
): CustodyChainCheck {
  const present = entries.length;
  const links = verifyCustodyChain(entries);
  if (!links.intact) return { intact: false, present, anchor, problem: 'altered', brokenAt: links.brokenAt };
  if (!anchor) return present === 0 ? { intact: true, present } : { intact: false, present, problem: 'unanchored' };
  if (present !== anchor.length) return { intact: false, present, anchor, problem: 'length' };
  const headHash = entries.at(-1)?.hash ?? CHAIN_START;
  if (headHash !== anchor.headHash) return { intact: false, present, anchor, problem: 'head', brokenAt: present - 1 };
  return { intact: true, present, anchor };
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
