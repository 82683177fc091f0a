import type { CaseConfig } from '../evidence/case-config';
import { attributeIdentity, jtiIndex } from './attribution';
import { classifyTokenUses } from './token-uses';
import { SingleLists } from './single-lists';
import { compareEntries, type Entry } from './entry';
import { hashLinkSettings } from './hashed-tokens/link-fields';
import { linkHashedRecords, type HashLinkStats } from './hashed-tokens/link-records';
import type { KeyHistoryEntry, TokenFacts, TokenUse } from './types';

/** One appearance of a token in the timeline. */
export interface TokenStep {
  readonly entry: Entry;
  readonly use: TokenUse;
}

/** Everything known about one token: its facts and every event it appears in (timed in order, then untimed). */
export interface TokenTrack {
  readonly hash: string;
  readonly facts?: TokenFacts;
  readonly steps: TokenStep[];
  /** Seen with the refresh_token role, or redeemed: a refresh token. */
  isRefreshToken: boolean;
}

/** A refresh edge: redeeming `from` in `entry` produced `to`. */
export interface RefreshEdge {
  readonly from: string;
  readonly to: string;
  readonly entry: Entry;
}

/** The correlated timeline every detector and the lifecycle builder read. Built once, in linear time after one sort. */
export interface Timeline {
  /** Timed entries in time order (ties: input order). */
  readonly entries: readonly Entry[];
  /** Entries without a time: correlated by token, not placed in time. */
  readonly untimed: readonly Entry[];
  readonly tokens: ReadonlyMap<string, TokenTrack>;
  readonly facts: ReadonlyMap<string, TokenFacts>;
  /** jti → token hash, from token claims and from events that carry both. */
  readonly jtiToHash: ReadonlyMap<string, string>;
  readonly refreshEdges: readonly RefreshEdge[];
  /** Records linked to a token they name only by digest or jti, and digests left unlinked as ambiguous. */
  readonly hashLinking: HashLinkStats;
  readonly caseConfig?: CaseConfig;
  readonly keyHistory: readonly KeyHistoryEntry[];
}

/**
 * Correlate events: sort once by time, resolve events that name a token only by digest or jti to that token
 * (core/timeline/hashed-tokens), classify how each token took part
 * (issued, presented, redeemed, revoked, logged out), infer subject and session from token claims where the record
 * has none, and record refresh edges.
 */
export function correlate(
  rawEntries: Entry[],
  factsList: Iterable<TokenFacts>,
  caseConfig: CaseConfig | undefined,
  keyHistory: readonly KeyHistoryEntry[],
): Timeline {
  const facts = new Map<string, TokenFacts>();
  for (const item of factsList) facts.set(item.tokenHash, item);
  const entries = rawEntries.filter((entry) => entry.ts !== null);
  const untimed = rawEntries.filter((entry) => entry.ts === null);
  entries.sort(compareEntries);

  const jtiToHash = jtiIndex(facts.values());
  for (const entry of rawEntries)
    if (entry.jti !== undefined && entry.roles.length === 1 && !jtiToHash.has(entry.jti))
      jtiToHash.set(entry.jti, entry.roles[0]!.hash);
  const hashLinking = linkHashedRecords(rawEntries, facts, jtiToHash, hashLinkSettings(caseConfig).forms);

  const tokens = new Map<string, TokenTrack>();
  const refreshEdges: RefreshEdge[] = [];
  const track = (hash: string): TokenTrack => {
    let found = tokens.get(hash);
    if (!found) {
      found = { hash, facts: facts.get(hash), steps: [], isRefreshToken: false };
      tokens.set(hash, found);
    }
    return found;
  };
  const seenBefore = (hash: string) => tokens.has(hash);
  // One shared list per single (token, use): most entries take part with one token (single-lists.ts).
  const singleUses = new SingleLists<TokenUse, Entry['tokens'][number]>((hash, use) => ({ hash, use }));
  const place = (entry: Entry) => {
    if (entry.roles.length === 0 && entry.jti !== undefined) {
      const hash = jtiToHash.get(entry.jti);
      if (hash !== undefined) entry.roles = [{ hash, role: 'field', link: { by: 'jti', field: 'jti' } }];
    }
    const uses = classifyTokenUses(entry, seenBefore);
    entry.tokens =
      uses.length === 1
        ? singleUses.of(uses[0]!.hash, uses[0]!.use)
        : uses.map(({ hash, use }) => singleUses.itemOf(hash, use));
    const redeemed: string[] = [];
    for (const token of entry.tokens) {
      const item = track(token.hash);
      item.steps.push({ entry, use: token.use });
      if (token.use === 'redeemed') redeemed.push(token.hash);
      if (
        token.use === 'redeemed' ||
        entry.roles.some((role) => role.hash === token.hash && role.role === 'refresh_token')
      )
        item.isRefreshToken = true;
    }
    for (const from of redeemed)
      for (const token of entry.tokens) if (token.use === 'issued') refreshEdges.push({ from, to: token.hash, entry });
    // The jti was resolved into roles above, so the first token already is the one the event is attributed through.
    const identity = attributeIdentity(
      { subject: entry.subject, sessionId: entry.sessionId, firstTokenHash: entry.tokens[0]?.hash },
      facts,
      jtiToHash,
    );
    entry.effectiveSubject = identity.subject;
    entry.effectiveSession = identity.session;
  };
  for (const entry of entries) place(entry);
  for (const entry of untimed) place(entry);
  return { entries, untimed, tokens, facts, jtiToHash, refreshEdges, hashLinking, caseConfig, keyHistory };
}
