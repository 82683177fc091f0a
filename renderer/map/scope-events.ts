// The located events of one map scope, in time order, each marked by the timeline filter. A token's are its
// events; a subject's or session's are those the detectors attribute to it (scope-attribution.ts): events whose
// record names it, and events carrying a token whose claims name it (found through the `sub` index of the tokens,
// or, for a session's `sid`, by reading the case's tokens). An event that names its token only by jti and has no
// subject of its own cannot be found without a jti index, and is not drawn (docs/app.md, Map).
import { tokenFactsFromClaims } from '../../core/timeline';
import { jtiIndex } from '../../core/timeline';
import type { TokenFacts } from '../../core/timeline';
import type { StoredEvent } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';
import type { TimelineFilter } from '../timeline/timeline-filter';
import { casePages } from '../db/case-pages';
import type { MapScope } from '../findings/finding-links';
import { eachTimelineRow } from '../timeline/timeline-rows';
import type { EventMatcher } from '../timeline/timeline-match';
import { isLocated, MAX_POINTS, toPoint, type LocatedEvent, type LocatedEvents } from './located-events';
import { attributedToScope, type AttributionFields } from './scope-attribution';

/** An event read for the scope: what attribution needs, and its point when it has one (rows are not kept). */
interface Candidate {
  readonly fields: AttributionFields;
  readonly point?: LocatedEvent;
}

/** The facts of the case's tokens whose claims name the subject (`sub`) or session (`sid`). */
async function claimingTokens(database: TokentrailDatabase, caseId: string, scope: MapScope): Promise<TokenFacts[]> {
  const named = (facts: TokenFacts) => (scope.facet === 'subject' ? facts.subject : facts.sessionId) === scope.value;
  if (scope.facet === 'subject') {
    const tokens = await database.tokens
      .where('sub')
      .equals(scope.value)
      .filter((token) => token.caseId === caseId)
      .toArray();
    return tokens.map((token) => tokenFactsFromClaims(token.tokenHash, token.claims)).filter(named);
  }
  const found: TokenFacts[] = [];
  for await (const page of casePages(database.tokens, 'tokenHash', caseId, 1000))
    for (const token of page) {
      const facts = tokenFactsFromClaims(token.tokenHash, token.claims);
      if (named(facts)) found.push(facts);
    }
  return found;
}

/** Reads one source of the scope's events into `into`; true when it stopped at MAX_POINTS located events. */
function collect(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
  matches: EventMatcher,
  into: Map<number, Candidate>,
): Promise<boolean> {
  let located = 0;
  return eachTimelineRow(database, caseId, filter, (row: StoredEvent) => {
    const { subject, sessionId, jti, tokens } = row.event;
    const point = isLocated(row) ? toPoint(row, matches(row)) : undefined;
    if (point) located += 1;
    into.set(row.seq, { fields: { subject, sessionId, jti, tokens }, point });
    return located < MAX_POINTS;
  });
}

export async function loadScopeEvents(
  database: TokentrailDatabase,
  caseId: string,
  scope: MapScope,
  matches: EventMatcher,
): Promise<LocatedEvents> {
  const candidates = new Map<number, Candidate>();
  let truncated = await collect(database, caseId, { facets: { [scope.facet]: scope.value } }, matches, candidates);
  const facts = new Map<string, TokenFacts>();
  if (scope.facet !== 'token') {
    for (const claims of await claimingTokens(database, caseId, scope)) {
      facts.set(claims.tokenHash, claims);
      truncated =
        (await collect(database, caseId, { facets: { token: claims.tokenHash } }, matches, candidates)) || truncated;
    }
    // An event is attributed through its FIRST token, which may be another person's: read the claims of those too.
    const firstTokens = [
      ...new Set(
        [...candidates.values()]
          .map(({ fields }) => fields.tokens[0]?.hash)
          .filter((hash): hash is string => hash !== undefined && !facts.has(hash)),
      ),
    ];
    for (const token of await database.tokens.bulkGet(firstTokens.map((hash): [string, string] => [caseId, hash]))) {
      if (token) facts.set(token.tokenHash, tokenFactsFromClaims(token.tokenHash, token.claims));
    }
  }
  const jtiToHash = jtiIndex(facts.values());
  const belonging = [...candidates.values()].filter(({ fields }) => attributedToScope(fields, scope, facts, jtiToHash));
  const points = belonging.flatMap(({ point }) => (point ? [point] : [])).sort((a, b) => a.ts - b.ts || a.seq - b.seq);
  return {
    points: points.slice(0, MAX_POINTS),
    unlocated: belonging.length - points.length,
    truncated: truncated || points.length > MAX_POINTS,
  };
}
