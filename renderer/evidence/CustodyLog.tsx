// The case's custody record with the result of re-computing its hash chain and comparing its length and head with
// the anchor the case record keeps. A parameter change lists each
// parameter it changed (old → new) from the entry's hashed `parameterChanges`, not from its free-text detail.
import { checkCustodyChain, type CustodyAnchor, type CustodyChainCheck } from '../../core/evidence';
import { describeParameterChange } from '../../core/evidence';
import type { CustodyEntry } from '../../core/evidence';
import { useApp } from '../shell/app-context';
import { plural, safeText, shortHash } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { VerdictBadge } from '../shell/VerdictBadge';

function brokenChainMessage(chain: Extract<CustodyChainCheck, { intact: false }>): string {
  const recorded = chain.anchor
    ? `the case records ${plural(chain.anchor.length, 'entry', 'entries')} (head ${shortHash(chain.anchor.headHash, 12)}…)`
    : '';
  switch (chain.problem) {
    case 'altered':
      return `Chain broken at entry #${chain.brokenAt}: the record was altered after it was written`;
    case 'length':
      return `Chain broken: ${plural(chain.present, 'entry', 'entries')} present, ${recorded}`;
    case 'head':
      return `Chain broken: the last entry #${chain.brokenAt} is not the one the case recorded; ${recorded}`;
    case 'unanchored':
      return `Chain broken: ${plural(chain.present, 'entry', 'entries')} present, but the case records no anchor for its chain`;
  }
}

function ChainStatus({
  entries,
  anchor,
}: {
  readonly entries: readonly CustodyEntry[];
  readonly anchor: CustodyAnchor | undefined;
}) {
  const chain = checkCustodyChain(entries, anchor);
  const since = chain.anchor?.anchoredBy === 'upgrade' ? ' · anchored when the store was upgraded' : '';
  return chain.intact ? (
    <span
      className="chain chain-ok"
      data-testid="chain-status"
      data-intact="true"
      title={chain.anchor ? `head ${chain.anchor.headHash}` : undefined}
    >
      ✓ Chain intact · {plural(entries.length, 'entry', 'entries')}
      {since}
    </span>
  ) : (
    <span
      className="chain chain-broken"
      data-testid="chain-status"
      data-intact="false"
      data-problem={chain.problem}
      role="alert"
    >
      ✗ {brokenChainMessage(chain)}
    </span>
  );
}

function EntryDetail({ entry }: { readonly entry: CustodyEntry }) {
  if (entry.parameterChanges?.length) {
    return (
      <ul className="plain-list mono" data-testid="custody-parameter-changes">
        {entry.parameterChanges.map((change) => (
          <li key={`${change.detector}.${change.parameter}`} data-testid="custody-parameter-change">
            {describeParameterChange(change)}
          </li>
        ))}
      </ul>
    );
  }
  return <>{entry.detail ?? (entry.files.length ? `${entry.files.length} files` : '')}</>;
}

export function CustodyLog({
  entries,
  anchor,
}: {
  readonly entries: readonly CustodyEntry[];
  readonly anchor: CustodyAnchor | undefined;
}) {
  const { timeZone } = useApp();
  return (
    <section className="panel" data-testid="custody-log" aria-label="Custody log">
      <div className="panel-head">
        <h2>Custody log</h2>
        <ChainStatus entries={entries} anchor={anchor} />
      </div>
      <table className="table">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>Time</th>
            <th>Investigator</th>
            <th>Action</th>
            <th>Source</th>
            <th>Verdict</th>
            <th>Detail</th>
            <th>Hash</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} data-testid="custody-row" data-action={entry.action}>
              <td className="num">{entry.seq}</td>
              <td className="mono nowrap">{formatInstant(entry.at, timeZone)}</td>
              <td>{entry.investigator}</td>
              <td>{entry.action}</td>
              <td className="mono">{safeText(entry.source)}</td>
              <td>{entry.verdict ? <VerdictBadge verdict={entry.verdict} /> : '—'}</td>
              <td className="small detail">
                <EntryDetail entry={entry} />
              </td>
              <td className="mono" title={`hash ${entry.hash}\nprev ${entry.prevHash}\ntool ${entry.toolVersion}`}>
                {shortHash(entry.hash, 10)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
