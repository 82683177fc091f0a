import type { Timeline } from './correlate';
import { refOf, type Entry } from './entry';
import { UnionFind } from './union-find';
import type { EventRef, TokenFamily } from './types';

/** Token families and, for each token, its family id and the token it came from. */
export interface FamilyIndex {
  readonly families: readonly TokenFamily[];
  readonly familyOf: ReadonlyMap<string, string>;
  readonly parentOf: ReadonlyMap<
    string,
    { readonly tokenHash: string; readonly via: 'refresh' | 'session'; readonly event?: EventRef }
  >;
  /** When each family was ended (revocation of one of its refresh tokens, or logout of its session). */
  readonly revokedAt: ReadonlyMap<string, { readonly at: number; readonly entry: Entry }>;
}

/**
 * Group tokens into families: a refresh token and what redeeming it produced are one family (the refresh chain);
 * tokens issued in the same session join the family of the session's earlier tokens. A family ends when one of its
 * refresh tokens is revoked or its session is logged out (RFC 9700 §4.14.2: revoking the family on reuse).
 */
export function buildFamilies(timeline: Timeline): FamilyIndex {
  const sets = new UnionFind();
  const parentOf = new Map<string, { tokenHash: string; via: 'refresh' | 'session'; event?: EventRef }>();
  const edges: { from: string; to: string; via: 'refresh' | 'session'; event?: EventRef }[] = [];
  for (const edge of timeline.refreshEdges) {
    sets.union(edge.from, edge.to);
    const event = refOf(edge.entry);
    if (!parentOf.has(edge.to)) parentOf.set(edge.to, { tokenHash: edge.from, via: 'refresh', event });
    edges.push({ from: edge.from, to: edge.to, via: 'refresh', event });
  }
  // Session links: each token issued in a session follows the session's previously issued token.
  const lastIssuedInSession = new Map<string, string>();
  const firstSeen: string[] = [];
  const seen = new Set<string>();
  for (const entry of [...timeline.entries, ...timeline.untimed]) {
    for (const token of entry.tokens) {
      if (!seen.has(token.hash)) {
        seen.add(token.hash);
        firstSeen.push(token.hash);
      }
      if (token.use !== 'issued') continue;
      const session = entry.effectiveSession ?? timeline.facts.get(token.hash)?.sessionId;
      if (session === undefined) continue;
      const previous = lastIssuedInSession.get(session);
      lastIssuedInSession.set(session, token.hash);
      if (previous === undefined || previous === token.hash) continue;
      if (sets.find(previous) !== sets.find(token.hash) || !parentOf.has(token.hash)) {
        if (!parentOf.has(token.hash))
          parentOf.set(token.hash, { tokenHash: previous, via: 'session', event: refOf(entry) });
        edges.push({ from: previous, to: token.hash, via: 'session', event: refOf(entry) });
      }
      sets.union(previous, token.hash);
    }
  }
  const members = new Map<string, string[]>();
  for (const hash of firstSeen) {
    const root = sets.find(hash);
    const list = members.get(root);
    if (list) list.push(hash);
    else members.set(root, [hash]);
  }
  const familyOf = new Map<string, string>();
  const familyByRoot = new Map<string, string>();
  for (const [root, hashes] of members) {
    if (hashes.length < 2) continue;
    const id = `family:${hashes[0]}`;
    familyByRoot.set(root, id);
    for (const hash of hashes) familyOf.set(hash, id);
  }
  const revokedAt = familyEnds(timeline, familyOf);
  const edgesOf = new Map<string, typeof edges>();
  for (const edge of edges) {
    const id = familyOf.get(edge.to);
    if (id === undefined) continue;
    const list = edgesOf.get(id);
    if (list) list.push(edge);
    else edgesOf.set(id, [edge]);
  }
  const families: TokenFamily[] = [];
  for (const [root, id] of familyByRoot) {
    const hashes = members.get(root)!;
    const sessions = new Set<string>();
    let subject: string | undefined;
    for (const hash of hashes) {
      const facts = timeline.facts.get(hash);
      for (const step of timeline.tokens.get(hash)?.steps ?? []) {
        if (step.entry.effectiveSession !== undefined) sessions.add(step.entry.effectiveSession);
        subject ??= step.entry.effectiveSubject;
      }
      if (facts?.sessionId !== undefined) sessions.add(facts.sessionId);
      subject ??= facts?.subject;
    }
    const end = revokedAt.get(id);
    families.push({
      id,
      sessionIds: [...sessions],
      subject,
      tokens: hashes,
      edges: edgesOf.get(id) ?? [],
      revoked: end ? { at: end.at, event: refOf(end.entry) } : undefined,
    });
  }
  return { families, familyOf, parentOf, revokedAt };
}

function familyEnds(
  timeline: Timeline,
  familyOf: ReadonlyMap<string, string>,
): Map<string, { at: number; entry: Entry }> {
  const ends = new Map<string, { at: number; entry: Entry }>();
  const sessionFamilies = new Map<string, Set<string>>();
  for (const [hash, id] of familyOf) {
    for (const step of timeline.tokens.get(hash)?.steps ?? []) {
      const session = step.entry.effectiveSession;
      if (session === undefined) continue;
      const set = sessionFamilies.get(session) ?? new Set<string>();
      set.add(id);
      sessionFamilies.set(session, set);
    }
  }
  const mark = (id: string | undefined, entry: Entry) => {
    if (id === undefined || entry.ts === null) return;
    const known = ends.get(id);
    if (!known || entry.ts < known.at) ends.set(id, { at: entry.ts, entry });
  };
  for (const entry of timeline.entries) {
    if (entry.kind === 'revoke') {
      for (const token of entry.tokens)
        if (timeline.tokens.get(token.hash)?.isRefreshToken) mark(familyOf.get(token.hash), entry);
    } else if (entry.kind === 'logout') {
      for (const token of entry.tokens) mark(familyOf.get(token.hash), entry);
      if (entry.effectiveSession !== undefined)
        for (const id of sessionFamilies.get(entry.effectiveSession) ?? []) mark(id, entry);
    }
  }
  return ends;
}
