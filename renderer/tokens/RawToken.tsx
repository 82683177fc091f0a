// The raw token as evidence, its parts tinted (header, payload, signature) and the characters the active finding
// points at marked; bytes other findings point at are underlined, so none goes unseen. A finding that points at
// an empty part (a stripped signature) marks the position where the part should be with an insertion caret.
import { useMemo } from 'react';
import type { Finding } from '../../core/token';
import { rawTokenPieces } from './raw-token-pieces';

interface RawTokenProps {
  readonly compact: string;
  readonly findings: readonly Finding[];
  readonly active: number | undefined;
}

export function RawToken({ compact, findings, active }: RawTokenProps) {
  const pieces = useMemo(
    () =>
      rawTokenPieces(
        compact,
        findings.map((finding) => finding.evidence),
      ),
    [compact, findings],
  );
  return (
    <pre className="raw-token" data-testid="token-compact" tabIndex={0}>
      {pieces.map((piece) => {
        const className = `part-${piece.kind}`;
        if (piece.findings.length === 0)
          return (
            <span key={piece.start} className={className}>
              {piece.text}
            </span>
          );
        const ids = [...new Set(piece.findings.map((index) => findings[index]!.id))];
        const tone = active !== undefined && piece.findings.includes(active) ? 'hl hl-active' : 'hl-other';
        if (piece.insertion) {
          // No text of its own (copying the token copies exactly the token); the caret is drawn by CSS.
          return (
            <mark
              key={`${piece.start}-insertion`}
              className={`${className} insertion ${tone}`}
              data-testid="raw-highlight"
              data-finding-ids={ids.join(' ')}
              data-insertion=""
              role="img"
              aria-label={piece.label}
              title={`${ids.join(', ')}: ${piece.label} (position ${piece.start})`}
            />
          );
        }
        return (
          <mark
            key={piece.start}
            className={`${className} ${tone}`}
            data-testid="raw-highlight"
            data-finding-ids={ids.join(' ')}
            title={ids.join(', ')}
          >
            {piece.text}
          </mark>
        );
      })}
    </pre>
  );
}
