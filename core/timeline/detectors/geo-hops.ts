import type { Severity } from '../../token/findings';
import type { Timeline } from '../correlate';
import type { Entry } from '../entry';
import { bestName } from '../identity/best-name';
import type { IdentityDirectory } from '../identity/directory-types';
import type { CidrList } from '../util/cidr';

/** Which keys a hop is followed under: one token, one session, one subject (user). */
export type HopScope = 'token' | 'session' | 'subject';

/** All scopes, in the order findings name them. */
export const HOP_SCOPES: readonly HopScope[] = ['token', 'session', 'subject'];

/** Two consecutive located events of one token, session or subject. */
export interface Hop {
  readonly from: Entry;
  readonly to: Entry;
  /** Every scope under which the two events are consecutive (`token abc…`, `session S-1`, `subject alice`). */
  readonly scopes: readonly { readonly scope: HopScope; readonly key: string }[];
}

/**
 * Walk the timeline once and hand each hop to `visit`: for every located event (as `located` decides), the previous
 * located event of each of its tokens, its session and its subject. Events from excluded ranges (VPN, proxy, shared
 * egress) are left out entirely; hops between events from the same IP are not hops, nor are two records of the same
 * instant from different evidence files (one event seen by two systems, each locating it its own way). State is one
 * entry per key.
 */
export function walkHops(
  timeline: Timeline,
  scopes: readonly string[],
  excluded: CidrList,
  located: (entry: Entry) => boolean,
  visit: (hop: Hop) => void,
): void {
  // One map per scope (no composite string keys): this walk runs over every event, twice per analysis.
  const last: Record<HopScope, Map<string, Entry> | undefined> = {
    token: scopes.includes('token') ? new Map() : undefined,
    session: scopes.includes('session') ? new Map() : undefined,
    subject: scopes.includes('subject') ? new Map() : undefined,
  };
  let pending: { from: Entry; scopes: { scope: HopScope; key: string }[] }[] = [];
  const step = (entry: Entry, scope: HopScope, key: string) => {
    const map = last[scope]!;
    const previous = map.get(key);
    map.set(key, entry);
    if (!previous || (previous.ip !== undefined && previous.ip === entry.ip)) return;
    if (previous.ts === entry.ts && previous.source.sha256 !== entry.source.sha256) return;
    const known = pending.find((item) => item.from === previous);
    if (known) known.scopes.push({ scope, key });
    else pending.push({ from: previous, scopes: [{ scope, key }] });
  };
  for (const entry of timeline.entries) {
    if (!located(entry) || excluded.match(entry.ip) !== undefined) continue;
    if (last.token) for (const token of entry.tokens) if (token.use !== 'seen') step(entry, 'token', token.hash);
    if (last.session && entry.effectiveSession !== undefined) step(entry, 'session', entry.effectiveSession);
    if (last.subject && entry.effectiveSubject !== undefined) step(entry, 'subject', entry.effectiveSubject);
    if (pending.length === 0) continue;
    for (const item of pending) visit({ from: item.from, to: entry, scopes: item.scopes });
    pending = [];
  }
}

/** `token 3f9a…, session S-7741, subject Alma Berg <alma@example.com> (f3b1…)`: subjects by their best known name. */
export function describeScopes(scopes: Hop['scopes'], identities: IdentityDirectory): string {
  return scopes
    .map(
      (item) =>
        `${item.scope} ${item.scope === 'token' ? `${item.key.slice(0, 12)}…` : item.scope === 'subject' ? bestName(identities, item.key) : item.key}`,
    )
    .join(', ');
}

/** The token hashes a hop concerns: those under the token scope, else those both events carry. */
export function hopTokens(hop: Hop): string[] {
  const byScope = hop.scopes.filter((item) => item.scope === 'token').map((item) => item.key);
  if (byScope.length > 0) return byScope;
  return [
    ...new Set(
      [...hop.from.tokens, ...hop.to.tokens].filter((token) => token.use !== 'seen').map((token) => token.hash),
    ),
  ];
}

/** Whether both events of a hop were refused (failed logins, 401/403): attempts from two places, not two sessions. */
export function onlyAttempts(hop: Hop): boolean {
  return hop.from.rejected && hop.to.rejected;
}

/** One step down the severity ladder: a hop made only of failed attempts ranks below one that got in. */
export function lowerSeverity(severity: Severity): Severity {
  return severity === 'critical' ? 'high' : severity === 'high' ? 'medium' : severity === 'medium' ? 'low' : 'info';
}
