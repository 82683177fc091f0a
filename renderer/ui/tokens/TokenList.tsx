// Every distinct token of the case, one row each; arrow keys move the selection.
import type { KeyboardEvent } from 'react';
import type { TokenRecord } from '../../db/records';
import { useApp } from '../app-context';
import { formatInstant } from '../format-time';

interface TokenListProps {
  readonly tokens: readonly TokenRecord[];
  readonly selected: string | undefined;
  readonly onSelect: (tokenHash: string) => void;
}

export function TokenList({ tokens, selected, onSelect }: TokenListProps) {
  const { timeZone } = useApp();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = tokens.findIndex((token) => token.tokenHash === selected);
    const next = tokens[Math.max(0, Math.min(tokens.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    onSelect(next.tokenHash);
    document.getElementById(`token-${next.tokenHash}`)?.focus();
  };
  return (
    <div className="table-scroll">
      <table className="table selectable" data-testid="token-list">
        <thead>
          <tr>
            <th>Form</th>
            <th>alg</th>
            <th>kid</th>
            <th>iss</th>
            <th>sub</th>
            <th>exp</th>
            <th className="num">Seen</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {tokens.map((token) => (
            <tr
              key={token.tokenHash}
              id={`token-${token.tokenHash}`}
              data-testid="token-row"
              data-token-hash={token.tokenHash}
              title={`token sha256 ${token.tokenHash}`}
              aria-selected={token.tokenHash === selected}
              tabIndex={token.tokenHash === selected || (!selected && token === tokens[0]) ? 0 : -1}
              onClick={() => onSelect(token.tokenHash)}
              onFocus={() => onSelect(token.tokenHash)}
            >
              <td>{token.form}</td>
              <td className={token.alg === 'none' ? 'danger-text mono' : 'mono'}>{token.alg ?? '—'}</td>
              <td className="mono ellipsis" title={token.kid}>{token.kid ?? '—'}</td>
              <td className="ellipsis" title={token.iss}>{token.iss ?? '—'}</td>
              <td className="ellipsis" title={token.sub}>{token.sub ?? '—'}</td>
              <td className="mono nowrap" data-testid="token-row-exp">{token.exp === undefined ? '—' : formatInstant(token.exp, timeZone)}</td>
              <td className="num">{token.sightingCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
