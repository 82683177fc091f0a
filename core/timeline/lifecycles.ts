import type { Timeline, TokenTrack } from './correlate';
import { refOf } from './entry';
import type { FamilyIndex } from './families';
import type {
  CommonParameters,
  EventRef,
  LifecycleEnd,
  LifecycleGap,
  LifecycleStep,
  TokenLifecycle,
  UseSummary,
} from './types';
import { duration, iso } from './util/describe';

const MAX_MILESTONES = 200;
const MAX_SILENCES = 20;

/** Build the lifecycle of every token in the timeline (linear in the number of token appearances). */
export function buildLifecycles(timeline: Timeline, families: FamilyIndex, common: CommonParameters): TokenLifecycle[] {
  const evidenceEnd = timeline.entries.length > 0 ? timeline.entries[timeline.entries.length - 1]!.ts : null;
  const children = new Map<string, { tokenHash: string; event: EventRef }[]>();
  for (const edge of timeline.refreshEdges) {
    const list = children.get(edge.from) ?? [];
    list.push({ tokenHash: edge.to, event: refOf(edge.entry) });
    children.set(edge.from, list);
  }
  const lifecycles: TokenLifecycle[] = [];
  for (const track of timeline.tokens.values())
    lifecycles.push(lifecycleOf(track, timeline, families, children.get(track.hash) ?? [], evidenceEnd, common));
  return lifecycles;
}

function lifecycleOf(
  track: TokenTrack,
  timeline: Timeline,
  families: FamilyIndex,
  children: { tokenHash: string; event: EventRef }[],
  evidenceEnd: number | null,
  common: CommonParameters,
): TokenLifecycle {
  const facts = track.facts;
  const issueStep = track.steps.find((step) => step.use === 'issued');
  const uses = summarizeUses(track);
  const milestones: LifecycleStep[] = [];
  for (const step of track.steps) {
    if (step.use === 'presented' || step.use === 'seen') continue;
    if (milestones.length >= MAX_MILESTONES) break;
    milestones.push({ use: step.use, event: refOf(step.entry) });
  }
  if (uses.first) milestones.push({ use: 'presented', event: uses.first });
  // summarizeUses gives first and last as one object when one event is both.
  if (uses.last && uses.count > 1 && uses.last !== uses.first) milestones.push({ use: 'presented', event: uses.last });
  milestones.sort((a, b) => (a.event.ts ?? Infinity) - (b.event.ts ?? Infinity));
  let subject: string | undefined = facts?.subject;
  let sessionId: string | undefined = facts?.sessionId;
  let clientId: string | undefined = facts?.clientId;
  for (const step of track.steps) {
    subject ??= step.entry.effectiveSubject;
    sessionId ??= step.entry.effectiveSession;
    clientId ??= step.entry.clientId;
  }
  const familyId = families.familyOf.get(track.hash);
  const end = endOf(track, families, familyId, evidenceEnd);
  const parent = families.parentOf.get(track.hash);
  const gaps = gapsOf(track, issueStep !== undefined, parent, end, common);
  return {
    tokenHash: track.hash,
    ...((facts?.jti ?? jtiOf(track)) ? { jti: facts?.jti ?? jtiOf(track) } : {}),
    ...(subject !== undefined ? { subject } : {}),
    ...(sessionId !== undefined ? { sessionId } : {}),
    ...(clientId !== undefined ? { clientId } : {}),
    ...(familyId !== undefined ? { familyId } : {}),
    ...(facts?.issuedAt !== undefined ? { issuedAt: facts.issuedAt } : {}),
    ...(facts?.expiresAt !== undefined ? { expiresAt: facts.expiresAt } : {}),
    ...(issueStep ? { issue: refOf(issueStep.entry) } : {}),
    ...(parent ? { parent } : {}),
    children,
    uses,
    milestones,
    end,
    gaps,
  };
}

function jtiOf(track: TokenTrack): string | undefined {
  for (const step of track.steps)
    if (step.entry.jti !== undefined && step.entry.roles.length === 1) return step.entry.jti;
  return undefined;
}

function summarizeUses(track: TokenTrack): UseSummary {
  let count = 0;
  let rejected = 0;
  let firstEntry: TokenTrack['steps'][number]['entry'] | undefined;
  let lastEntry: TokenTrack['steps'][number]['entry'] | undefined;
  const ips = new Set<string>();
  const agents = new Set<string>();
  const countries = new Set<string>();
  for (const step of track.steps) {
    if (step.use !== 'presented') continue;
    count++;
    if (step.entry.rejected) rejected++;
    if (step.entry.ts !== null) {
      firstEntry ??= step.entry;
      lastEntry = step.entry;
    }
    if (step.entry.ip !== undefined) ips.add(step.entry.ip);
    if (step.entry.userAgent !== undefined) agents.add(step.entry.userAgent);
    if (step.entry.country !== undefined) countries.add(step.entry.country);
  }
  const first = firstEntry ? refOf(firstEntry) : undefined;
  const last = lastEntry && lastEntry !== firstEntry ? refOf(lastEntry) : first;
  return {
    count,
    rejected,
    ...(first ? { first } : {}),
    ...(last ? { last } : {}),
    distinctIps: ips.size,
    distinctUserAgents: agents.size,
    countries: [...countries],
  };
}

function endOf(
  track: TokenTrack,
  families: FamilyIndex,
  familyId: string | undefined,
  evidenceEnd: number | null,
): LifecycleEnd {
  let end: LifecycleEnd | undefined;
  for (const step of track.steps) {
    if ((step.use === 'revoked' || step.use === 'logged-out') && step.entry.ts !== null) {
      end = { reason: step.use, at: step.entry.ts, event: refOf(step.entry) };
      break;
    }
  }
  const family = familyId !== undefined ? families.revokedAt.get(familyId) : undefined;
  const issued = track.steps.find((step) => step.use === 'issued')?.entry.ts ?? null;
  if (family && (issued === null || family.at >= issued) && (!end || family.at < end.at!)) {
    end = {
      reason: family.entry.kind === 'logout' ? 'logged-out' : 'revoked',
      at: family.at,
      event: refOf(family.entry),
    };
  }
  const expiresAt = track.facts?.expiresAt;
  if (expiresAt !== undefined && (!end || expiresAt < end.at!) && evidenceEnd !== null && expiresAt <= evidenceEnd)
    return { reason: 'expired', at: expiresAt };
  return end ?? (expiresAt !== undefined ? { reason: 'open', at: expiresAt } : { reason: 'open' });
}

function gapsOf(
  track: TokenTrack,
  issued: boolean,
  parent: TokenLifecycle['parent'],
  end: LifecycleEnd,
  common: CommonParameters,
): LifecycleGap[] {
  const gaps: LifecycleGap[] = [];
  const presented = track.steps.some((step) => step.use === 'presented' || step.use === 'redeemed');
  if (!issued && presented)
    gaps.push({
      kind: 'no-issue-event',
      message:
        'The token is used, but no event in the evidence issues it: forged, minted with a stolen key, or its issuance is missing from the logs (see token-never-issued).',
    });
  const issueStep = track.steps.find((step) => step.use === 'issued');
  if (issueStep?.entry.kind === 'refresh' && parent?.via !== 'refresh') {
    gaps.push({
      kind: 'parent-unknown',
      ...(issueStep.entry.ts !== null ? { from: issueStep.entry.ts } : {}),
      message: `The token was issued by a refresh, but the record does not carry the refresh token that was redeemed${parent ? "; it is linked to the session's earlier token instead" : ''}.`,
    });
  }
  const limit = common.silenceSeconds * 1000;
  const validUntil = end.at ?? Infinity;
  let previous: number | null = null;
  let silences = 0;
  for (const step of track.steps) {
    const ts = step.entry.ts;
    if (ts === null) continue;
    if (previous !== null && ts - previous > limit && previous < validUntil && silences < MAX_SILENCES) {
      silences++;
      gaps.push({
        kind: 'silence',
        from: previous,
        to: ts,
        message: `No event of this token for ${duration(ts - previous)} (${iso(previous)} to ${iso(ts)}) while it was valid: a quiet client, or missing logs.`,
      });
    }
    previous = ts;
  }
  if (end.reason === 'open' && end.at === undefined)
    gaps.push({
      kind: 'no-end',
      message: 'The token has no known expiry and no revocation or logout in the evidence: it may still be valid.',
    });
  const untimed = track.steps.filter((step) => step.entry.ts === null).length;
  if (untimed > 0)
    gaps.push({
      kind: 'untimed-events',
      message: `${untimed === 1 ? '1 record of this token carries' : `${untimed} records of this token carry`} no time (e.g. a token list) and cannot be placed on the timeline.`,
    });
  return gaps;
}
