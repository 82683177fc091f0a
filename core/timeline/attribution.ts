import type { TokenFacts } from './types';

/**
 * Which subject and session an event belongs to — the one rule every detector follows (correlation applies it to
 * each entry) and the map follows to pick a subject's or session's events: the record's own subject and session;
 * where the record names none, the claims (`sub`, `sid`) of the token the event is attributed through, which is
 * its first token, or the token its jti names when it carries none.
 */

/** What attribution reads from one event. */
export interface AttributableEvent {
  readonly subject?: string;
  readonly sessionId?: string;
  readonly jti?: string;
  /** The hash of the event's first token (in the order the record lists them), if it carries any. */
  readonly firstTokenHash?: string;
}

/** The subject and session the detectors attribute an event to. */
export interface AttributedIdentity {
  readonly subject?: string;
  readonly session?: string;
}

/** jti → token hash from the tokens' claims; the first token with a jti keeps it (input order). */
export function jtiIndex(facts: Iterable<TokenFacts>): Map<string, string> {
  const index = new Map<string, string>();
  for (const item of facts) if (item.jti !== undefined && !index.has(item.jti)) index.set(item.jti, item.tokenHash);
  return index;
}

/** The token an event is attributed through: its first token, else the token its jti names. */
export function attributingToken(event: AttributableEvent, jtiToHash: ReadonlyMap<string, string>): string | undefined {
  return event.firstTokenHash ?? (event.jti !== undefined ? jtiToHash.get(event.jti) : undefined);
}

// What logs write where they know no one: joining on these would make one "user" of every stranger.
const PLACEHOLDERS = new Set(['', '-', '--', 'null', 'nil', 'none', 'undefined', 'unknown', 'anonymous', 'n/a']);

/** Whether a subject or session value is a placeholder (`unknown`, `anonymous`, `-`, `null`, empty), not an identity. */
export function isPlaceholderIdentity(value: string): boolean {
  return value.length <= 16 && PLACEHOLDERS.has(value.trim().toLowerCase());
}

const identity = (value: string | undefined) =>
  value === undefined || isPlaceholderIdentity(value) ? undefined : value;

/**
 * The event's subject and session: its own, else those of the token it is attributed through. A placeholder is no
 * identity: nothing is joined on it (the record still shows what it wrote).
 */
export function attributeIdentity(
  event: AttributableEvent,
  facts: ReadonlyMap<string, TokenFacts>,
  jtiToHash: ReadonlyMap<string, string>,
): AttributedIdentity {
  const token = attributingToken(event, jtiToHash);
  const claims = token !== undefined ? facts.get(token) : undefined;
  return {
    subject: identity(event.subject) ?? identity(claims?.subject),
    session: identity(event.sessionId) ?? identity(claims?.sessionId),
  };
}
