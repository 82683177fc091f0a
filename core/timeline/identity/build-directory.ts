import type { Timeline } from '../correlate';
import type { Entry } from '../entry';
import type { PersonNames, TokenFacts } from '../types';
import type { IdentityDirectory, NameKind, NameSighting, NameSource, SubjectIdentity } from './directory-types';
import { findConflicts } from './find-conflicts';

const KINDS: readonly NameKind[] = ['username', 'email', 'displayName'];
const SOURCE_RANK: Record<NameSource, number> = { log: 0, 'verified-token': 1, 'token-claim': 2 };

/**
 * Token checks whose finding means the signature proves nothing about who made the token (a guessable or empty HMAC
 * secret, a key taken from the token itself, algorithm confusion…): their tokens' names stay claims.
 */
const FORGERY_CHECKS = new Set([
  'alg-none',
  'weak-hmac-secret',
  'empty-hmac-key',
  'key-confusion',
  'key-confusion-encodings',
  'embedded-jwk',
  'ecdsa-psychic-signature',
  'key-outside-validity',
  'x5c-untrusted',
]);

/** Whether a token's claims can be taken as the issuer's word: a valid signature and no forgery check fired. */
export function isVerifiedToken(facts: TokenFacts): boolean {
  return facts.signature === 'valid' && !(facts.checkIds ?? []).some((id) => FORGERY_CHECKS.has(id));
}

type Sighting = { -readonly [K in keyof NameSighting]: NameSighting[K] };

/**
 * Build the case's identity directory from the correlated timeline: the names each record gives its user (the
 * formats' `details.username`, `details.email`, `details.displayName`) under the record's subject, and the names each
 * token's claims give under its `sub`, marked `verified-token` or `token-claim` by {@link isVerifiedToken}. One pass
 * over the events, so the cost is linear in the number of events.
 */
export function buildIdentityDirectory(timeline: Timeline): IdentityDirectory {
  const sightings = new Map<string, Sighting>();
  const note = (subject: string, names: PersonNames, source: NameSource, entry: Entry, tokenHash?: string) => {
    for (const kind of KINDS) {
      const value = names[kind];
      if (value === undefined) continue;
      const key = `${subject}\u0000${kind}\u0000${value}\u0000${source}`;
      const known = sightings.get(key);
      if (known) {
        known.count++;
        if (entry.ts !== null) known.lastTs = entry.ts;
        continue;
      }
      sightings.set(key, {
        kind,
        value,
        source,
        verified: source !== 'token-claim',
        count: 1,
        first: { ts: entry.ts, source: entry.source },
        lastTs: entry.ts,
        ...(tokenHash !== undefined ? { tokenHash } : {}),
      });
    }
  };
  // Timed entries in time order, then untimed: `first` is the earliest sighting, `lastTs` the latest timed one.
  for (const entries of [timeline.entries, timeline.untimed]) {
    for (const entry of entries) {
      const subject = entry.subject ?? entry.effectiveSubject;
      if (entry.names && subject !== undefined) note(subject, entry.names, 'log', entry);
      for (const token of entry.tokens) {
        const facts = timeline.facts.get(token.hash);
        if (facts?.names && facts.subject !== undefined)
          note(
            facts.subject,
            facts.names,
            isVerifiedToken(facts) ? 'verified-token' : 'token-claim',
            entry,
            token.hash,
          );
      }
    }
  }
  const bySubject = new Map<string, NameSighting[]>();
  for (const [key, sighting] of sightings) {
    const subject = key.slice(0, key.indexOf('\u0000'));
    const list = bySubject.get(subject);
    if (list) list.push(sighting);
    else bySubject.set(subject, [sighting]);
  }
  const subjects: SubjectIdentity[] = [...bySubject]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([subject, names]) => ({ subject, names: names.sort(compareSightings) }));
  return { subjects, conflicts: findConflicts(subjects) };
}

function compareSightings(a: NameSighting, b: NameSighting): number {
  return (
    KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
    SOURCE_RANK[a.source] - SOURCE_RANK[b.source] ||
    b.count - a.count ||
    (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
  );
}
