// The Timeline tab: every event of the case in time order, narrowed by the histogram and the filters, with
// the opened event's detail beside the list. Reached from a token with the token as its filter.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { StoredEvent } from '../../db/event-records';
import type { CaseRecord } from '../../db/records';
import { db } from '../../db/schema';
import { isEmptyFilter, type TimelineFilter } from '../../db/timeline-filter';
import { caseExtent, type EventCursor } from '../../db/timeline-query';
import { plural } from '../format';
import { IngestPanel } from '../ingest/IngestPanel';
import { EventDetail } from './EventDetail';
import { Histogram } from './Histogram';
import { TimelineFilters } from './TimelineFilters';
import { TimelineList } from './TimelineList';
import { useTimeline } from './use-timeline';

interface TimelineTabProps {
  readonly caseRecord: CaseRecord;
  /** A token hash to show the events of (from the Tokens tab). */
  readonly focusToken?: string;
  /** An event to open in place, selected, among all the case's events (from a finding's evidence). */
  readonly focusEvent?: StoredEvent;
  readonly onOpenToken: (tokenHash: string) => void;
}

export function TimelineTab({ caseRecord, focusToken, focusEvent, onOpenToken }: TimelineTabProps) {
  const caseId = caseRecord.id;
  const [filter, setFilter] = useState<TimelineFilter>(() => (focusToken ? { facets: { token: focusToken } } : {}));
  const [anchor, setAnchor] = useState<EventCursor | undefined>(() => focusEvent && { ts: focusEvent.ts, seq: focusEvent.seq });
  const [selected, setSelected] = useState<number | undefined>(focusEvent?.seq);
  const [opened, setOpened] = useState<StoredEvent | undefined>(focusEvent);
  const eventCount = caseRecord.counts.events;
  // Re-read only when the first events arrive or the filter changes, not on every committed batch.
  const extent = useLiveQuery(() => caseExtent(db, caseId), [caseId, eventCount > 0]);
  const fileNames = useLiveQuery(async () => new Map((await db.evidenceFiles.where('caseId').equals(caseId).toArray()).map((file) => [file.id, file.path])), [caseId]);
  const data = useTimeline(caseId, filter, anchor, eventCount);

  const changeFilter = (next: TimelineFilter) => {
    setAnchor(undefined);
    setFilter(next);
  };
  const open = (row: StoredEvent) => {
    setSelected(row.seq);
    setOpened(row);
  };
  const select = (row: StoredEvent) => {
    setSelected(row.seq);
    if (opened) setOpened(row);
  };
  const showSurrounding = (row: StoredEvent, minutes: number) => {
    setFilter({ from: row.ts - minutes * 60_000, to: row.ts + minutes * 60_000 });
    setAnchor({ ts: row.ts, seq: row.seq });
    setSelected(row.seq);
  };
  const range = useMemo(() => extent && { from: filter.from ?? extent.first, to: filter.to ?? extent.last }, [extent, filter.from, filter.to]);

  return (
    <div className="stack" data-testid="timeline-tab">
      <IngestPanel caseRecord={caseRecord} />
      <section className="panel timeline-panel">
        <div className="panel-head">
          <h2>
            Timeline <span className="muted small" data-testid="timeline-count">{plural(eventCount, 'event')} in this case</span>
          </h2>
          <div className="inline-field">
            {filter.facets?.token && (
              <button type="button" data-testid="back-to-token" onClick={() => onOpenToken(filter.facets!.token!)}>
                ← Back to the token
              </button>
            )}
            {(filter.from !== undefined || filter.to !== undefined) && (
              <button type="button" data-testid="all-time" onClick={() => changeFilter({ ...filter, from: undefined, to: undefined })}>
                All time
              </button>
            )}
          </div>
        </div>
        {range && range.to > range.from && (
          <Histogram caseId={caseId} from={range.from} to={range.to} eventCount={eventCount} onSelect={(from, to) => changeFilter({ ...filter, from, to })} />
        )}
        <TimelineFilters key={JSON.stringify(filter)} caseId={caseId} filter={filter} fileNames={fileNames ?? new Map()} onChange={changeFilter} />
        {data.error && <p className="error" role="alert">{data.error}</p>}
        <p className="muted small" data-testid="timeline-status">
          {data.loading ? 'Loading…' : `${plural(data.window.rows.length, 'event')} loaded${isEmptyFilter(filter) ? '' : ' matching the filters'}${data.window.atEnd ? '' : '; scroll for more'}`}
          {data.stale && (
            <button type="button" className="link" data-testid="timeline-refresh" onClick={() => void data.reopen(anchor)}>
              {' '}New events were added: show them
            </button>
          )}
        </p>
        <div className={opened ? 'timeline-layout with-detail' : 'timeline-layout'}>
          <TimelineList data={data} selected={selected} onSelect={select} onOpen={open} />
          {opened && (
            <EventDetail row={opened} onClose={() => setOpened(undefined)} onSurrounding={showSurrounding} onOpenToken={onOpenToken} />
          )}
        </div>
      </section>
    </div>
  );
}
