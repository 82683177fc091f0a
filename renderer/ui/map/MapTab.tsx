// The Map tab: a token's, subject's or session's located events on the world map with the hops between them in
// time order, impossible hops in red. Narrowed with the timeline's own filters (same model, same query), so the
// map shows the events the Timeline tab lists for the same filter. Reached from findings and tokens.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { CaseRecord } from '../../db/records';
import { db } from '../../db/schema';
import type { TimelineFilter } from '../../db/timeline-filter';
import { parseMapFocus } from '../../findings/finding-links';
import { loadLocatedEvents, MAX_POINTS } from '../../map/located-events';
import { buildHops, buildPlaces } from '../../map/map-hops';
import { useApp } from '../app-context';
import { plural } from '../format';
import { formatInstant } from '../format-time';
import { eventFocus, type CaseTab } from '../route';
import { TimelineFilters } from '../timeline/TimelineFilters';
import { speedText, WorldMap } from './WorldMap';
import './map.css';

interface MapTabProps {
  readonly caseRecord: CaseRecord;
  /** `token:<hash>`, `subject:<id>` or `session:<id>`. */
  readonly focus?: string;
  readonly onNavigate: (tab: CaseTab, focus?: string) => void;
}

/** Hops only mean something along one identity: a token, a subject or a session. */
const hasIdentity = (filter: TimelineFilter) => Boolean(filter.facets?.token || filter.facets?.subject || filter.facets?.session);

export function MapTab({ caseRecord, focus, onNavigate }: MapTabProps) {
  const caseId = caseRecord.id;
  const { timeZone } = useApp();
  const [filter, setFilter] = useState<TimelineFilter>(() => {
    const scope = parseMapFocus(focus);
    return scope ? { facets: { [scope.facet]: scope.value } } : {};
  });
  const located = useLiveQuery(() => loadLocatedEvents(db, caseId, filter), [caseId, filter]);
  const parameters = useLiveQuery(async () => (await db.caseAnalyses.get(caseId))?.parameters ?? null, [caseId]);
  const fileNames = useLiveQuery(async () => new Map((await db.evidenceFiles.where('caseId').equals(caseId).toArray()).map((file) => [file.id, file.path])), [caseId]);
  const points = useMemo(() => located?.points ?? [], [located]);
  const places = useMemo(() => buildPlaces(points, parameters ?? undefined), [points, parameters]);
  const hops = useMemo(() => (hasIdentity(filter) ? buildHops(points, parameters ?? undefined) : []), [points, parameters, filter]);
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
        <TimelineFilters key={JSON.stringify(filter)} caseId={caseId} filter={filter} fileNames={fileNames ?? new Map()} onChange={setFilter} />
        {!hasIdentity(filter) && <p className="hint">Set a subject, token or session to draw the hops between its places in time order.</p>}
        {located?.truncated && <p className="hint">Only the first {MAX_POINTS.toLocaleString('en-US')} located events are drawn: narrow the filters (time range) to see the rest.</p>}
        <WorldMap places={places} hops={hops} onOpenEvent={openEvent} />
        <p className="muted small">Map data: Natural Earth 1:110m (public domain), bundled. Locations come from the log or the offline geolocation database, as each event says.</p>
      </section>
      {hops.length > 0 && (
        <section className="panel">
          <h2>Hops in time order</h2>
          <table className="table" data-testid="map-hops">
            <thead>
              <tr><th>#</th><th>From</th><th>To</th><th>Time between</th><th className="num">Distance</th><th className="num">Speed</th></tr>
            </thead>
            <tbody>
              {hops.map((hop, index) => (
                <tr key={index} className={hop.impossible ? 'hop-impossible' : ''} data-testid="map-hop-row" data-impossible={hop.impossible}>
                  <td>{index + 1}</td>
                  {[hop.from, hop.to].map((end) => (
                    <td key={end.seq}>
                      <button type="button" className="link mono" onClick={() => openEvent(end.seq)} title="Open the event in the timeline">
                        {formatInstant(end.ts, timeZone)}
                      </button>
                      <div className="muted small">{end.ip ?? 'no IP'} · {[end.city, end.country].filter(Boolean).join(', ') || 'unknown place'} · {end.where}</div>
                    </td>
                  ))}
                  <td className="mono">{Math.round(hop.ms / 60_000)} min</td>
                  <td className="num mono">{Math.round(hop.km).toLocaleString('en-US')} km</td>
                  <td className="num mono">{speedText(hop.speedKmh)}{hop.impossible ? ' — impossible' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
