// One token decoded: its claims at a glance, its times in the chosen zone, the decoded header and
// claims as JSON, the raw token, and every place it was seen.
import { useLiveQuery } from 'dexie-react-hooks';
import type { TokenRecord } from '../../db/records';
import { db } from '../../db/schema';
import { useApp } from '../app-context';
import { location, prettyJson } from '../format';
import { formatInstant } from '../format-time';

const TIME_CLAIMS = ['iat', 'nbf', 'exp'] as const;

function Sightings({ token }: { readonly token: TokenRecord }) {
  const sightings = useLiveQuery(
    () => db.tokenSightings.where('[caseId+tokenHash]').equals([token.caseId, token.tokenHash]).toArray(),
    [token.caseId, token.tokenHash],
  );
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
            <td className="mono" title={`file sha256 ${sighting.sha256}`}>{location(sighting.path, sighting.line, sighting.column)}</td>
            <td>{sighting.context}</td>
            <td className="mono">{sighting.field ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TokenDetail({ token }: { readonly token: TokenRecord }) {
  const { timeZone } = useApp();
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
      <h2>Token</h2>
      <p className="mono small muted token-hash" title="SHA-256 of the compact token, the token's identity in Tokentrail">
        sha256 {token.tokenHash}
      </p>
      <dl className="meta">
        {facts.filter(([, value]) => value !== undefined).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
        {TIME_CLAIMS.map((claim) =>
          token[claim] === undefined ? null : (
            <div key={claim}>
              <dt>{claim}</dt>
              <dd className="mono" data-testid="token-time" data-claim={claim} title={`${(token[claim] ?? 0) / 1000} (NumericDate)`}>
                {formatInstant(token[claim] ?? 0, timeZone)}
              </dd>
            </div>
          ),
        )}
      </dl>
      {token.problems.length > 0 && (
        <ul className="problems" data-testid="token-problems">
          {token.problems.map((problem) => <li key={problem}>{problem}</li>)}
        </ul>
      )}
      <div className="json-pair">
        <div>
          <h3>Header</h3>
          <pre className="json" data-testid="token-header-json">{prettyJson(token.header)}</pre>
        </div>
        <div>
          <h3>Claims</h3>
          <pre className="json" data-testid="token-claims-json">
            {token.claims ? prettyJson(token.claims) : (token.payloadText ?? (token.form === 'jwe' ? 'Encrypted (JWE): claims need the decryption key.' : 'Payload is not JSON.'))}
          </pre>
        </div>
      </div>
      <h3>Seen at</h3>
      <Sightings token={token} />
      <details>
        <summary>Raw token</summary>
        <pre className="raw-token" data-testid="token-compact">{token.compact}</pre>
      </details>
    </section>
  );
}
