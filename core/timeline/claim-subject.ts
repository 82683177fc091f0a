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

/**
 * Tokens whose `sub` was read lately. Ingest asks once per stored event, and a gateway log repeats the same few
 * tokens on most of its lines: decoding each again (base64url and JSON of header and claims) cost more than the rest
 * of the row. Bounded in entries and in the length of a token kept, so hostile evidence cannot grow it.
 */
const recentSubjects = new Map<string, string | undefined>();
const RECENT_SUBJECTS = 4096;
const LONGEST_REMEMBERED = 8192;

function claimSubject(compact: string): string | undefined {
  if (recentSubjects.has(compact)) return recentSubjects.get(compact);
  const sub = decodeCompact(compact)?.claims?.sub;
  const subject = typeof sub === 'string' ? identity(sub) : undefined;
  if (compact.length <= LONGEST_REMEMBERED) {
    if (recentSubjects.size >= RECENT_SUBJECTS) recentSubjects.clear();
    recentSubjects.set(compact, subject);
  }
  return subject;
}

/** The `sub` claim of the event's first token, when the record itself names no subject (none, or a placeholder). */
export function tokenClaimSubject(event: Pick<AuthEvent, 'subject' | 'tokens'>): string | undefined {
  if (identity(event.subject) !== undefined) return undefined;
  const first = event.tokens[0];
  return first ? claimSubject(first.compact) : undefined;
}

/** The record's own subject, else its token's `sub` (marked as such), else a placeholder the record wrote, else none. */
export function shownSubject(event: Pick<AuthEvent, 'subject' | 'tokens'>): ShownSubject | undefined {
  const claimed = tokenClaimSubject(event);
  if (claimed !== undefined) return { subject: claimed, origin: 'token-claim' };
  return event.subject ? { subject: event.subject, origin: 'record' } : undefined;
}
