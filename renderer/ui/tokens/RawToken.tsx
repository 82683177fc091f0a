// The raw token as evidence, its parts tinted (header, payload, signature) and the characters the active finding
// points at marked; bytes other findings point at are underlined, so none goes unseen.
import { useMemo } from 'react';
import type { Finding } from '../../../core/token/findings';
import { rawTokenPieces } from '../../analysis/raw-token-pieces';

interface RawTokenProps {
  readonly compact: string;
  readonly findings: readonly Finding[];
  readonly active: number | undefined;
}

export function RawToken({ compact, findings, active }: RawTokenProps) {
  const pieces = useMemo(() => rawTokenPieces(compact, findings.map((finding) => finding.evidence)), [compact, findings]);
  return (
    <pre className="raw-token" data-testid="token-compact">
      {pieces.map((piece) => {
        const className = `part-${piece.kind}`;
        if (piece.findings.length === 0) return <span key={piece.start} className={className}>{piece.text}</span>;
        const ids = [...new Set(piece.findings.map((index) => findings[index]!.id))];
        return (
          <mark
            key={piece.start}
            className={`${className} ${active !== undefined && piece.findings.includes(active) ? 'hl hl-active' : 'hl-other'}`}
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
