import { countOf, duration, iso, tokenName } from '../util/describe';
import { defineDetector } from './detector';
import { isTimedUse, issueEvidence, ownerOf } from './token-steps';

/** A token used after an event revoked it. */
export const useAfterRevocation = defineDetector({
  id: 'use-after-revocation',
  title: 'Use after revocation',
  description:
    'The token is presented or redeemed after a revoke event for it (by token or jti), beyond the grace period for revocation to propagate, and the server did not refuse it.',
  severity: 'high',
  defaults: { graceSeconds: 60, includeRejected: false },
  parameterHelp: {
    graceSeconds: 'Time a revocation may take to reach every service (caches, introspection), in seconds.',
    includeRejected: 'Also count uses the server refused.',
  },
  references: ['RFC 7009 §2 (token revocation)', 'RFC 9700 §4.14 (refresh token protection)'],
  run({ timeline, parameters, findings }) {
    const grace = parameters.graceSeconds * 1000;
    let revocations = 0;
    for (const track of timeline.tokens.values()) {
      const revoke = track.steps.find((step) => step.use === 'revoked' && step.entry.ts !== null);
      if (!revoke) continue;
      revocations++;
      const revokedAt = revoke.entry.ts!;
      const late = track.steps.filter(
        (step) => isTimedUse(step, parameters.includeRejected) && step.entry.ts! > revokedAt + grace,
      );
      if (late.length === 0) continue;
      const accepted = late.filter((step) => !step.entry.rejected).length;
      const last = late[late.length - 1]!.entry.ts!;
      findings.add({
        detector: useAfterRevocation,
        scope: track.hash,
        message: `${tokenName(track.hash, track.facts?.jti)} was revoked at ${iso(revokedAt)} but used ${countOf(late.length, 'time')} afterwards (${accepted} accepted), first at ${iso(late[0]!.entry.ts)}, last ${duration(last - revokedAt)} after the revocation.`,
        explanation:
          'Revocation is what an incident responder does to cut an attacker off. A self-contained JWT stays valid at every service that only checks its signature and exp, so uses after revocation show that revocation did not reach those services — or that the revoked token was replayed by someone who kept a copy.',
        tokenHashes: [track.hash],
        ...ownerOf(track),
        events: [
          ...issueEvidence(track),
          { entry: revoke.entry, role: 'revoke', tokenHash: track.hash },
          ...late.map((step) => ({ entry: step.entry, role: 'use-after-revocation', tokenHash: track.hash })),
        ],
        eventCount: late.length + 1 + issueEvidence(track).length,
        detail: { revokedAt: iso(revokedAt), uses: late.length, accepted, lastUse: iso(last) },
      });
    }
    return revocations === 0 ? 'no revoke event in the evidence' : undefined;
  },
});
