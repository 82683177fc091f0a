// The signature verdict of one token: what it is and why, the key that verified it, and whether that key was
// inside its validity window when the token says it was issued and at every use the evidence shows, with the
// key's recorded life (when it was activated, retired, revoked) and the key-rotation file and line it comes from.
import { useLiveQuery } from 'dexie-react-hooks';
import type { KeyHistoryEntry } from '../../core/timeline';
import { signingKeyOf, type KeyWindowAt } from '../../core/token';
import { caseEventCount } from '../cases/queries';
import type { TokenAnalysisDetail } from '../db/token-analysis-records';
import { useApp } from '../shell/app-context';
import { formatInstant } from '../shell/format-time';
import { plural } from '../shell/format';
import { SignatureVerdictBadge } from './AnalysisBadges';
import { recoveredSecret } from './evidence-facts';
import { keyHistorySource, keyLifeText, windowBadgeTitle } from './key-history';
import { AnnotationPanel } from '../annotations/AnnotationPanel';

const WINDOW_TEXT: Record<KeyWindowAt['status'], string> = {
  active: 'active',
  unknown: 'no lifecycle recorded',
  'not-yet-active': 'not yet active',
  retired: 'retired',
  revoked: 'revoked',
  'certificate-not-yet-valid': 'certificate not yet valid',
  'certificate-expired': 'certificate expired',
};

function WindowBadge({ window, title }: { readonly window: KeyWindowAt; readonly title?: string }) {
  const tone = window.status === 'active' ? 'badge-good' : window.status === 'unknown' ? 'badge-neutral' : 'badge-bad';
  return (
    <span className={`badge ${tone}`} data-testid="key-window-status" data-status={window.status} title={title}>
      {WINDOW_TEXT[window.status]}
      {window.compromised ? ' · compromised' : ''}
    </span>
  );
}

/** How many events the case holds: with none, a token's uses cannot be judged until logs are ingested. */
function useCaseEventCount(caseId: string): number | undefined {
  return useLiveQuery(() => caseEventCount(caseId), [caseId]);
}

function KeyWindows({
  analysis,
  history,
}: {
  readonly analysis: TokenAnalysisDetail;
  readonly history: KeyHistoryEntry | undefined;
}) {
  const { timeZone } = useApp();
  const windows = analysis.verdict.keyWindow;
  const events = useCaseEventCount(analysis.caseId);
  if (!windows) return null;
  // Thousands of uses are summarised: the ones outside the window are what matters.
  const outside = windows.atUses.filter((window) => window.status !== 'active' && window.status !== 'unknown');
  const shownUses = (outside.length > 0 ? outside : windows.atUses).slice(0, 5);
  const badge = (window: KeyWindowAt) => (
    <WindowBadge window={window} title={windowBadgeTitle(window.status, history, timeZone)} />
  );
  const source = history && keyHistorySource(history);
  return (
    <ul className="key-windows" data-testid="key-windows">
      {windows.atIssuedAt && (
        <li data-testid="key-window" data-at="iat">
          at iat <span className="mono">{formatInstant(windows.atIssuedAt.time, timeZone)}</span>:{' '}
          {badge(windows.atIssuedAt)}
        </li>
      )}
      {shownUses.map((window) => (
        <li key={window.time} data-testid="key-window" data-at="use">
          at use <span className="mono">{formatInstant(window.time, timeZone)}</span>: {badge(window)}
        </li>
      ))}
      {windows.atUses.length > shownUses.length && (
        <li className="muted">
          {plural(windows.atUses.length, 'use')} in all, {outside.length} outside the key's window
        </li>
      )}
      {windows.atUses.length === 0 && events !== undefined && (
        <li className="muted" data-testid="key-window-no-use">
          {events > 0
            ? "No use of this token in the case's events."
            : "No use of this token in the case's events (ingest logs to judge uses)."}
        </li>
      )}
      {history && (
        <li className="muted" data-testid="key-life">
          Key record
          {source && (
            <>
              {' '}
              in <span className="mono">{source}</span>
            </>
          )}
          : {keyLifeText(history, timeZone)}
        </li>
      )}
    </ul>
  );
}

/** The no-key verdict and the weak-secret finding, said together rather than left at odds. */
function RecoveredSecret({ analysis }: { readonly analysis: TokenAnalysisDetail }) {
  const recovered = recoveredSecret(analysis.verdict.status, [...analysis.findings, ...analysis.wordlistFindings]);
  if (!recovered) return null;
  return (
    <p className="danger-text small" data-testid="token-verdict-recovered">
      The signature verifies with the secret {recovered.secret}, recovered by guessing
      {recovered.source !== undefined ? ` (${recovered.source})` : ''}: no key of the case is needed to forge this
      token. See the weak-hmac-secret finding.
    </p>
  );
}

interface TokenVerdictProps {
  readonly analysis: TokenAnalysisDetail;
  /** The verifying key's key-rotation record, when the case has one. */
  readonly keyHistory?: KeyHistoryEntry;
}

export function TokenVerdict({ analysis, keyHistory }: TokenVerdictProps) {
  const { verdict } = analysis;
  // A refused token still names the key its signature matches: that proves who made it (core signingKeyOf).
  const signingKey = signingKeyOf(verdict);
  return (
    <section className="token-verdict" data-testid="token-verdict" data-verdict={verdict.status}>
      <p>
        <SignatureVerdictBadge status={verdict.status} testId="token-verdict-badge" />{' '}
        <span className="verdict-reason" data-testid="token-verdict-reason">
          {verdict.reason}
        </span>
      </p>
      {signingKey && (
        <dl className="meta">
          <div>
            <dt>{verdict.key ? 'Verified by' : 'Matches the bytes as written (refused)'}</dt>
            <dd className="mono" data-testid="token-verdict-key">
              {signingKey.kid !== undefined ? `kid "${signingKey.kid}"` : 'key without kid'}
            </dd>
          </div>
          <div>
            <dt>Thumbprint (RFC 7638)</dt>
            <dd className="mono small">{signingKey.thumbprint}</dd>
          </div>
          <div>
            <dt>From</dt>
            <dd className="small">{signingKey.source}</dd>
          </div>
        </dl>
      )}
      {verdict.rejections && verdict.rejections.length > 0 && (
        <ul
          className="small"
          data-testid="token-verdict-rejections"
          aria-label="Why a conforming verifier rejects this token"
        >
          {verdict.rejections.map((rejection, index) => (
            <li key={index} data-code={rejection.code}>
              {rejection.message}
            </li>
          ))}
        </ul>
      )}
      <RecoveredSecret analysis={analysis} />
      <KeyWindows analysis={analysis} history={keyHistory} />
      {signingKey && (
        // A key is annotated by its RFC 7638 thumbprint: a kid may be missing or shared between keys.
        <AnnotationPanel
          caseId={analysis.caseId}
          target={{ kind: 'key', id: signingKey.thumbprint }}
          title={signingKey.kid !== undefined ? `Annotation of key "${signingKey.kid}"` : 'Annotation of this key'}
        />
      )}
      {analysis.presentedTo && (
        <p className="small muted">
          First presented to <span className="mono">{analysis.presentedTo}</span>
        </p>
      )}
    </section>
  );
}
