// The lifecycle diagram's geometry, computed from stored lifecycles: one lane per token of the family, along one
// time axis; on each lane its validity (iat → exp), its issue, uses, refreshes and revocation or expiry, and its
// gaps; between lanes the refresh (or session) links from parent to child. Events the timeline filter drops are
// laid out too, marked `outside`, so the axis keeps the whole life and the diagram only dims them. Pure: the
// component only draws it.
import type { EventId, EventRef, LifecycleGap, TokenLifecycle, TokenUse } from '../../core/timeline';
import { largestOf, smallestOf } from '../../core';

export interface LayoutBox {
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly laneHeight: number;
}

export type MarkerKind = TokenUse | 'expired' | 'open';

export interface LaneMarker {
  readonly x: number;
  readonly kind: MarkerKind;
  readonly ts: number;
  readonly event?: EventRef;
  /** The marker's event is one the timeline filter drops. */
  readonly outside: boolean;
}

/** What the timeline filter drops: per token the times of its dropped events, and the dropped events' ids. */
export interface OutsideFilter {
  readonly uses: ReadonlyMap<string, readonly number[]>;
  readonly events: ReadonlySet<EventId>;
}

export interface LaneGap {
  readonly x1: number;
  readonly x2: number;
  readonly gap: LifecycleGap;
}

export interface LaneLayout {
  readonly tokenHash: string;
  readonly y: number;
  readonly lifecycle: TokenLifecycle;
  /** The token's validity from iat (or its issue) to exp (or the end of the axis), when known. */
  readonly validity?: { readonly x1: number; readonly x2: number };
  readonly markers: readonly LaneMarker[];
  readonly useTicks: readonly number[];
  /** Uses the timeline filter drops, drawn dimmed. */
  readonly outsideTicks: readonly number[];
  readonly gaps: readonly LaneGap[];
  /** Gaps without a time span (no issue event, no end, unknown parent): listed beside the lane. */
  readonly notes: readonly LifecycleGap[];
}

export interface LinkLayout {
  readonly x: number;
  readonly fromY: number;
  readonly toY: number;
  readonly via: 'refresh' | 'session';
}

export interface LifecycleLayout {
  readonly from: number;
  readonly to: number;
  readonly lanes: readonly LaneLayout[];
  readonly links: readonly LinkLayout[];
  readonly ticks: readonly { readonly x: number; readonly ts: number }[];
  /** Whether tick labels need the date (the axis spans more than a day) or the time of day suffices. */
  readonly tickLabel: 'time' | 'date-time';
  readonly height: number;
}

/** A few words per gap kind for the lane; the full message goes in the tooltip. */
export const GAP_LABEL: Readonly<Record<LifecycleGap['kind'], string>> = {
  'no-issue-event': 'no issue event in the evidence',
  'parent-unknown': 'parent unknown: linked by session',
  silence: 'silent while valid',
  'no-end': 'no expiry and no revocation',
  'untimed-events': 'records without a time',
};

const TICK_STEPS = [
  60_000,
  5 * 60_000,
  10 * 60_000,
  15 * 60_000,
  30 * 60_000,
  3_600_000,
  2 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
  86_400_000,
  7 * 86_400_000,
  30 * 86_400_000,
];

function timesOf(lifecycle: TokenLifecycle, uses: readonly number[]): number[] {
  const times = [
    ...uses,
    ...lifecycle.milestones.map((step) => step.event.ts).filter((ts): ts is number => ts !== null),
  ];
  for (const ts of [lifecycle.issuedAt, lifecycle.expiresAt, lifecycle.end.at, lifecycle.issue?.ts])
    if (typeof ts === 'number') times.push(ts);
  return times;
}

/** Axis ticks at a round step giving at most ~8 labels. */
function axisTicks(from: number, to: number, x: (ts: number) => number): { x: number; ts: number }[] {
  const step = TICK_STEPS.find((candidate) => (to - from) / candidate <= 8) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const ticks: { x: number; ts: number }[] = [];
  for (let ts = Math.ceil(from / step) * step; ts <= to; ts += step) ticks.push({ x: x(ts), ts });
  return ticks;
}

/**
 * `usesByToken` are the times of each token's events (those the timeline filter keeps, when `outside` is given);
 * `outside` what the filter drops.
 */
export function layoutLifecycles(
  lifecycles: readonly TokenLifecycle[],
  usesByToken: ReadonlyMap<string, readonly number[]>,
  box: LayoutBox,
  outside?: OutsideFilter,
): LifecycleLayout | undefined {
  const dropped = (tokenHash: string) => outside?.uses.get(tokenHash) ?? [];
  const all = lifecycles.flatMap((lifecycle) =>
    timesOf(lifecycle, [...(usesByToken.get(lifecycle.tokenHash) ?? []), ...dropped(lifecycle.tokenHash)]),
  );
  if (all.length === 0) return undefined;
  let from = smallestOf(all);
  let to = largestOf(all);
  // A margin on both ends so the first and last markers are not drawn on the frame.
  const margin = Math.max((to - from) * 0.04, 30_000);
  from -= margin;
  to += margin;
  const x = (ts: number) => box.left + ((ts - from) / (to - from)) * box.width;
  const yOf = new Map(
    lifecycles.map((lifecycle, index) => [lifecycle.tokenHash, box.top + index * box.laneHeight + box.laneHeight / 2]),
  );

  const lanes = lifecycles.map((lifecycle): LaneLayout => {
    const markers: LaneMarker[] = lifecycle.milestones
      .filter((step) => step.event.ts !== null && step.use !== 'presented')
      .map((step) => ({
        x: x(step.event.ts!),
        kind: step.use,
        ts: step.event.ts!,
        event: step.event,
        outside: step.event.id !== undefined && outside?.events.has(step.event.id) === true,
      }));
    if (lifecycle.end.reason === 'expired' && lifecycle.end.at !== undefined)
      markers.push({ x: x(lifecycle.end.at), kind: 'expired', ts: lifecycle.end.at, outside: false });
    const start = lifecycle.issuedAt ?? lifecycle.issue?.ts ?? undefined;
    const end = lifecycle.end.at ?? lifecycle.expiresAt;
    return {
      tokenHash: lifecycle.tokenHash,
      y: yOf.get(lifecycle.tokenHash)!,
      lifecycle,
      ...(start !== undefined && start !== null
        ? { validity: { x1: x(start), x2: end !== undefined ? x(end) : box.left + box.width } }
        : {}),
      markers,
      useTicks: (usesByToken.get(lifecycle.tokenHash) ?? []).map(x),
      outsideTicks: dropped(lifecycle.tokenHash).map(x),
      gaps: lifecycle.gaps
        .filter((gap) => gap.from !== undefined && gap.to !== undefined)
        .map((gap) => ({ x1: x(gap.from!), x2: x(gap.to!), gap })),
      notes: lifecycle.gaps.filter((gap) => gap.from === undefined || gap.to === undefined),
    };
  });

  const links: LinkLayout[] = [];
  for (const lifecycle of lifecycles) {
    const parent = lifecycle.parent;
    const fromY = parent && yOf.get(parent.tokenHash);
    const at = parent?.event?.ts ?? lifecycle.issue?.ts ?? lifecycle.issuedAt;
    if (parent && fromY !== undefined && typeof at === 'number')
      links.push({ x: x(at), fromY, toY: yOf.get(lifecycle.tokenHash)!, via: parent.via });
  }
  return {
    from,
    to,
    lanes,
    links,
    ticks: axisTicks(from, to, x),
    tickLabel: to - from > 86_400_000 ? 'date-time' : 'time',
    height: box.top + lifecycles.length * box.laneHeight + 8,
  };
}
