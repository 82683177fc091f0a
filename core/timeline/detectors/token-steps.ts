import type { TokenStep, TokenTrack } from '../correlate';
import type { ProvingEvent } from '../finding-builder';

/** A timed use of the token (presented, or redeemed for refresh tokens), refused ones only when asked for. */
export function isTimedUse(step: TokenStep, includeRejected: boolean): boolean {
  return (
    (step.use === 'presented' || step.use === 'redeemed') &&
    step.entry.ts !== null &&
    (includeRejected || !step.entry.rejected)
  );
}

/** The token's issue event as a proving event, when the evidence has one. */
export function issueEvidence(track: TokenTrack): ProvingEvent[] {
  const step = track.steps.find((item) => item.use === 'issued');
  return step ? [{ entry: step.entry, role: 'issue', tokenHash: track.hash }] : [];
}

/** Subject and session of a token: from its claims, else from the first event that names them. */
export function ownerOf(track: TokenTrack): { subject?: string; sessionId?: string } {
  let subject = track.facts?.subject;
  let sessionId = track.facts?.sessionId;
  for (const step of track.steps) {
    subject ??= step.entry.effectiveSubject;
    sessionId ??= step.entry.effectiveSession;
    if (subject !== undefined && sessionId !== undefined) break;
  }
  return { ...(subject !== undefined ? { subject } : {}), ...(sessionId !== undefined ? { sessionId } : {}) };
}
