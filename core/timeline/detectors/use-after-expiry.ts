import { countOf, duration, iso, tokenName } from '../util/describe';
import { defineDetector } from './detector';
import { isTimedUse, issueEvidence, ownerOf } from './token-steps';

/** A token used after its `exp` (plus the tolerated clock skew). */
export const useAfterExpiry = defineDetector({
  id: 'use-after-expiry',
  title: 'Use after expiry',
  description:
    'The token is presented (or, for a refresh token, redeemed) after its exp claim plus the tolerated clock skew, and the server did not refuse it.',
  severity: 'high',
  defaults: { includeRejected: false },
  parameterHelp: {
    includeRejected:
      'Also count uses the server refused (401/403, outcome failure): attempts rather than accepted uses.',
  },
  references: ['RFC 7519 §4.1.4 (exp)', 'RFC 8725 §3.10', 'OWASP ASVS 4.0 V3.5.3'],
  run({ timeline, parameters, common, findings }) {
    const skew = common.clockSkewSeconds * 1000;
    let judged = 0;
    for (const track of timeline.tokens.values()) {
      const exp = track.facts?.expiresAt;
      if (exp === undefined) continue;
      judged++;
      const late = track.steps.filter(
        (step) => isTimedUse(step, parameters.includeRejected) && step.entry.ts! > exp + skew,
      );
      if (late.length === 0) continue;
      const last = late[late.length - 1]!.entry.ts!;
      const accepted = late.filter((step) => !step.entry.rejected).length;
      findings.add({
        detector: useAfterExpiry,
        scope: track.hash,
        message: `${tokenName(track.hash, track.facts?.jti)} expired at ${iso(exp)} but was used ${countOf(late.length, 'time')} afterwards (${accepted} accepted), first at ${iso(late[0]!.entry.ts)}, last at ${iso(last)} — ${duration(last - exp)} after expiry.`,
        explanation:
          'An expired token must be refused. Accepted uses after expiry mean a service does not check exp (or its clock is wrong), and whoever holds an old token — from a log, a backup, a stolen device — can still use it. Find which service accepted it from the request host and path.',
        tokenHashes: [track.hash],
        ...ownerOf(track),
        events: [
          ...issueEvidence(track),
          ...late.map((step) => ({ entry: step.entry, role: 'use-after-expiry', tokenHash: track.hash })),
        ],
        eventCount: late.length + issueEvidence(track).length,
        detail: {
          expiresAt: iso(exp),
          uses: late.length,
          accepted,
          lastUse: iso(last),
          secondsLate: Math.round((last - exp) / 1000),
        },
      });
    }
    return judged === 0 ? 'no token with a known exp (token analysis gives the claims)' : undefined;
  },
});
