// The event list: a virtual list over the loaded window (only the rows in view are in the DOM), extended a
// page at a time near either edge. Keyboard: arrows move the selection, PageUp/PageDown by a screen,
// Home/End jump to the first/last event, Enter opens the selected event; s, t and n open it and star it, go to its
// tags or to its note. The rows in view show the investigator's marks (star, tags, note).
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type UIEvent } from 'react';
import type { StoredEvent } from '../db/event-records';
import { UNTIMED_TS } from '../db/event-records';
import { useApp } from '../shell/app-context';
import { formatInstant } from '../shell/format-time';
import { eventSource, eventSummary } from './event-summary';
import type { TimelineData } from './use-timeline';
import { useNameOf } from '../subjects/subject-names-context';
import { shownSubject, type ShownSubject } from '../../core/timeline';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AnnotationState } from '../../core/annotations';
import { AnnotationBadges } from '../annotations/AnnotationBadges';
import { requestAnnotationCommand } from '../annotations/annotation-focus';
import { annotationKeyCommand } from '../annotations/annotation-keys';
import { itemAnnotations } from '../annotations/queries';

const ROW_HEIGHT = 28;
/** Rows from an edge at which the next page is loaded. */
const EDGE_ROWS = 15;
const OVERSCAN = 10;

interface TimelineListProps {
  readonly data: TimelineData;
  readonly selected: number | undefined;
  readonly onSelect: (row: StoredEvent) => void;
  readonly onOpen: (row: StoredEvent) => void;
}

/** The record's subject, or its token's `sub` marked as from the token (the record names none). */
function SubjectCell({ subject, nameOf }: { subject: ShownSubject | undefined; nameOf: (subject: string) => string }) {
  if (!subject) return <span className="ellipsis-cell">—</span>;
  const fromToken = subject.origin === 'token-claim';
  return (
    <span
      className="ellipsis-cell"
      data-testid="timeline-row-subject"
      data-origin={subject.origin}
      title={
        fromToken
          ? `${subject.subject} — from the sub claim of the event's token; the record names no subject`
          : subject.subject
      }
    >
      {fromToken && <span className="claim-mark">token: </span>}
      {nameOf(subject.subject)}
    </span>
  );
}

function Row({
  row,
  selected,
  top,
  annotation,
  onClick,
}: {
  row: StoredEvent;
  selected: boolean;
  top: number;
  annotation: AnnotationState | undefined;
  onClick: () => void;
}) {
  const { timeZone } = useApp();
  const nameOf = useNameOf();
  const { event } = row;
  return (
    <div
      className="timeline-row"
      role="option"
      id={`event-${row.seq}`}
      aria-selected={selected}
      data-testid="timeline-row"
      data-seq={row.seq}
      data-kind={event.kind}
      style={{ top }}
      onClick={onClick}
    >
      <span className="mono nowrap" data-testid="timeline-row-time">
        {row.ts === UNTIMED_TS ? 'no time' : formatInstant(row.ts, timeZone)}
      </span>
      <span>
        <span className={`kind kind-${event.kind}`}>{event.kind}</span>
      </span>
      <SubjectCell subject={shownSubject(event)} nameOf={nameOf} />
      <span className="mono ellipsis-cell" title={event.ip}>
        {event.ip ?? '—'}
        {event.geo?.country ? ` ${event.geo.country}` : ''}
      </span>
      <span className="mono ellipsis-cell" title={event.sessionId}>
        {event.sessionId ?? '—'}
      </span>
      <span className="mono ellipsis-cell" title={eventSource(event)}>
        {eventSource(event)}
      </span>
      <span className="ellipsis-cell muted" title={eventSummary(event)}>
        <AnnotationBadges state={annotation} />
        {eventSummary(event)}
      </span>
    </div>
  );
}

export function TimelineList({ data, selected, onSelect, onOpen }: TimelineListProps) {
  const { window, version, extend, reopen } = data;
  const rows = window.rows;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(560);
  // The row at the top of the view, by key: when pages are added or dropped the same row stays in place.
  const topAnchor = useRef<{ seq: number; offset: number } | undefined>(undefined);
  const pendingEdge = useRef<'start' | 'end' | undefined>(undefined);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setHeight(element.clientHeight);
    const anchor = topAnchor.current;
    const anchorIndex = anchor ? rows.findIndex((row) => row.seq === anchor.seq) : -1;
    const selectedIndex = rows.findIndex((row) => row.seq === selected);
    if (pendingEdge.current) element.scrollTop = pendingEdge.current === 'end' ? rows.length * ROW_HEIGHT : 0;
    else if (anchorIndex >= 0) element.scrollTop = anchorIndex * ROW_HEIGHT + (anchor?.offset ?? 0);
    // Reopened around an event (surrounding events, a jump in time): bring it to the middle of the view.
    else if (selectedIndex >= 0) element.scrollTop = Math.max(0, selectedIndex * ROW_HEIGHT - element.clientHeight / 2);
    else element.scrollTop = 0;
    pendingEdge.current = undefined;
    setScrollTop(element.scrollTop);
    // Only a new window of rows repositions the list; moving the selection must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, rows]);

  // A filter that matches rarely comes back in short pages (each page searches for a bounded time): keep asking
  // until the view is full or the range has no more, so a list with a few matches never waits for a scroll it
  // cannot make.
  useEffect(() => {
    const element = scroller.current;
    if (!element || data.loading) return;
    const edge = window.edgeToFill(Math.ceil(element.clientHeight / ROW_HEIGHT) + EDGE_ROWS);
    if (edge) void extend(edge);
    // Each finished load bumps `version`; that is the moment to look again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, data.loading]);

  const loadNearEdges = (element: HTMLDivElement) => {
    if (data.loading) return;
    if (element.scrollTop + element.clientHeight > rows.length * ROW_HEIGHT - EDGE_ROWS * ROW_HEIGHT && !window.atEnd)
      void extend('forward');
    else if (element.scrollTop < EDGE_ROWS * ROW_HEIGHT && !window.atStart) void extend('backward');
  };

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const element = event.currentTarget;
    const index = Math.floor(element.scrollTop / ROW_HEIGHT);
    const top = rows[index];
    topAnchor.current = top ? { seq: top.seq, offset: element.scrollTop - index * ROW_HEIGHT } : undefined;
    setScrollTop(element.scrollTop);
    loadNearEdges(element);
  };

  const moveTo = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    const element = scroller.current;
    if (!row || !element) return;
    onSelect(row);
    const position = rows.indexOf(row) * ROW_HEIGHT;
    if (position < element.scrollTop) element.scrollTop = position;
    else if (position + ROW_HEIGHT > element.scrollTop + element.clientHeight)
      element.scrollTop = position + ROW_HEIGHT - element.clientHeight;
  };

  const jumpToEdge = (edge: 'start' | 'end') => {
    topAnchor.current = undefined;
    pendingEdge.current = edge;
    void reopen(edge);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const current = rows.findIndex((row) => row.seq === selected);
    const command = annotationKeyCommand(event);
    if (command && rows[current]) {
      // The annotation panel is in the event's detail: open it, and it carries the command out when it mounts.
      event.preventDefault();
      onOpen(rows[current]);
      requestAnnotationCommand(`event:${rows[current].seq}`, command);
      return;
    }
    const screen = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(current + 1),
      ArrowUp: () => moveTo(current < 0 ? 0 : current - 1),
      PageDown: () => moveTo(current + screen),
      PageUp: () => moveTo(current - screen),
      Home: () => jumpToEdge('start'),
      End: () => jumpToEdge('end'),
      Enter: () => {
        const row = rows[current];
        if (row) onOpen(row);
      },
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = rows.slice(first, last);
  const visibleTargets = visible.map((row) => `event:${row.seq}`);
  const caseId = rows[0]?.caseId ?? '';
  // Only the rows in view: a bulk-tagged case may hold a million annotated events.
  const annotations = useLiveQuery(() => itemAnnotations(caseId, visibleTargets), [caseId, visibleTargets.join()]);
  return (
    <div className="timeline-list">
      <div className="timeline-row timeline-head" aria-hidden="true">
        <span>Time</span>
        <span>Kind</span>
        <span>Subject</span>
        <span>IP</span>
        <span>Session</span>
        <span>Source</span>
        <span>What</span>
      </div>
      <div
        ref={scroller}
        className="timeline-scroll"
        // A listbox must own options: with none (nothing matches) it is a group that holds the "no events" line.
        role={rows.length > 0 ? 'listbox' : 'group'}
        aria-label="Events"
        tabIndex={0}
        data-testid="timeline-list"
        aria-activedescendant={selected !== undefined ? `event-${selected}` : undefined}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {visible.map((row, offset) => (
            <Row
              key={row.seq}
              row={row}
              annotation={annotations?.get(`event:${row.seq}`)}
              selected={row.seq === selected}
              top={(first + offset) * ROW_HEIGHT}
              onClick={() => onOpen(row)}
            />
          ))}
        </div>
        {rows.length === 0 && !data.loading && (
          <div className="empty timeline-empty" data-testid="timeline-empty">
            No events match these filters.
          </div>
        )}
      </div>
    </div>
  );
}
