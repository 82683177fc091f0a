// Where a finding leads and how its facts read: which map scope shows its places, whether it is about places at
// all, and its detail names in words. The map is scoped by one timeline facet (token, subject or session) so it
// reads events exactly as the timeline does.
import type { EventFacet } from '../db/event-records';
import { refreshIdKey } from '../../core/timeline';
import type { StoredFinding } from '../db/case-analysis-records';

/** Findings whose evidence is a move between places: their map is offered first. */
const PLACE_FINDINGS: ReadonlySet<string> = new Set(['impossible-travel', 'country-change']);

export type MapFacet = Extract<EventFacet, 'token' | 'subject' | 'session'>;

export interface MapScope {
  readonly facet: MapFacet;
  readonly value: string;
}

export function isPlaceFinding(finding: Pick<StoredFinding, 'id'>): boolean {
  return PLACE_FINDINGS.has(finding.id);
}

/**
 * The widest scope that covers the finding: its subject (every token and session of the person), else its
 * session, else its first token. A hop under the subject scope is one the detector judged too.
 */
export function mapScopeOf(
  finding: Pick<StoredFinding, 'subject' | 'sessionId' | 'tokenHashes'>,
): MapScope | undefined {
  if (finding.subject) return { facet: 'subject', value: finding.subject };
  if (finding.sessionId) return { facet: 'session', value: finding.sessionId };
  const token = finding.tokenHashes[0];
  return token ? { facet: 'token', value: token } : undefined;
}

/** The map route focus of a scope: `subject:alice@example.com`. */
export function mapFocus(scope: MapScope): string {
  return `${scope.facet}:${scope.value}`;
}

export function parseMapFocus(focus: string | undefined): MapScope | undefined {
  const match = /^(token|subject|session):(.+)$/s.exec(focus ?? '');
  return match ? { facet: match[1] as MapFacet, value: match[2]! } : undefined;
}

/** A detail's name in words: `distanceKm` → "distance km", `fromIp` → "from IP". */
export function detailLabel(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\b(ip|kmh|jti|iat|exp|url|api)\b/g, (word) => (word === 'kmh' ? 'km/h' : word.toUpperCase()));
}

/**
 * The lifecycle key of the refresh chain a finding names by identifier only (refresh-token-reuse over an identity
 * provider's export, where no token was captured): the Lifecycle tab draws that chain from its events.
 */
export function refreshChainOf(finding: Pick<StoredFinding, 'detail'>): string | undefined {
  const id = finding.detail.refreshTokenId;
  return typeof id === 'string' && id !== '' ? refreshIdKey(id) : undefined;
}

/** The key of the API profile a bad-token-accepted finding names (the APIs tab opens it), or undefined. */
export function apiProfileOf(finding: Pick<StoredFinding, 'id' | 'detail'>): string | undefined {
  const key = finding.detail.api;
  return finding.id === 'bad-token-accepted' && typeof key === 'string' && key !== '' ? key : undefined;
}
