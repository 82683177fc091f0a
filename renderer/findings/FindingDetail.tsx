// One finding opened: what happened (message), why it matters (explanation), the events that prove it — time in
// the chosen zone, file:line and the file's SHA-256, each opening the event in the timeline — the tokens (to the
// Tokens tab and their lifecycle), the key-history records it rests on, and where it leads on the map. Under a
// timeline filter, the evidence events the filter drops are dimmed and say so: the finding rests on all of them.
import { useHiddenViews } from '../exercise/hidden-views';
import { HelpLink } from '../help/HelpLink';
import type { FindingEventRef, KeyHistoryEntry } from '../../core/timeline';
import type { StoredFinding } from '../db/case-analysis-records';
import { apiProfileOf, detailLabel, isPlaceFinding, mapFocus, mapScopeOf, refreshChainOf } from './finding-links';
import { evidenceKept } from './findings-in-filter';
import { useApp } from '../shell/app-context';
import { location, plural, shortHash } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { eventFocus, type CaseTab } from '../shell/route';
import { SeverityBadge } from '../tokens/AnalysisBadges';
import { AnnotationPanel } from '../annotations/AnnotationPanel';
import { ZonedProse } from '../shell/ZonedProse';

interface FindingDetailProps {
  readonly finding: StoredFinding;
  /** seq → kept by the timeline filter; undefined when no filter is set. */
  readonly eventsKept?: ReadonlyMap<number, boolean>;
  readonly onNavigate: (tab: CaseTab, focus?: string) => void;
}

function EventRow({ event, outside, onOpen }: { event: FindingEventRef; outside: boolean; onOpen?: () => void }) {
  const { timeZone } = useApp();
  const where = location(
    event.source.file,
    event.source.line ?? (event.source.index !== undefined ? event.source.index + 1 : undefined),
  );
  return (
    <tr
      data-testid="finding-event"
      data-event-id={event.id ?? ''}
      data-role={event.role}
      data-in-filter={!outside}
      className={outside ? 'outside-filter' : undefined}
    >
      <td className="mono nowrap">
        {event.ts === null ? 'no time' : formatInstant(event.ts, timeZone)}
        {outside && <div className="small muted">outside the timeline filters</div>}
      </td>
      <td>
        <span className={`kind kind-${event.kind}`}>{event.kind}</span>
      </td>
      <td>
        {event.role}
        {/* A record that names the token only by a digest or jti: say how it was tied to the token. */}
        {event.linkedBy && (
          <div className="small muted" data-testid="finding-event-linked-by">
            {event.linkedBy}
          </div>
        )}
      </td>
      <td className="mono" title={`file sha256 ${event.source.sha256}`}>
        {onOpen ? (
          <button
            type="button"
            className="link mono"
            data-testid="finding-event-open"
            onClick={onOpen}
            title="Open this event in the timeline"
          >
            {where}
          </button>
        ) : (
          where
        )}
      </td>
      <td className="mono muted" title={event.source.sha256}>
        {shortHash(event.source.sha256)}
      </td>
    </tr>
  );
}

/** " · activated … · retired …": the key's recorded life in the chosen zone. */
function keyDates(key: KeyHistoryEntry, timeZone: string): string {
  const dates: [string, number | undefined][] = [
    ['activated', key.activated],
    ['retired', key.retired],
    ['revoked', key.revoked],
  ];
  return dates
    .filter(([, at]) => at !== undefined)
    .map(([label, at]) => ` · ${label} ${formatInstant(at!, timeZone)}`)
    .join('');
}

export function FindingDetail({ finding, eventsKept, onNavigate }: FindingDetailProps) {
  const { timeZone } = useApp();
  const hidden = useHiddenViews();
  const scope = mapScopeOf(finding);
  const refreshChain = refreshChainOf(finding);
  const apiProfile = apiProfileOf(finding);
  const details = Object.entries(finding.detail).filter(([, value]) => value !== null && value !== '');
  return (
    <section
      className="panel finding-detail"
      data-testid="finding-detail"
      data-finding-id={finding.id}
      aria-label="Finding detail"
    >
      <div className="panel-head">
        <h2>
          <SeverityBadge severity={finding.severity} /> {finding.title}{' '}
          <code className="finding-id muted">{finding.id}</code>
        </h2>
        {scope && !hidden.map && (
          <button
            type="button"
            className={isPlaceFinding(finding) ? 'primary' : ''}
            data-testid="finding-open-map"
            onClick={() => onNavigate('map', mapFocus(scope))}
          >
            Show on the map →
          </button>
        )}
        {apiProfile && (
          <button type="button" data-testid="finding-open-api" onClick={() => onNavigate('apis', apiProfile)}>
            API profile →
          </button>
        )}
      </div>
      <p data-testid="finding-message">
        <ZonedProse text={finding.message} />
      </p>
      <AnnotationPanel caseId={finding.caseId} target={{ kind: 'finding', id: finding.key }} />
      <div className="explanation" data-testid="finding-explanation">
        <h3>What it means</h3>
        <p>
          <ZonedProse text={finding.explanation} />
        </p>
      </div>
      <h3>
        Evidence (
        {finding.eventCount === finding.events.length
          ? plural(finding.events.length, 'event')
          : `${finding.events.length} of ${plural(finding.eventCount, 'event')}`}
        )
      </h3>
      <table className="table" data-testid="finding-events">
        <thead>
          <tr>
            <th>Time ({timeZone})</th>
            <th>Kind</th>
            <th>Role</th>
            <th>Where</th>
            <th>File SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {finding.events.map((event, index) => (
            <EventRow
              key={`${event.id ?? index}-${event.role}`}
              event={event}
              outside={eventsKept !== undefined && !evidenceKept(event, eventsKept)}
              onOpen={
                typeof event.id === 'number' ? () => onNavigate('timeline', eventFocus(event.id as number)) : undefined
              }
            />
          ))}
        </tbody>
      </table>
      {finding.keys && finding.keys.length > 0 && (
        <>
          <h3>Key history</h3>
          <ul className="plain-list" data-testid="finding-keys">
            {finding.keys.map((key) => (
              <li key={key.kid} className="mono small">
                "{key.kid}"{keyDates(key, timeZone)}
                {key.compromised ? ' · compromised' : ''}
                {key.source && (
                  <span className="muted">
                    {' '}
                    · {location(key.source.file, key.source.line)} · sha256 {shortHash(key.source.sha256)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {finding.tokenHashes.length > 0 && (
        <>
          <h3>Tokens</h3>
          <ul className="plain-list token-links">
            {finding.tokenHashes.map((hash) => (
              <li key={hash}>
                <button
                  type="button"
                  className="link mono"
                  data-testid="finding-token"
                  title={`sha256 ${hash}`}
                  onClick={() => onNavigate('tokens', hash)}
                >
                  {shortHash(hash, 16)}
                </button>{' '}
                <button
                  type="button"
                  className="link small"
                  data-testid="finding-token-lifecycle"
                  onClick={() => onNavigate('lifecycle', hash)}
                >
                  lifecycle
                </button>{' '}
                {!hidden.map && (
                  <button
                    type="button"
                    className="link small"
                    data-testid="finding-token-map"
                    onClick={() => onNavigate('map', mapFocus({ facet: 'token', value: hash }))}
                  >
                    map
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {refreshChain && (
        <>
          <h3>Refresh chain</h3>
          <p className="small">
            Refresh token {String(finding.detail.refreshTokenId)}, named by the identity provider (no token captured):{' '}
            <button
              type="button"
              className="link small"
              data-testid="finding-refresh-lifecycle"
              onClick={() => onNavigate('lifecycle', refreshChain)}
            >
              lifecycle
            </button>
          </p>
        </>
      )}
      {details.length > 0 && (
        <>
          <h3>Details</h3>
          <dl className="meta compact" data-testid="finding-facts">
            {details.map(([name, value]) => (
              <div key={name}>
                <dt>{detailLabel(name)}</dt>
                <dd className="mono">{String(value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p className="muted small">
        {finding.references.length > 0 && <>References: {finding.references.join(' · ')} · </>}
        <HelpLink id={finding.id} />
      </p>
    </section>
  );
}
