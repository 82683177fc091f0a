import type { Severity } from '../../token/findings';
import type { TokenTrack } from '../correlate';
import { countOf, iso, tokenName } from '../util/describe';
import { defineDetector } from './detector';
import { ownerOf } from './token-steps';

/** Token-engine checks whose finding means anyone could have made the token. */
const FORGEABLE = new Set([
  'alg-none',
  'signature-missing',
  'weak-hmac-secret',
  'empty-hmac-key',
  'key-confusion',
  'embedded-jwk',
  'jku-x5u',
  'x5c-untrusted',
  'kid-injection',
  'ecdsa-psychic-signature',
]);

interface Verdict {
  readonly severity: Severity;
  readonly likely: string;
}

function judge(track: TokenTrack, predatesLog: boolean): Verdict {
  const facts = track.facts;
  const forgeable = facts?.checkIds?.filter((id) => FORGEABLE.has(id)) ?? [];
  if (facts?.signature === 'unsigned')
    return {
      severity: 'critical',
      likely: 'It is unsigned (alg "none"): anyone could have written it, so forgery is the likely explanation.',
    };
  if (facts?.signature === 'invalid')
    return {
      severity: 'critical',
      likely: "Its signature does not verify with the issuer's keys: it was forged or altered.",
    };
  if (forgeable.length > 0)
    return {
      severity: 'critical',
      likely: `The token engine found ${forgeable.join(', ')}: anyone could have minted it, so forgery is likely.`,
    };
  if (predatesLog)
    return {
      severity: 'low',
      likely:
        'It was issued before the earliest issuance record in the evidence, so the issuance is probably just outside the logs collected.',
    };
  if (facts?.signature === 'valid')
    return {
      severity: 'high',
      likely:
        "Its signature verifies with a genuine issuer key: either that private key is in someone else's hands (key compromise) or the issuer's log is incomplete.",
    };
  return {
    severity: 'medium',
    likely:
      'Its signature could not be checked (no matching key in the bundle), so forgery, key compromise and a log gap all remain open.',
  };
}

/** Kinds of event that issue a token, whether or not they carry it. */
const ISSUING_KINDS: ReadonlySet<string> = new Set(['issue', 'login', 'refresh']);

/** A token seen in use but never in an issue or refresh event. */
export const tokenNeverIssued = defineDetector({
  id: 'token-never-issued',
  title: 'Token never issued',
  description:
    'A token is presented or redeemed, but no event in the evidence issues it (issue, login, refresh, set-cookie). Only judged when the evidence holds issuance records at all.',
  severity: 'medium',
  defaults: { requireIssuanceEvidence: true },
  parameterHelp: {
    requireIssuanceEvidence:
      'Skip the detector when the evidence contains no issuance record at all (every token would be "never issued").',
  },
  references: ['RFC 8725 §2 (threats: substitution, forged tokens)', 'NIST SP 800-92 (log completeness)'],
  run({ timeline, parameters, findings }) {
    let firstIssuance: number | undefined;
    for (const entry of timeline.entries)
      if (entry.tokens.some((token) => token.use === 'issued')) {
        firstIssuance = entry.ts!;
        break;
      }
    if (firstIssuance === undefined && parameters.requireIssuanceEvidence) {
      // Identity-provider exports record issues without the token itself: say they were seen and why they do not
      // count, rather than that there were none.
      const unnamed = timeline.entries.filter((entry) => ISSUING_KINDS.has(entry.kind)).length;
      return unnamed > 0
        ? `the evidence holds ${countOf(unnamed, 'issue, login or refresh event')}, but none names the token it issued (identity-provider exports leave the token out), so no token can be matched to its issue`
        : 'the evidence holds no issuance record (issue, login, refresh or set-cookie event)';
    }
    for (const track of timeline.tokens.values()) {
      if (track.steps.some((step) => step.use === 'issued')) continue;
      const uses = track.steps.filter(
        (step) => (step.use === 'presented' || step.use === 'redeemed') && step.entry.ts !== null,
      );
      if (uses.length === 0) continue;
      const firstUse = uses[0]!.entry.ts!;
      const madeAt = track.facts?.issuedAt ?? firstUse;
      const verdict = judge(track, firstIssuance !== undefined && madeAt < firstIssuance);
      findings.add({
        detector: tokenNeverIssued,
        severity: verdict.severity,
        scope: track.hash,
        message: `${tokenName(track.hash, track.facts?.jti)} was used ${countOf(uses.length, 'time')}, first at ${iso(firstUse)}${uses[0]!.entry.path ? ` (${uses[0]!.entry.method ?? ''} ${uses[0]!.entry.path})`.replace('( ', '(') : ''}, but no issue or refresh event in the evidence produced it${track.facts?.issuedAt !== undefined ? ` (its iat says ${iso(track.facts.issuedAt)})` : ''}. ${verdict.likely}`,
        explanation:
          "Three explanations fit a token nobody issued: forgery (a weak or missing signature, a key-confusion trick), key compromise (a valid signature from a genuine key that the issuer did not use), or a gap in the logs. Telling them apart: the signature verdict and the token checks show forgery; the issuer's own records for this jti (its database, HSM or KMS signing logs) show whether the issuer made it; the continuity of the issuer's log around the iat (other tokens issued then, jti sequence, log rotation) shows a gap.",
        tokenHashes: [track.hash],
        ...ownerOf(track),
        events: uses.map((step) => ({ entry: step.entry, role: 'use', tokenHash: track.hash })),
        detail: {
          uses: uses.length,
          signature: track.facts?.signature ?? 'not analysed',
          issuedAt: track.facts?.issuedAt !== undefined ? iso(track.facts.issuedAt) : null,
          firstIssuanceRecord: firstIssuance !== undefined ? iso(firstIssuance) : null,
        },
      });
    }
    return undefined;
  },
});
