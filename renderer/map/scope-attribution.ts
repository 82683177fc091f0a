// Whether an event belongs to a subject or session the way the detectors decide it (core/timeline attribution):
// the record's own subject or session, else the claims of the token it is attributed through. The timeline's
// subject filter reads the record field alone; the map follows the detectors so its hops are theirs.
import { attributeIdentity } from '../../core/timeline';
import type { TokenFacts } from '../../core/timeline';
import type { AuthEvent } from '../../core/sources';
import type { MapScope } from '../findings/finding-links';

export type AttributionFields = Pick<AuthEvent, 'subject' | 'sessionId' | 'jti' | 'tokens'>;

/** True when the detectors would count the event as the scope's (subject and session scopes). */
export function attributedToScope(
  event: AttributionFields,
  scope: MapScope,
  facts: ReadonlyMap<string, TokenFacts>,
  jtiToHash: ReadonlyMap<string, string>,
): boolean {
  if (scope.facet === 'token') return event.tokens.some((token) => token.hash === scope.value);
  const identity = attributeIdentity(
    { subject: event.subject, sessionId: event.sessionId, jti: event.jti, firstTokenHash: event.tokens[0]?.hash },
    facts,
    jtiToHash,
  );
  return (scope.facet === 'subject' ? identity.subject : identity.session) === scope.value;
}
