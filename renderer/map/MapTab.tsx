// The Map tab: a token's, subject's or session's located events on the world map with the hops between them in
// time order, impossible hops in red. The scope comes from the route (a finding's or token's map link) or from the
// identity the timeline filter names; a subject's or session's events are those the detectors attribute to it, so
// the hops are the detector's. The case's timeline filter (edited here with the Timeline's own form) then dims the
// hops and places it drops, with a count; without a scope the map shows the filtered timeline's located events.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { CaseRecord } from '../db/records';
import { parseMapFocus } from '../findings/finding-links';
import { evidenceFileNames } from '../evidence/queries';
import { storedAnalysis } from '../timeline-analysis/queries';
import { MAX_POINTS } from './located-events';
import { buildHops, buildPlaces } from './map-hops';
import { mapScope } from './map-scope';
import { mapEvents } from './queries';
import { useApp } from '../shell/app-context';
import { useCaseFilter } from '../cases/case-filter';
import { plural } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { eventFocus, type CaseTab } from '../shell/route';
import { TimelineFilterNote } from '../timeline/TimelineFilterNote';
import { TimelineFilters } from '../timeline/TimelineFilters';
import { speedText, WorldMap } from './WorldMap';
import './map.css';
import { useNameOf } from '../subjects/subject-names-context';

interface MapTabProps {
  readonly caseRecord: CaseRecord;
  /** `token:<hash>`, `subject:<id>` or `session:<id>`. */
  readonly focus?: string;
  readonly onNavigate: (tab: CaseTab, focus?: string) => void;
}

const SCOPE_RULE = {
  token: 'the events that carry this token',
  subject:
    "its events as the detectors attribute them: the record's own subject, else the sub claim of the event's token",
  session:
    "its events as the detectors attribute them: the record's own session, else the sid claim of the event's token",
} as const;

export function MapTab({ caseRecord, focus, onNavigate }: MapTabProps) {
  const caseId = caseRecord.id;
  const { timeZone } = useApp();
  const nameOf = useNameOf();
  const { filter, setFilter } = useCaseFilter();
  const focusScope = useMemo(() => parseMapFocus(focus), [focus]);
  const scope = useMemo(() => mapScope(focusScope, filter), [focusScope, filter]);
  const located = useLiveQuery(() => mapEvents(caseId, scope, filter), [caseId, scope, filter]);
  const parameters = useLiveQuery(async () => (await storedAnalysis(caseId))?.parameters ?? null, [caseId]);
  const fileNames = useLiveQuery(() => evidenceFileNames(caseId), [caseId]);
  const points = useMemo(() => located?.points ?? [], [located]);
  const places = useMemo(() => buildPlaces(points, parameters ?? undefined), [points, parameters]);
  const hops = useMemo(() => (scope ? buildHops(points, parameters ?? undefined) : []), [points, parameters, scope]);
  const impossible = hops.filter((hop) => hop.impossible).length;
  const openEvent = (seq: number) => onNavigate('timeline', eventFocus(seq));

  return (
    <div className="stack" data-testid="map-tab">
      <section className="panel">
        <div className="panel-head">
          <h2>
            Map{' '}
            <span className="muted small" data-testid="map-summary">
              {located
                ? `${plural(points.length, 'located event')} at ${plural(places.length, 'place')}, ${plural(hops.length, 'hop')}${impossible ? `, ${impossible} impossible` : ''}${located.unlocated ? ` · ${located.unlocated} without a location` : ''}`
                : 'Loading…'}
            </span>
          </h2>
        </div>
        {scope ? (
          <p className="small" data-testid="map-scope" data-facet={scope.facet} data-value={scope.value}>
            Hops of {scope.facet}{' '}
            <span className="mono">{scope.facet === 'subject' ? nameOf(scope.value) : scope.value}</span>{' '}
            <span className="muted">— {SCOPE_RULE[scope.facet]}.</span>{' '}
            {focusScope && (
              <button type="button" className="link" data-testid="map-scope-clear" onClick={() => onNavigate('map')}>
                Map the timeline filters instead
              </button>
            )}
          </p>
        ) : (
          <p className="hint">Set a subject, token or session to draw the hops between its places in time order.</p>
        )}
        <TimelineFilters
          key={JSON.stringify(filter)}
          caseId={caseId}
          filter={filter}
          fileNames={fileNames ?? new Map()}
          onChange={setFilter}
        />
        {scope &&
          located &&
          (hops.length > 0 ? (
            <TimelineFilterNote
              caseId={caseId}
              matched={hops.filter((hop) => hop.matches).length}
              total={hops.length}
              noun="hop"
            />
          ) : (
            <TimelineFilterNote
              caseId={caseId}
              matched={points.filter((point) => point.matches).length}
              total={points.length}
              noun="located event"
            />
          ))}
        {located?.truncated && (
          <p className="hint">
            Only the first {MAX_POINTS.toLocaleString('en-US')} located events are drawn: narrow the filters (time
            range) to see the rest.
          </p>
        )}
        <WorldMap places={places} hops={hops} onOpenEvent={openEvent} />
        <p className="muted small">
          Map data: Natural Earth 1:110m (public domain), bundled. Locations come from the log or the offline
          geolocation database, as each event says.
        </p>
      </section>
      {hops.length > 0 && (
        <section className="panel">
          <h2>Hops in time order</h2>
          <table className="table" data-testid="map-hops">
            <thead>
              <tr>
                <th>#</th>
                <th>From</th>
                <th>To</th>
                <th>Time between</th>
                <th className="num">Distance</th>
                <th className="num">Speed</th>
              </tr>
            </thead>
            <tbody>
              {hops.map((hop, index) => (
                <tr
                  key={index}
                  className={`${hop.impossible ? 'hop-impossible' : ''}${hop.matches ? '' : ' outside-filter'}`}
                  data-testid="map-hop-row"
                  data-impossible={hop.impossible}
                  data-in-filter={hop.matches}
                >
                  <td>{index + 1}</td>
                  {[hop.from, hop.to].map((end) => (
                    <td key={end.seq}>
                      <button
                        type="button"
                        className="link mono"
                        onClick={() => openEvent(end.seq)}
                        title="Open the event in the timeline"
                      >
                        {formatInstant(end.ts, timeZone)}
                      </button>
                      <div className="muted small">
                        {end.ip ?? 'no IP'} · {[end.city, end.country].filter(Boolean).join(', ') || 'unknown place'} ·{' '}
                        {end.where}
                      </div>
                    </td>
                  ))}
                  <td className="mono">{Math.round(hop.ms / 60_000)} min</td>
                  <td className="num mono">{Math.round(hop.km).toLocaleString('en-US')} km</td>
                  <td className="num mono">
                    {speedText(hop.speedKmh)}
                    {hop.impossible ? ' — impossible' : ''}
                    {hop.matches ? '' : ' · outside the timeline filters'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
