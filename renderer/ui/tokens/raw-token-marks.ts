// The raw token's pieces as the Tokens view draws them: renderer/analysis/raw-token-pieces.ts cuts the token at
// every part and finding boundary, but an empty range (a stripped signature, an empty payload) covers no character
// and so yields no piece. Here each such position gets an insertion piece of its own, with no text, so the finding
// still marks the place where the missing part should be.
import type { FindingEvidence } from '../../../core/token/findings';
import { findingRange, rawTokenPieces, type PieceKind, type RawPiece } from '../../analysis/raw-token-pieces';

export interface RawMark extends RawPiece {
  /** True for an empty range: nothing is there, the mark shows where something is missing. */
  readonly insertion?: boolean;
  /** What an insertion stands for, for assistive technology and the tooltip ("signature missing here"). */
  readonly label?: string;
}

const PART_KINDS: ReadonlySet<string> = new Set<PieceKind>(['header', 'payload', 'signature', 'encrypted-key', 'iv', 'ciphertext', 'tag']);

function kindOf(evidence: FindingEvidence): PieceKind | undefined {
  const part = evidence.part === 'claims' ? 'payload' : evidence.part;
  return part !== undefined && PART_KINDS.has(part) ? (part as PieceKind) : undefined;
}

const LABEL: Partial<Record<PieceKind, string>> = { 'encrypted-key': 'encrypted key', iv: 'IV', tag: 'authentication tag' };

/** {@link rawTokenPieces}, plus one insertion piece at every position an empty finding range points at. */
export function rawTokenMarks(token: string, evidence: readonly FindingEvidence[]): RawMark[] {
  const pieces: RawMark[] = rawTokenPieces(token, evidence);
  const insertions = new Map<number, { findings: number[]; kind?: PieceKind }>();
  evidence.forEach((item, index) => {
    const range = findingRange(token, item);
    if (!range || range.end !== range.start) return;
    const entry = insertions.get(range.start) ?? { findings: [] };
    entry.findings.push(index);
    entry.kind ??= kindOf(item);
    insertions.set(range.start, entry);
  });
  if (insertions.size === 0) return pieces;
  const marks: RawMark[] = [];
  const pending = [...insertions.entries()].sort(([a], [b]) => a - b);
  const flushUpTo = (limit: number) => {
    while (pending.length > 0 && pending[0]![0] <= limit) {
      const [start, { findings, kind }] = pending.shift()!;
      marks.push({ text: '', start, kind: kind ?? 'separator', findings, insertion: true, label: `${kind ? (LABEL[kind] ?? kind) : 'part'} missing here` });
    }
  };
  for (const piece of pieces) {
    flushUpTo(piece.start);
    marks.push(piece);
  }
  flushUpTo(token.length);
  return marks;
}
