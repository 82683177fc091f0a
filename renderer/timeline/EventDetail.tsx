// One event opened: its normalized fields, its tokens (each a link to the Tokens tab), where it came from
// (file:line and the file's SHA-256) and the original record exactly as the log had it.
import { useState } from 'react';
import type { StoredEvent } from '../db/event-records';
import { UNTIMED_TS } from '../db/event-records';
import { describeTokenLink } from '../../core/timeline';
import { useApp } from '../shell/app-context';
import { shortHash } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { eventSource } from './event-summary';
import { useNameOf } from '../subjects/subject-names-context';
import { AnnotationPanel } from '../annotations/AnnotationPanel';
import { tokenClaimSubject } from '../../core/timeline';

interface EventDetailProps {
  readonly row: StoredEvent;
  readonly onClose: () => void;
  readonly onSurrounding: (row: StoredEvent, minutes: number) => void;
  readonly onOpenToken: (tokenHash: string) => void;
}

function geoText(row: StoredEvent): string | undefined {
  const geo = row.event.geo;
  if (!geo) return undefined;
  const place = [geo.city, geo.region, geo.country].filter(Boolean).join(', ');
  return `${place || 'unknown place'} (${geo.source === 'log' ? 'from the log' : `offline database ${geo.database ?? ''}`})`;
}

export function EventDetail({ row, onClose, onSurrounding, onOpenToken }: EventDetailProps) {
  const { timeZone } = useApp();
  const nameOf = useNameOf();
  const [minutes, setMinutes] = useState(5);
  const { event } = row;
  const claimed = tokenClaimSubject(event);
  const agent =
    event.agent &&
    [event.agent.browser, event.agent.browserVersion, event.agent.os, event.agent.osVersion, event.agent.device]
      .filter(Boolean)
      .join(' · ');
  const facts: [string, string | undefined][] = [
    ['time', row.ts === UNTIMED_TS ? 'no time in the record' : formatInstant(row.ts, timeZone)],
    ['as written', event.time ?? undefined],
    ['kind', event.kind],
    ['action', event.action],
    ['outcome', event.outcome && `${event.outcome}${event.reason ? ` — ${event.reason}` : ''}`],
    ['subject', event.subject && nameOf(event.subject)],
    // The record names no subject: the token's claim stands in, labelled so it is not taken for the record's.
    ['subject (from the token’s sub claim)', claimed && nameOf(claimed)],
    ['client', event.clientId],
    ['app version', event.appVersion],
    ['session', event.sessionId],
    ['jti', event.jti],
    ['ip', event.ip],
    ['location', geoText(row)],
    ['user agent', event.userAgent],
    ['agent', agent],
    [
      'http',
      event.http &&
        [event.http.method, event.http.host, event.http.path, event.http.status]
          .filter((part) => part !== undefined)
          .join(' '),
    ],
    ...Object.entries(event.details ?? {}).map(([key, value]): [string, string] => [key, value]),
  ];
  return (
    <section className="panel event-detail" data-testid="event-detail" aria-label="Event detail">
      <div className="panel-head">
        <h2>Event</h2>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close event">
          ×
        </button>
      </div>
      <p className="mono small" data-testid="event-source" title={`file sha256 ${event.source.sha256}`}>
        {eventSource(event)}{' '}
        <span className="muted">
          · {event.source.format} · sha256 {shortHash(event.source.sha256)}
        </span>
      </p>
      <AnnotationPanel caseId={row.caseId} target={{ kind: 'event', id: String(row.seq) }} />
      <dl className="meta compact">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className="mono">{value}</dd>
            </div>
          ))}
      </dl>
      {event.tokens.length > 0 && (
        <>
          <h3>Tokens</h3>
          <ul className="token-links">
            {event.tokens.map((token) => (
              <li key={`${token.hash}-${token.role}-${token.field ?? ''}`}>
                <button
                  type="button"
                  className="link mono"
                  data-testid="event-token"
                  onClick={() => onOpenToken(token.hash)}
                  title={`sha256 ${token.hash}`}
                >
                  {shortHash(token.hash, 16)}
                </button>{' '}
                <span className="muted">
                  {token.role}
                  {token.field ? ` (${token.field})` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {row.tokenLinks && row.tokenLinks.length > 0 && (
        <>
          <h3>Linked tokens</h3>
          <p className="muted small">
            The record does not carry these tokens; the case analysis linked them by a value it names.
          </p>
          <ul className="token-links">
            {row.tokenLinks.map(({ hash, link }) => (
              <li key={hash}>
                <button
                  type="button"
                  className="link mono"
                  data-testid="event-linked-token"
                  onClick={() => onOpenToken(hash)}
                  title={`sha256 ${hash}`}
                >
                  {shortHash(hash, 16)}
                </button>{' '}
                <span className="muted">{describeTokenLink(link)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="surrounding">
        <button
          type="button"
          data-testid="show-surrounding"
          disabled={row.ts === UNTIMED_TS}
          onClick={() => onSurrounding(row, minutes)}
        >
          Show surrounding events
        </button>
        <label className="inline-field">
          ±
          <input
            type="number"
            min={1}
            max={1440}
            value={minutes}
            aria-label="Minutes around the event"
            onChange={(change) => setMinutes(Math.max(1, Number(change.target.value) || 1))}
          />
          min
        </label>
      </div>
      <h3>Original record</h3>
      <pre className="json" data-testid="event-record" tabIndex={0}>
        {event.record}
      </pre>
    </section>
  );
}
