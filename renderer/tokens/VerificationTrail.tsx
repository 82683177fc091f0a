// Every key the verifier considered for this token, and why each was or was not used.
import type { TrailEntry } from '../../core/token';
import { shortHash } from '../shell/format';

const OUTCOME_TONE: Record<TrailEntry['outcome'], string> = {
  verified: 'badge-good',
  mismatch: 'badge-bad',
  skipped: 'badge-neutral',
};

/**
 * `refused`: the token's verdict is not valid although a key matched (a conforming verifier rejects the token), so a
 * matching key is shown in a warning tone, not as a pass.
 */
export function VerificationTrail({
  trail,
  refused = false,
}: {
  readonly trail: readonly TrailEntry[];
  readonly refused?: boolean;
}) {
  if (trail.length === 0) {
    return (
      <p className="muted" data-testid="verification-trail-empty">
        No key was considered: the token is unsigned, not decodable, or uses an algorithm no key can verify.
      </p>
    );
  }
  return (
    <table className="table trail" data-testid="verification-trail">
      <thead>
        <tr>
          <th>Key</th>
          <th>Outcome</th>
          <th>Why</th>
        </tr>
      </thead>
      <tbody>
        {trail.map((entry, index) => (
          <tr key={index} data-testid="trail-entry" data-outcome={entry.outcome} data-kid={entry.key.kid ?? ''}>
            <td className="mono trail-key" title={`thumbprint ${entry.key.thumbprint}\n${entry.key.source}`}>
              {entry.key.kid !== undefined ? `"${entry.key.kid}"` : shortHash(entry.key.thumbprint)}
              <div className="muted small">{entry.key.source}</div>
            </td>
            <td>
              <span
                className={`badge ${refused && entry.outcome === 'verified' ? 'badge-warn' : OUTCOME_TONE[entry.outcome]}`}
              >
                {entry.outcome}
              </span>
            </td>
            <td className="small">{entry.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
