// The Timeline tab: every event of the case in time order, narrowed by the histogram and the filters, with
// the opened event's detail beside the list. The filter is the case's shared one (case-filter.ts): what is set
// here narrows Findings, Lifecycle and Map too. Reached from a token with the token as its filter.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { StoredEvent } from '../db/event-records';
import type { CaseRecord } from '../db/records';
import { evidenceFileNames } from '../evidence/queries';
import { isEmptyFilter, type TimelineFilter } from './timeline-filter';
import { timelineExtent } from './queries';
import type { EventCursor } from './timeline-query';
import { timelineMatcher } from './timeline-match';
import { useCaseFilter } from '../cases/case-filter';
import { plural } from '../shell/format';
import { ExportButton } from '../export/ExportButton';
import { IngestPanel } from '../ingest/IngestPanel';
import { EventDetail } from './EventDetail';
import { Histogram } from './Histogram';
import { TimelineFilters } from './TimelineFilters';
import { TimelineList } from './TimelineList';
import { timelineStatus } from './timeline-status';
import { useTimeline } from './use-timeline';
import { BulkAnnotationBar } from '../annotations/BulkAnnotationBar';
import { timelineFilterText } from '../annotations/bulk-filter-text';
import type { BulkSelection } from '../annotations/bulk-annotation-targets';
import { useApp } from '../shell/app-context';
import { formatInstant } from '../shell/format-time';

interface TimelineTabProps {
  readonly caseRecord: CaseRecord;
  /** An event to open in place, selected, in the case's filtered timeline (from a finding's evidence). */
  readonly focusEvent?: StoredEvent;
  readonly onOpenToken: (tokenHash: string) => void;
}

export function TimelineTab({ caseRecord, focusEvent, onOpenToken }: TimelineTabProps) {
  const caseId = caseRecord.id;
  const { filter, setFilter, clear } = useCaseFilter();
  const [anchor, setAnchor] = useState<EventCursor | undefined>(
    () => focusEvent && { ts: focusEvent.ts, seq: focusEvent.seq },
  );
  const [selected, setSelected] = useState<number | undefined>(focusEvent?.seq);
  const [opened, setOpened] = useState<StoredEvent | undefined>(focusEvent);
  const eventCount = caseRecord.counts.events;
  // Re-read only when the first events arrive or the filter changes, not on every committed batch.
  const extent = useLiveQuery(() => timelineExtent(caseId), [caseId, eventCount > 0]);
  const fileNames = useLiveQuery(() => evidenceFileNames(caseId), [caseId]);
  const data = useTimeline(caseId, filter, anchor, eventCount);
  const { timeZone } = useApp();
  const bulkSelection = useMemo((): BulkSelection => ({ kind: 'event', filter }), [filter]);
  const bulkFilterText = useMemo(
    () =>
      timelineFilterText(filter, {
        time: (ts) => formatInstant(ts, timeZone),
        fileName: (fileId) => fileNames?.get(fileId),
      }),
    [filter, timeZone, fileNames],
  );

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
  // An event opened from a finding may be one the filter drops: it is shown, and the list says why it is not in it.
  const openedOutside = useMemo(() => opened !== undefined && !timelineMatcher(filter)(opened), [opened, filter]);
  const range = useMemo(
    () => extent && { from: filter.from ?? extent.first, to: filter.to ?? extent.last },
    [extent, filter.from, filter.to],
  );

  return (
    <div className="stack" data-testid="timeline-tab">
      <IngestPanel caseRecord={caseRecord} />
      <section className="panel timeline-panel">
        <div className="panel-head">
          <h2>
            Timeline{' '}
            <span className="muted small" data-testid="timeline-count">
              {plural(eventCount, 'event')} in this case
            </span>
          </h2>
          <div className="inline-field">
            <ExportButton
              testId="timeline-export"
              initialFormat="csv"
              scope={{ caseId, caseTitle: caseRecord.title, timelineFilter: filter }}
            />
            {filter.facets?.token && (
              <button type="button" data-testid="back-to-token" onClick={() => onOpenToken(filter.facets!.token!)}>
                ← Back to the token
              </button>
            )}
            {(filter.from !== undefined || filter.to !== undefined) && (
              <button
                type="button"
                data-testid="all-time"
                onClick={() => changeFilter({ ...filter, from: undefined, to: undefined })}
              >
                All time
              </button>
            )}
          </div>
        </div>
        {range && range.to > range.from && (
          <Histogram
            caseId={caseId}
            from={range.from}
            to={range.to}
            eventCount={eventCount}
            onSelect={(from, to) => changeFilter({ ...filter, from, to })}
          />
        )}
        <TimelineFilters caseId={caseId} filter={filter} fileNames={fileNames ?? new Map()} onChange={changeFilter} />
        <BulkAnnotationBar
          caseId={caseId}
          selection={bulkSelection}
          matchCount={isEmptyFilter(filter) ? eventCount : undefined}
          filterText={bulkFilterText}
        />
        {data.error && (
          <p className="error" role="alert">
            {data.error}
          </p>
        )}
        <p className="muted small" data-testid="timeline-status">
          {timelineStatus(data.window, data.loading, isEmptyFilter(filter))}
          {data.stale && (
            <button
              type="button"
              className="link"
              data-testid="timeline-refresh"
              onClick={() => void data.reopen(anchor)}
            >
              {' '}
              New events were added: show them
            </button>
          )}
        </p>
        {openedOutside && (
          <p className="filter-note narrowed" data-testid="timeline-opened-outside" role="status">
            <span>The opened event is outside the timeline filters, so the list does not show it.</span>
            <span className="filter-note-actions">
              <button
                type="button"
                data-testid="timeline-opened-clear"
                onClick={() => {
                  setAnchor({ ts: opened!.ts, seq: opened!.seq });
                  clear();
                }}
              >
                Clear filters
              </button>
            </span>
          </p>
        )}
        <div className={opened ? 'timeline-layout with-detail' : 'timeline-layout'}>
          <TimelineList data={data} selected={selected} onSelect={select} onOpen={open} />
          {opened && (
            <EventDetail
              row={opened}
              onClose={() => setOpened(undefined)}
              onSurrounding={showSurrounding}
              onOpenToken={onOpenToken}
            />
          )}
        </div>
      </section>
    </div>
  );
}
