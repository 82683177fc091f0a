// The signature verdict of one token: what it is and why, the key that verified it, and whether that key was
// inside its validity window when the token says it was issued and at every use the evidence shows.
import type { KeyWindowAt } from '../../../core/token/keyring/lifecycle';
import type { TokenAnalysisDetail } from '../../db/token-analysis-records';
import { useApp } from '../app-context';
import { formatInstant } from '../format-time';
import { plural } from '../format';
import { SignatureVerdictBadge } from './AnalysisBadges';

const WINDOW_TEXT: Record<KeyWindowAt['status'], string> = {
  active: 'active',
  unknown: 'no lifecycle recorded',
  'not-yet-active': 'not yet active',
  retired: 'retired',
  revoked: 'revoked',
  'certificate-not-yet-valid': 'certificate not yet valid',
  'certificate-expired': 'certificate expired',
};

function WindowBadge({ window }: { readonly window: KeyWindowAt }) {
  const tone = window.status === 'active' ? 'badge-good' : window.status === 'unknown' ? 'badge-neutral' : 'badge-bad';
  return (
    <span className={`badge ${tone}`} data-testid="key-window-status" data-status={window.status}>
      {WINDOW_TEXT[window.status]}
      {window.compromised ? ' · compromised' : ''}
    </span>
  );
}

function KeyWindows({ analysis }: { readonly analysis: TokenAnalysisDetail }) {
  const { timeZone } = useApp();
  const windows = analysis.verdict.keyWindow;
  if (!windows) return null;
  // Thousands of uses are summarised: the ones outside the window are what matters.
  const outside = windows.atUses.filter((window) => window.status !== 'active' && window.status !== 'unknown');
  const shownUses = (outside.length > 0 ? outside : windows.atUses).slice(0, 5);
  return (
    <ul className="key-windows" data-testid="key-windows">
      {windows.atIssuedAt && (
        <li data-testid="key-window" data-at="iat">
          at iat <span className="mono">{formatInstant(windows.atIssuedAt.time, timeZone)}</span>: <WindowBadge window={windows.atIssuedAt} />
        </li>
      )}
      {shownUses.map((window) => (
        <li key={window.time} data-testid="key-window" data-at="use">
          at use <span className="mono">{formatInstant(window.time, timeZone)}</span>: <WindowBadge window={window} />
        </li>
      ))}
      {windows.atUses.length > shownUses.length && (
        <li className="muted">
          {plural(windows.atUses.length, 'use')} in all, {outside.length} outside the key's window
        </li>
      )}
      {windows.atUses.length === 0 && <li className="muted">No use of this token in the case's events (ingest logs to judge uses).</li>}
    </ul>
  );
}

export function TokenVerdict({ analysis }: { readonly analysis: TokenAnalysisDetail }) {
  const { verdict } = analysis;
  return (
    <section className="token-verdict" data-testid="token-verdict" data-verdict={verdict.status}>
      <p>
        <SignatureVerdictBadge status={verdict.status} testId="token-verdict-badge" /> <span data-testid="token-verdict-reason">{verdict.reason}</span>
      </p>
      {verdict.key && (
        <dl className="meta">
          <div>
            <dt>Verified by</dt>
            <dd className="mono" data-testid="token-verdict-key">{verdict.key.kid !== undefined ? `kid "${verdict.key.kid}"` : 'key without kid'}</dd>
          </div>
          <div>
            <dt>Thumbprint (RFC 7638)</dt>
            <dd className="mono small">{verdict.key.thumbprint}</dd>
          </div>
          <div>
            <dt>From</dt>
            <dd className="small">{verdict.key.source}</dd>
          </div>
        </dl>
      )}
      <KeyWindows analysis={analysis} />
      {analysis.presentedTo && <p className="small muted">First presented to <span className="mono">{analysis.presentedTo}</span></p>}
    </section>
  );
}
