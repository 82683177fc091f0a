// The case's custody record with the result of re-computing its hash chain and comparing its length and head with
// the anchor the case record keeps. A parameter change lists each
// parameter it changed (old → new) from the entry's hashed `parameterChanges`, not from its free-text detail.
import type { CustodyAnchor } from '../../core/evidence';
import { describeParameterChange } from '../../core/evidence';
import type { CustodyEntry } from '../../core/evidence';
import { useApp } from '../shell/app-context';
import { safeText, shortHash } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { VerdictBadge } from '../shell/VerdictBadge';
import { ChainStatus } from './ChainStatus';

/** What an entry says beyond its action: the parameters it changed, its detail, or how many files it names. */
export function EntryDetail({ entry }: { readonly entry: CustodyEntry }) {
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
