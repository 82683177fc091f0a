// Refresh tokens known only by their identifier. Identity-provider exports (Keycloak's refresh_token_id, Okta's
// debugData.refreshTokenId) name the refresh token a grant issued or redeemed but never carry its bytes, so no
// token track exists for it, and the chain the refresh-token-reuse detector judges (by that identifier) would have
// nothing to draw. Each such identifier gets a lifecycle of its own, built from the events that name it.
import type { Timeline } from './correlate';
import { refOf, type Entry } from './entry';
import type { LifecycleEnd, LifecycleStep, TokenLifecycle, TokenUse } from './types';

/** The prefix of the lifecycle key of a refresh token known only by its identifier (never a SHA-256 hex). */
export const REFRESH_ID_PREFIX = 'refresh-id:';

const MAX_MILESTONES = 200;

/** The lifecycle key for a refresh token identifier (the `tokenHash` of its {@link TokenLifecycle}). */
export function refreshIdKey(refreshTokenId: string): string {
  return `${REFRESH_ID_PREFIX}${refreshTokenId}`;
}

/** What an event naming the identifier did to that refresh token. */
function useOf(entry: Entry): TokenUse {
  if (entry.kind === 'refresh') return 'redeemed';
  if (entry.kind === 'revoke') return 'revoked';
  if (entry.kind === 'logout') return 'logged-out';
  return entry.kind === 'issue' || entry.kind === 'login' ? 'issued' : 'seen';
}

/**
 * One lifecycle per refresh token identifier that events name while no event carries the token itself (a refresh
 * that redeemed a captured token is already that token's lifecycle). Linear in the number of entries.
 */
export function buildRefreshIdLifecycles(timeline: Timeline): TokenLifecycle[] {
  const byId = new Map<string, Entry[]>();
  for (const entry of [...timeline.entries, ...timeline.untimed]) {
    if (entry.refreshTokenId === undefined) continue;
    if (entry.kind === 'refresh' && entry.tokens.some((token) => token.use === 'redeemed')) continue;
    const list = byId.get(entry.refreshTokenId);
    if (list) list.push(entry);
    else byId.set(entry.refreshTokenId, [entry]);
  }
  return [...byId].map(([id, entries]) => lifecycleOf(id, entries));
}

function lifecycleOf(refreshTokenId: string, entries: readonly Entry[]): TokenLifecycle {
  const milestones: LifecycleStep[] = entries
    .slice(0, MAX_MILESTONES)
    .map((entry) => ({ use: useOf(entry), event: refOf(entry) }));
  const issue = entries.find((entry) => useOf(entry) === 'issued');
  const ended = entries.find((entry) => entry.ts !== null && (entry.kind === 'revoke' || entry.kind === 'logout'));
  const end: LifecycleEnd = ended
    ? { reason: ended.kind === 'logout' ? 'logged-out' : 'revoked', at: ended.ts!, event: refOf(ended) }
    : { reason: 'open' };
  const first = <T>(pick: (entry: Entry) => T | undefined): T | undefined =>
    entries.map(pick).find((value) => value !== undefined);
  const subject = first((entry) => entry.effectiveSubject);
  const sessionId = first((entry) => entry.effectiveSession);
  const clientId = first((entry) => entry.clientId);
  const ips = new Set(entries.map((entry) => entry.ip).filter((ip) => ip !== undefined));
  return {
    tokenHash: refreshIdKey(refreshTokenId),
    refreshTokenId,
    ...(subject !== undefined ? { subject } : {}),
    ...(sessionId !== undefined ? { sessionId } : {}),
    ...(clientId !== undefined ? { clientId } : {}),
    ...(issue ? { issue: refOf(issue) } : {}),
    children: [],
    uses: { count: 0, rejected: 0, distinctIps: ips.size, distinctUserAgents: 0, countries: [] },
    milestones,
    end,
    // Said as a gap so the diagram's list of what is missing explains the lane without claims or validity bar.
    gaps: [
      {
        kind: 'no-end',
        message: `Only the identifier ${refreshTokenId} of this refresh token is in the evidence (an identity provider's export names it; the token itself was not captured): its events are drawn, its expiry, claims and signature are unknown.`,
      },
    ],
  };
}
