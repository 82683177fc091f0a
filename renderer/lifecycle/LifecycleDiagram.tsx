// The lifecycle diagram, drawn as SVG from renderer/lifecycle/lifecycle-layout.ts: a time axis in the chosen
// zone; a lane per token of the family with its validity bar, use ticks, issue/refresh/revocation/expiry markers
// and hatched silences; links from each refresh token to the tokens it produced. Markers open their event. Events
// the timeline filter drops are drawn faint (class `outside`), never left out.
import { GAP_LABEL, type LifecycleLayout, type MarkerKind } from './lifecycle-layout';
import { useApp } from '../shell/app-context';
import { location, shortHash } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { svgButtonProps } from '../shell/svg-button';

export const DIAGRAM_WIDTH = 1000;
export const LABEL_WIDTH = 190;

const MARKER_LABEL: Record<MarkerKind, string> = {
  issued: 'issued',
  presented: 'used',
  redeemed: 'refresh (redeemed)',
  revoked: 'revoked',
  'logged-out': 'logged out',
  seen: 'seen',
  expired: 'expired',
  open: 'open',
};

function Marker({ kind }: { kind: MarkerKind }) {
  switch (kind) {
    case 'issued':
      return <circle r={6} className="lc-issue" />;
    case 'redeemed':
      return <rect x={-6} y={-6} width={12} height={12} transform="rotate(45)" className="lc-refresh" />;
    case 'revoked':
    case 'logged-out':
      return <path d="M-6,-6 L6,6 M6,-6 L-6,6" className="lc-revoke" />;
    case 'expired':
      return <path d="M0,-8 L0,8" className="lc-expire" />;
    default:
      return <circle r={3} className="lc-seen" />;
  }
}

/** "2026-11-18 09:30:00 UTC+01:00" → "09:30", or "2026-11-18 09:30" when the axis spans days. */
function tickText(formatted: string, format: 'time' | 'date-time'): string {
  return format === 'time' ? formatted.slice(11, 16) : formatted.slice(0, 16);
}

interface LifecycleDiagramProps {
  readonly layout: LifecycleLayout;
  readonly focus: string;
  readonly onOpenEvent: (seq: number) => void;
  readonly onOpenToken: (tokenHash: string) => void;
}

export function LifecycleDiagram({ layout, focus, onOpenEvent, onOpenToken }: LifecycleDiagramProps) {
  const { timeZone } = useApp();
  const time = (ts: number) => formatInstant(ts, timeZone);
  return (
    <svg
      className="lifecycle"
      data-testid="lifecycle-diagram"
      viewBox={`0 0 ${DIAGRAM_WIDTH} ${layout.height}`}
      role="group"
      aria-label="Token lifecycle diagram"
    >
      <defs>
        <pattern id="lc-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fdf1d8" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#d9a630" strokeWidth="2" />
        </pattern>
      </defs>
      {layout.ticks.map((tick) => (
        <g key={tick.ts} className="lc-tick">
          <line x1={tick.x} x2={tick.x} y1={22} y2={layout.height - 6} />
          <text x={tick.x} y={14} textAnchor="middle">
            {tickText(time(tick.ts), layout.tickLabel)}
          </text>
        </g>
      ))}
      {layout.links.map((link, index) => (
        <path
          key={index}
          d={`M${link.x},${link.fromY} C${link.x + 24},${link.fromY} ${link.x - 24},${link.toY} ${link.x},${link.toY}`}
          className={`lc-link lc-link-${link.via}`}
          data-testid="lifecycle-link"
          data-via={link.via}
        >
          <title>
            {link.via === 'refresh'
              ? 'Redeeming the upper token produced the lower one'
              : 'Next token issued in the same session (the refresh record does not name the token it redeemed)'}
          </title>
        </path>
      ))}
      {layout.lanes.map((lane) => {
        const { lifecycle } = lane;
        const name =
          lifecycle.refreshTokenId !== undefined
            ? `refresh token id ${lifecycle.refreshTokenId}`
            : (lifecycle.jti ?? shortHash(lane.tokenHash));
        return (
          <g
            key={lane.tokenHash}
            className={lane.tokenHash === focus ? 'lc-lane focused' : 'lc-lane'}
            data-testid="lifecycle-lane"
            data-token={lane.tokenHash}
            data-end={lifecycle.end.reason}
          >
            <text
              x={8}
              y={lane.y - 4}
              className="lc-lane-label link"
              {...svgButtonProps(`Open the token ${name}`, () => onOpenToken(lane.tokenHash))}
            >
              {name}
            </text>
            <text x={8} y={lane.y + 11} className="lc-lane-sub">
              {lifecycle.uses.count} use{lifecycle.uses.count === 1 ? '' : 's'} · {lifecycle.end.reason}
            </text>
            <line x1={LABEL_WIDTH} x2={DIAGRAM_WIDTH - 10} y1={lane.y} y2={lane.y} className="lc-axis" />
            {lane.validity && (
              <rect
                x={lane.validity.x1}
                y={lane.y - 5}
                width={Math.max(2, lane.validity.x2 - lane.validity.x1)}
                height={10}
                rx={3}
                className="lc-valid"
              >
                <title>Valid (iat → exp)</title>
              </rect>
            )}
            {lane.gaps.map((gap, index) => (
              <rect
                key={index}
                x={gap.x1}
                y={lane.y - 10}
                width={Math.max(2, gap.x2 - gap.x1)}
                height={20}
                fill="url(#lc-hatch)"
                className="lc-gap"
                data-testid="lifecycle-gap"
                data-kind={gap.gap.kind}
              >
                <title>{gap.gap.message}</title>
              </rect>
            ))}
            {lane.outsideTicks.map((x, index) => (
              <line
                key={`outside-${index}`}
                x1={x}
                x2={x}
                y1={lane.y - 9}
                y2={lane.y + 9}
                className="lc-use outside"
                data-testid="lifecycle-use-outside"
              />
            ))}
            {lane.useTicks.map((x, index) => (
              <line
                key={index}
                x1={x}
                x2={x}
                y1={lane.y - 9}
                y2={lane.y + 9}
                className="lc-use"
                data-testid="lifecycle-use"
              />
            ))}
            {lane.markers.map((marker, index) => {
              const label = `${MARKER_LABEL[marker.kind]} ${time(marker.ts)}${marker.event ? ` · ${location(marker.event.source.file, marker.event.source.line || undefined)}` : ''}${marker.outside ? ' · outside the timeline filters' : ''}`;
              const eventId = marker.event?.id;
              return (
                <g
                  key={index}
                  transform={`translate(${marker.x},${lane.y})`}
                  className={marker.outside ? 'lc-marker outside' : 'lc-marker'}
                  data-testid="lifecycle-marker"
                  data-kind={marker.kind}
                  data-in-filter={!marker.outside}
                  // Only a marker drawn from an event opens something; the others (an expiry) are pictures.
                  {...(typeof eventId === 'number'
                    ? svgButtonProps(`${label}: open the event`, () => onOpenEvent(eventId))
                    : {})}
                >
                  <Marker kind={marker.kind} />
                  <title>{label}</title>
                </g>
              );
            })}
            {lane.notes.map((note, index) => (
              <text
                key={note.kind}
                x={LABEL_WIDTH + 4}
                y={lane.y + 20 + index * 11}
                className="lc-note"
                data-testid="lifecycle-note"
                data-kind={note.kind}
              >
                ⚠ {GAP_LABEL[note.kind]}
                <title>{note.message}</title>
              </text>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
