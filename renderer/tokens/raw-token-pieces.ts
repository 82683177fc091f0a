// Splits a raw compact token into pieces for display: each piece knows the token part it belongs to (for
// colouring) and which findings point at it (for highlighting). Findings locate their bytes by a character range
// into the raw token; a finding that names only a part (header, signature…) highlights that whole part.
import type { FindingEvidence } from '../../core/token';

export type PieceKind =
  'header' | 'payload' | 'signature' | 'encrypted-key' | 'iv' | 'ciphertext' | 'tag' | 'separator';

export interface RawPiece {
  readonly text: string;
  readonly start: number;
  readonly kind: PieceKind;
  /** Indexes (into the findings given) of the findings whose range covers this piece. */
  readonly findings: readonly number[];
  /** True for an empty range (a stripped signature): no text, the piece marks where something is missing. */
  readonly insertion?: boolean;
  /** What an insertion stands for, for assistive technology and the tooltip ("signature missing here"). */
  readonly label?: string;
}

const JWS_PARTS: readonly PieceKind[] = ['header', 'payload', 'signature'];
const JWE_PARTS: readonly PieceKind[] = ['header', 'encrypted-key', 'iv', 'ciphertext', 'tag'];

interface Segment {
  readonly kind: PieceKind;
  readonly start: number;
  readonly end: number;
}

function segmentsOf(token: string): Segment[] {
  const texts = token.split('.');
  const names = texts.length === 5 ? JWE_PARTS : JWS_PARTS;
  const segments: Segment[] = [];
  let at = 0;
  texts.forEach((text, index) => {
    if (index > 0) segments.push({ kind: 'separator', start: at - 1, end: at });
    segments.push({ kind: names[index] ?? 'payload', start: at, end: at + text.length });
    at += text.length + 1;
  });
  return segments;
}

/** The characters a finding points at, or undefined when its evidence names no place in the token. */
export function findingRange(token: string, evidence: FindingEvidence): { start: number; end: number } | undefined {
  const { start, end } = evidence;
  if (start !== undefined && end !== undefined && start >= 0 && end > start && end <= token.length)
    return { start, end };
  if (evidence.part === undefined) return undefined;
  if (evidence.part === 'token') return { start: 0, end: token.length };
  const wanted: PieceKind = evidence.part === 'claims' ? 'payload' : evidence.part;
  const segment = segmentsOf(token).find((candidate) => candidate.kind === wanted);
  // An empty part (a stripped signature) is shown as the position where it should be.
  return segment ? { start: segment.start, end: Math.max(segment.end, segment.start) } : undefined;
}

const INSERTION_LABEL: Partial<Record<PieceKind, string>> = {
  'encrypted-key': 'encrypted key',
  iv: 'IV',
  tag: 'authentication tag',
};

/** The part an empty range belongs to, named by its evidence (claims are the payload). */
function insertionKind(evidence: FindingEvidence): PieceKind | undefined {
  const part = evidence.part === 'claims' ? 'payload' : evidence.part;
  return part !== undefined && part !== 'token' && [...JWS_PARTS, ...JWE_PARTS].includes(part as PieceKind)
    ? (part as PieceKind)
    : undefined;
}

/**
 * The token cut at every part boundary and every finding boundary. A finding whose range is empty (a stripped
 * signature, an empty payload) covers no character: it gets an insertion piece of its own, with no text, at that
 * position, so the place where the missing part should be is still marked; findings at one position share it.
 */
export function rawTokenPieces(token: string, evidence: readonly FindingEvidence[]): RawPiece[] {
  const ranges = evidence.map((item) => findingRange(token, item));
  const segments = segmentsOf(token);
  const cuts = new Set<number>([0, token.length]);
  for (const segment of segments) cuts.add(segment.start).add(segment.end);
  for (const range of ranges) if (range) cuts.add(range.start).add(range.end);
  const points = [...cuts].filter((cut) => cut >= 0 && cut <= token.length).sort((a, b) => a - b);
  const pieces: RawPiece[] = [];
  for (let index = 0; index < points.length; index++) {
    const start = points[index]!;
    const empty = ranges.flatMap((range, findingIndex) =>
      range && range.start === start && range.end === start ? [findingIndex] : [],
    );
    if (empty.length > 0) {
      const kind = empty
        .map((findingIndex) => insertionKind(evidence[findingIndex]!))
        .find((candidate) => candidate !== undefined);
      pieces.push({
        text: '',
        start,
        kind: kind ?? 'separator',
        findings: empty,
        insertion: true,
        label: `${kind ? (INSERTION_LABEL[kind] ?? kind) : 'part'} missing here`,
      });
    }
    const end = points[index + 1];
    if (end === undefined || end <= start) continue;
    const kind = segments.find((segment) => start >= segment.start && start < segment.end)?.kind ?? 'payload';
    const findings = ranges.flatMap((range, findingIndex) =>
      range && start >= range.start && end <= range.end ? [findingIndex] : [],
    );
    pieces.push({ text: token.slice(start, end), start, kind, findings });
  }
  return pieces;
}
