// Every distinct token of the case, one row each, with its verdict, the key that verified it and its worst
// finding, and the investigator's marks (star, tags, note); arrow keys move the selection, s/t/n annotate it.
import { memo, type KeyboardEvent } from 'react';
import type { TokenRow } from './token-filter';
import { useApp } from '../shell/app-context';
import { plural, shortHash } from '../shell/format';
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

function KeyCell({ row }: { readonly row: TokenRow }) {
  const key = row.analysis?.key;
  if (!key) return <td className="mono muted">—</td>;
  return (
    <td
      className="mono ellipsis"
      data-testid="token-row-key"
      title={`${key.kid !== undefined ? `kid ${key.kid}\n` : ''}thumbprint ${key.thumbprint}\n${key.source}`}
    >
      {key.kid ?? shortHash(key.thumbprint)}
      <AnnotationBadges state={row.keyAnnotation} />
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
            {!checksHidden && <th>Key</th>}
            {!checksHidden && <th>Findings</th>}
            <th className="sub-cell">sub</th>
            <th>exp</th>
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
                        <span
                          className="nowrap"
                          title={`${plural(analysis.findingCount, 'finding')}, the worst ${analysis.highestSeverity}`}
                        >
                          <SeverityBadge severity={analysis.highestSeverity} />{' '}
                          <span className="muted small">{plural(analysis.findingCount, 'finding')}</span>
                        </span>
                      ) : (
                        <span className="muted">{analysis ? 'none' : '…'}</span>
                      )}
                    </td>
                  </>
                )}
                {/* The flexible column: it takes what the others leave and cuts a long subject short (whole in the tooltip). */}
                <td className="sub-cell" data-testid="token-row-sub" title={token.sub}>
                  <AnnotationBadges state={row.annotation} />
                  {token.sub ?? '—'}
                </td>
                <td className="mono nowrap" data-testid="token-row-exp">
                  {token.exp === undefined ? '—' : formatInstant(token.exp, timeZone)}
                </td>
                <td className="num">{token.sightingCount}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
