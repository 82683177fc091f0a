// Every distinct token of the case, one row each, with its verdict, its kid and the key that verified it, its worst
// finding, subject and issuer, expiry, where it was first seen (file:line) and how often, and the investigator's
// marks (star, tags, note); arrow keys move the selection, s/t/n annotate it. Fits beside the detail at 1280 px.
import { memo, type KeyboardEvent } from 'react';
import type { TokenRow } from './token-filter';
import { useApp } from '../shell/app-context';
import { plural, safeText, shortHash } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { SeverityBadge, SignatureVerdictBadge } from './AnalysisBadges';
import { listTarget } from './list-keys';
import { AnnotationBadges } from '../annotations/AnnotationBadges';
import { requestAnnotationCommand } from '../annotations/annotation-focus';
import { annotationKeyCommand } from '../annotations/annotation-keys';

interface TokenListProps {
  readonly rows: readonly TokenRow[];
  readonly selected: string | undefined;
  readonly onSelect: (tokenHash: string) => void;
  /** An exercise hides the token checks: no verdict, verifying key or findings column. */
  readonly checksHidden?: boolean;
}

/**
 * The token's own `kid` (from its header), and the key that verified it when that is another one or the header
 * names none — so tokens signed alike can be told apart, and a relabelled kid shows.
 */
function KeyCell({ row }: { readonly row: TokenRow }) {
  const key = row.analysis?.key;
  const own = row.token.kid;
  const verifiedBy = key ? (key.kid ?? shortHash(key.thumbprint)) : undefined;
  if (own === undefined && !verifiedBy) return <td className="mono muted">—</td>;
  const title = [
    own !== undefined ? `kid in the header: ${own}` : 'no kid in the header',
    key
      ? `verified by ${key.kid !== undefined ? `kid ${key.kid}, ` : ''}thumbprint ${key.thumbprint}\n${key.source}`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <td className="mono ellipsis" data-testid="token-row-key" title={title}>
      {own ?? verifiedBy}
      {own !== undefined && verifiedBy !== undefined && verifiedBy !== own && (
        <span className="muted"> → {verifiedBy}</span>
      )}
      <AnnotationBadges state={row.keyAnnotation} />
    </td>
  );
}

/** "2026-11-18" over "09:59:58 UTC+00:00": the same text as everywhere, on two lines so the column stays narrow. */
function TwoLineInstant({ text }: { readonly text: string }) {
  const space = text.indexOf(' ');
  if (space < 0) return <>{text}</>;
  return (
    <>
      <span className="line">{text.slice(0, space)}</span> <span className="line">{text.slice(space + 1)}</span>
    </>
  );
}

/** Where the token was first seen: file and line. */
function PlaceCell({ row }: { readonly row: TokenRow }) {
  const place = row.token.firstSeen;
  if (!place) return <td className="mono muted">—</td>;
  // The file's own name over its line, like the other two-line cells: a long name is cut, the line number never is.
  // The folder is in the tooltip (the whole path, as the evidence has it).
  const name = place.path.slice(place.path.lastIndexOf('/') + 1);
  return (
    <td
      className="mono place-cell"
      data-testid="token-row-place"
      data-place={`${place.path}:${place.line}`}
      title={`first seen at ${place.path}:${place.line}`}
    >
      <span className="line">{safeText(name)}</span> <span className="line muted small">line {place.line}</span>
    </td>
  );
}

// Memoised: a case can hold thousands of rows, redrawn only when the rows or the selection change.
export const TokenList = memo(function TokenList({ rows, selected, onSelect, checksHidden }: TokenListProps) {
  const { timeZone } = useApp();
  const onKeyDown = (event: KeyboardEvent) => {
    const command = annotationKeyCommand(event);
    if (command && selected) {
      event.preventDefault();
      requestAnnotationCommand(`token:${selected}`, command);
      return;
    }
    const index = rows.findIndex((row) => row.token.tokenHash === selected);
    const target = listTarget(event.key, index, rows.length);
    if (target === undefined) return;
    event.preventDefault(); // the page itself must not scroll
    const next = rows[target];
    if (!next) return;
    onSelect(next.token.tokenHash);
    document.getElementById(`token-${next.token.tokenHash}`)?.focus();
  };
  return (
    <div className="table-scroll">
      <table className="table selectable token-list" data-testid="token-list">
        <thead>
          <tr>
            {!checksHidden && <th>Verdict</th>}
            <th>alg</th>
            {!checksHidden && <th>kid</th>}
            {!checksHidden && <th>Findings</th>}
            <th className="sub-cell">Subject / issuer</th>
            <th>exp</th>
            <th>First seen at</th>
            <th className="num">Seen</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((row) => {
            const { token, analysis } = row;
            return (
              <tr
                key={token.tokenHash}
                id={`token-${token.tokenHash}`}
                data-testid="token-row"
                data-token-hash={token.tokenHash}
                data-verdict={checksHidden ? undefined : (analysis?.status ?? 'pending')}
                title={`token sha256 ${token.tokenHash}${token.iss ? `\niss ${token.iss}` : ''}`}
                aria-selected={token.tokenHash === selected}
                tabIndex={token.tokenHash === selected || (!selected && row === rows[0]) ? 0 : -1}
                onClick={() => onSelect(token.tokenHash)}
                onFocus={() => onSelect(token.tokenHash)}
              >
                {!checksHidden && (
                  <td className="verdict-cell">
                    <SignatureVerdictBadge status={analysis?.status} testId="token-row-verdict" />
                  </td>
                )}
                <td className={token.alg?.toLowerCase() === 'none' ? 'danger-text mono' : 'mono'}>
                  {token.alg ?? '—'}
                </td>
                {!checksHidden && (
                  <>
                    <KeyCell row={row} />
                    <td data-testid="token-row-findings" data-count={analysis?.findingCount ?? 0}>
                      {analysis?.highestSeverity ? (
                        // The worst severity over the count, on two lines like the other cells: the subject keeps the width.
                        <span
                          title={`${plural(analysis.findingCount, 'finding')}, the worst ${analysis.highestSeverity}`}
                        >
                          <span className="line">
                            <SeverityBadge severity={analysis.highestSeverity} />
                          </span>{' '}
                          <span className="line muted small">{plural(analysis.findingCount, 'finding')}</span>
                        </span>
                      ) : (
                        <span className="muted">{analysis ? 'none' : '…'}</span>
                      )}
                    </td>
                  </>
                )}
                {/* The flexible column: it takes what the others leave and cuts a long subject short (whole in the tooltip). */}
                <td className="sub-cell" title={[token.sub, token.iss].filter(Boolean).join('\n') || undefined}>
                  <span className="line" data-testid="token-row-sub" title={token.sub}>
                    <AnnotationBadges state={row.annotation} />
                    {token.sub !== undefined ? safeText(token.sub) : '—'}
                  </span>
                  <span className="line muted small" data-testid="token-row-iss">
                    {token.iss !== undefined ? safeText(token.iss) : 'no iss'}
                  </span>
                </td>
                <td className="mono instant-cell" data-testid="token-row-exp">
                  {token.exp === undefined ? '—' : <TwoLineInstant text={formatInstant(token.exp, timeZone)} />}
                </td>
                <PlaceCell row={row} />
                <td className="num">{token.sightingCount}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
