import type { FindingEvidence, Severity } from '../token/findings';
import { SEVERITY_RANK } from '../token/findings';
import { refOf, type Entry } from './entry';
import { describeTokenLink } from './hashed-tokens/link-types';
import type { FindingEventRef, KeyHistoryEntry, TimelineFinding } from './types';

/** One proving event as a detector names it. */
export interface ProvingEvent {
  readonly entry: Entry;
  /** Why it proves the finding: `issue`, `use`, `revoke`, `from`, `to`, `first-redeem`, `second-redeem`… */
  readonly role: string;
  readonly tokenHash?: string;
}

/** What a detector reports; the sink turns it into a {@link TimelineFinding}. */
export interface FindingSpec {
  readonly detector: {
    readonly id: string;
    readonly title: string;
    readonly severity: Severity;
    readonly references: readonly string[];
  };
  readonly severity?: Severity;
  /** What the finding is about (a token hash, a session, a pair of events): part of the stable key. */
  readonly scope: string;
  readonly message: string;
  readonly explanation: string;
  readonly tokenHashes: readonly string[];
  readonly subject?: string;
  readonly sessionId?: string;
  readonly events: readonly ProvingEvent[];
  /** Total supporting events when `events` is a selection (defaults to `events.length`). */
  readonly eventCount?: number;
  readonly keys?: readonly KeyHistoryEntry[];
  readonly evidence?: FindingEvidence;
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>;
  readonly origin?: TimelineFinding['origin'];
}

/** Collects findings, dropping exact repeats (same detector, scope and first event). */
export class FindingSink {
  private readonly byKey = new Map<string, TimelineFinding>();

  constructor(private readonly maxEvents: number) {}

  /** Record a finding; returns false when an identical one was already recorded. */
  add(spec: FindingSpec): boolean {
    const events = selectEvents(spec.events, this.maxEvents);
    const first = events[0];
    const key = `${spec.detector.id}|${spec.scope}|${first ? locationKey(first) : '-'}`;
    if (this.byKey.has(key)) return false;
    this.byKey.set(key, {
      key,
      id: spec.detector.id,
      origin: spec.origin ?? 'detector',
      title: spec.detector.title,
      severity: spec.severity ?? spec.detector.severity,
      message: spec.message,
      explanation: spec.explanation,
      tokenHashes: [...new Set(spec.tokenHashes)],
      ...(spec.subject !== undefined ? { subject: spec.subject } : {}),
      ...(spec.sessionId !== undefined ? { sessionId: spec.sessionId } : {}),
      ts: events.find((event) => event.ts !== null)?.ts ?? null,
      events,
      eventCount: Math.max(spec.eventCount ?? uniqueCount(spec.events), events.length),
      ...(spec.keys ? { keys: spec.keys } : {}),
      ...(spec.evidence ? { evidence: spec.evidence } : {}),
      detail: spec.detail ?? {},
      references: spec.detector.references,
    });
    return true;
  }

  /** How many findings a detector has recorded so far. */
  count(id: string): number {
    let total = 0;
    for (const finding of this.byKey.values()) if (finding.id === id) total++;
    return total;
  }

  /** Every finding, most severe first, then in time order. */
  all(): TimelineFinding[] {
    return [...this.byKey.values()].sort(
      (a, b) =>
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        (a.ts ?? Infinity) - (b.ts ?? Infinity) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
  }
}

function locationKey(event: FindingEventRef): string {
  return `${event.source.sha256}:${event.source.line ?? ''}:${event.source.index ?? ''}`;
}

function uniqueCount(events: readonly ProvingEvent[]): number {
  return new Set(events.map((event) => event.entry)).size;
}

/**
 * The events a finding links: de-duplicated, in time order, at most `max`. When there are more, the first and last
 * halves are kept (the start and the end of what happened are what an investigator opens first).
 */
function selectEvents(events: readonly ProvingEvent[], max: number): FindingEventRef[] {
  const seen = new Set<string>();
  const unique: ProvingEvent[] = [];
  for (const event of events) {
    const key = `${event.entry.seq}|${event.role}|${event.tokenHash ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(event);
  }
  unique.sort((a, b) => (a.entry.ts ?? Infinity) - (b.entry.ts ?? Infinity) || a.entry.seq - b.entry.seq);
  const limit = Math.max(2, max);
  const kept =
    unique.length <= limit
      ? unique
      : [...unique.slice(0, Math.ceil(limit / 2)), ...unique.slice(unique.length - Math.floor(limit / 2))];
  return kept.map((event) => {
    const link =
      event.tokenHash !== undefined
        ? event.entry.roles.find((role) => role.hash === event.tokenHash && role.link)?.link
        : undefined;
    return {
      ...refOf(event.entry),
      role: event.role,
      ...(event.tokenHash !== undefined ? { tokenHash: event.tokenHash } : {}),
      ...(link ? { linkedBy: describeTokenLink(link) } : {}),
    };
  });
}
