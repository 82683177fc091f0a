// One token: its signature verdict and findings, the raw token with the bytes each finding points at, its claims
// at a glance with times in the chosen zone, the decoded header and claims, the verification trail, and every
// place it was seen.
import { useHiddenViews } from '../exercise/hidden-views';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { signingKeyOf } from '../../core/token';
import { findingRange } from './raw-token-pieces';
import type { TokenRow } from './token-filter';
import { mapFocus } from '../findings/finding-links';
import type { TokenRecord } from '../db/records';
import { useApp } from '../shell/app-context';
import { location, prettyJson } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { claimsText } from './claims-text';
import { RawToken } from './RawToken';
import { tokenAnalysisDetail, tokenSightings } from './queries';
import { TokenFindings } from './TokenFindings';
import { TokenVerdict } from './TokenVerdict';
import { useKeyHistory } from './use-key-history';
import { VerificationTrail } from './VerificationTrail';
import { AnnotationPanel } from '../annotations/AnnotationPanel';

const TIME_CLAIMS = ['iat', 'nbf', 'exp'] as const;

function Sightings({ token }: { readonly token: TokenRecord }) {
  const sightings = useLiveQuery(() => tokenSightings(token.caseId, token.tokenHash), [token.caseId, token.tokenHash]);
  return (
    <table className="table" data-testid="token-sightings">
      <thead>
        <tr>
          <th>Where</th>
          <th>Context</th>
          <th>Field</th>
        </tr>
      </thead>
      <tbody>
        {(sightings ?? []).map((sighting) => (
          <tr key={sighting.id} data-testid="token-sighting">
            <td className="mono" title={`file sha256 ${sighting.sha256}`}>
              {location(sighting.path, sighting.line, sighting.column)}
            </td>
            <td>{sighting.context}</td>
            <td className="mono">{sighting.field ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface TokenDetailProps {
  readonly row: TokenRow;
  readonly onShowEvents?: (tokenHash: string) => void;
  readonly onOpenView?: (view: 'lifecycle' | 'map', focus: string) => void;
}

export function TokenDetail({ row, onShowEvents, onOpenView }: TokenDetailProps) {
  const { timeZone } = useApp();
  const { token } = row;
  // The details (trail, findings, key windows) of the one token shown; the list only holds summaries.
  const hidden = useHiddenViews();
  const stored = useLiveQuery(
    () => tokenAnalysisDetail(token.caseId, token.tokenHash),
    [token.caseId, token.tokenHash],
  );
  // An exercise hiding the token checks shows the token as decoded only: no verdict, trail, findings or marks.
  const analysis = hidden.tokenChecks ? undefined : stored;
  const findings = useMemo(() => (analysis ? [...analysis.findings, ...analysis.wordlistFindings] : []), [analysis]);
  // When and where the verifying key's life is recorded (key-rotation), for its window badges and findings.
  const keyHistory = useKeyHistory(
    token.caseId,
    analysis?.verdict.keyWindow ? signingKeyOf(analysis.verdict) : undefined,
  );
  // The raw token marks one finding's bytes at a time (several at once would cover the whole token): the one
  // under the pointer, else the one picked, else the most severe that points at bytes.
  const [hovered, setHovered] = useState<number>();
  const [picked, setPicked] = useState<number>();
  const firstLocated = findings.findIndex((finding) => findingRange(token.compact, finding.evidence) !== undefined);
  const active = hovered ?? picked ?? (firstLocated >= 0 ? firstLocated : undefined);
  const facts: [string, string | undefined][] = [
    ['form', token.form],
    ['alg', token.alg],
    ['kid', token.kid],
    ['iss', token.iss],
    ['sub', token.sub],
    ['aud', token.aud?.join(', ')],
    ['jti', token.jti],
  ];
  return (
    <section className="panel token-detail" data-testid="token-detail" aria-label="Token detail">
      <div className="panel-head">
        <h2>Token</h2>
        <div className="inline-field">
          {onOpenView && (
            <>
              <button
                type="button"
                data-testid="token-show-lifecycle"
                onClick={() => onOpenView('lifecycle', token.tokenHash)}
              >
                Lifecycle
              </button>
              {!hidden.map && (
                <button
                  type="button"
                  data-testid="token-show-map"
                  onClick={() => onOpenView('map', mapFocus({ facet: 'token', value: token.tokenHash }))}
                >
                  Map
                </button>
              )}
            </>
          )}
          {onShowEvents && (
            <button type="button" data-testid="token-show-events" onClick={() => onShowEvents(token.tokenHash)}>
              Its events in the timeline →
            </button>
          )}
        </div>
      </div>
      <p
        className="mono small muted token-hash"
        title="SHA-256 of the compact token, the token's identity in Tokentrail"
      >
        sha256 {token.tokenHash}
      </p>
      <AnnotationPanel caseId={token.caseId} target={{ kind: 'token', id: token.tokenHash }} />
      {analysis ? (
        <TokenVerdict analysis={analysis} keyHistory={keyHistory} />
      ) : (
        !row.analysis &&
        !hidden.tokenChecks && (
          <p className="muted" data-testid="token-verdict-pending">
            Not analysed yet.
          </p>
        )
      )}
      {analysis && (
        <>
          <h3>Findings ({findings.length})</h3>
          <TokenFindings
            findings={findings}
            active={active}
            onHover={setHovered}
            onPick={setPicked}
            keyHistory={keyHistory}
          />
        </>
      )}
      <h3>Raw token</h3>
      <RawToken compact={token.compact} findings={findings} active={active} />
      {analysis && (
        <>
          <h3>Verification trail</h3>
          <VerificationTrail trail={analysis.trail} refused={analysis.verdict.status !== 'valid'} />
        </>
      )}
      <h3>Decoded</h3>
      <dl className="meta token-facts">
        {facts
          .filter(([, value]) => value !== undefined)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className="mono">{value}</dd>
            </div>
          ))}
        {TIME_CLAIMS.map((claim) =>
          token[claim] === undefined ? null : (
            <div key={claim}>
              <dt>{claim}</dt>
              <dd
                className="mono"
                data-testid="token-time"
                data-claim={claim}
                title={`${(token[claim] ?? 0) / 1000} (NumericDate)`}
              >
                {formatInstant(token[claim] ?? 0, timeZone)}
              </dd>
            </div>
          ),
        )}
      </dl>
      {token.problems.length > 0 && (
        <ul className="problems" data-testid="token-problems">
          {token.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="json-pair">
        <div>
          <h3>Header</h3>
          <pre className="json" data-testid="token-header-json" tabIndex={0}>
            {prettyJson(token.header)}
          </pre>
        </div>
        <div>
          <h3>Claims</h3>
          <pre className="json" data-testid="token-claims-json" tabIndex={0}>
            {claimsText(token, findings, analysis?.decrypted)}
          </pre>
        </div>
      </div>
      <h3>Seen at</h3>
      <Sightings token={token} />
    </section>
  );
}
