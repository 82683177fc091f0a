import type { AuthEvent } from '../sources';
import { decodeCompact } from '../token/decode-compact';
import { isPlaceholderIdentity } from './attribution';

/**
 * The subject an event belongs to when its record names none: the `sub` claim of the token it carries — the same
 * rule as attribution (attribution.ts), which the detectors follow, read here from the token itself so the timeline
 * can show and filter by it from the moment the event is stored. A JWE's claims are not readable without its key,
 * and an event attributed only through a jti is left to the detectors.
 */

/** What the subject of an event is read from. */
export type SubjectOrigin = 'record' | 'token-claim';

/** The subject the timeline shows and filters an event under, and where it comes from. */
export interface ShownSubject {
  readonly subject: string;
  readonly origin: SubjectOrigin;
}

const identity = (value: string | undefined): string | undefined =>
  value === undefined || value === '' || isPlaceholderIdentity(value) ? undefined : value;

/** The `sub` claim of the event's first token, when the record itself names no subject (none, or a placeholder). */
export function tokenClaimSubject(event: Pick<AuthEvent, 'subject' | 'tokens'>): string | undefined {
  if (identity(event.subject) !== undefined) return undefined;
  const first = event.tokens[0];
  if (!first) return undefined;
  const sub = decodeCompact(first.compact)?.claims?.sub;
  return typeof sub === 'string' ? identity(sub) : undefined;
}

/** The record's own subject, else its token's `sub` (marked as such), else a placeholder the record wrote, else none. */
export function shownSubject(event: Pick<AuthEvent, 'subject' | 'tokens'>): ShownSubject | undefined {
  const claimed = tokenClaimSubject(event);
  if (claimed !== undefined) return { subject: claimed, origin: 'token-claim' };
  return event.subject ? { subject: event.subject, origin: 'record' } : undefined;
}
