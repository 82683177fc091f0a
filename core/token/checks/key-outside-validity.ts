import type { Finding } from '../findings';
import { isOutsideWindow, type KeyWindowAt } from '../keyring/lifecycle';
import { findingOf, type TokenCheck } from './check-types';
import { iso, signatureEvidence } from './token-facts';
import { signingKeyOf } from '../verify/verify-signature';

const WHY: Record<KeyWindowAt['status'], string> = {
  active: 'active',
  unknown: 'of unknown status',
  'not-yet-active': 'not yet activated',
  retired: 'already retired',
  revoked: 'revoked',
  'certificate-not-yet-valid': 'covered by a certificate not yet valid',
  'certificate-expired': 'covered by an expired certificate',
};

/**
 * Signed by a key outside its validity window at iat or at a use: not yet active, retired, revoked, compromised. The
 * key is the verifying one, or for a token a conforming verifier refuses, the one that matches its bytes as written.
 */
export const keyOutsideValidity: TokenCheck = {
  id: 'key-outside-validity',
  title: 'Signed by a key outside its validity window',
  severity: 'high',
  references: ['RFC 7517 §4 (key lifecycle is out of band)', 'NIST SP 800-57 Part 1 §5.3', 'RFC 8725 §3.10'],
  run({ decoded, signature }) {
    const key = signingKeyOf(signature);
    if (!signature.keyWindow || !key) return [];
    const evidence = (window: KeyWindowAt, when: string) =>
      signatureEvidence(decoded, {
        key: { kid: key.kid, thumbprint: key.thumbprint, source: key.source },
        detail: { at: when, time: iso(window.time), status: window.status, compromised: window.compromised },
      });
    const findings: Finding[] = [];
    const { atIssuedAt, atUses } = signature.keyWindow;
    const name = key.kid !== undefined ? `Key "${key.kid}"` : `Key ${key.thumbprint}`;
    if (atIssuedAt && isOutsideWindow(atIssuedAt)) {
      findings.push(
        findingOf(
          keyOutsideValidity,
          `${name} was ${WHY[atIssuedAt.status]} when this token says it was issued (${iso(atIssuedAt.time)}). A genuine issuer would not have used it; someone holding the key (or backdating iat) did.`,
          evidence(atIssuedAt, 'iat'),
          atIssuedAt.status === 'revoked' ? 'critical' : 'high',
        ),
      );
    }
    const badUse = atUses.find(isOutsideWindow);
    if (badUse)
      findings.push(
        findingOf(
          keyOutsideValidity,
          `${name} was ${WHY[badUse.status]} when the token was used at ${iso(badUse.time)}; verifiers should no longer have trusted it.`,
          evidence(badUse, 'use'),
          badUse.status === 'revoked' ? 'critical' : 'high',
        ),
      );
    const compromised = atIssuedAt?.compromised || atUses.some((window) => window.compromised);
    if (compromised)
      findings.push(
        findingOf(
          keyOutsideValidity,
          `${name} is recorded as compromised: a valid signature from it proves nothing about who made the token.`,
          signatureEvidence(decoded, {
            key: { kid: key.kid, thumbprint: key.thumbprint, source: key.source },
            detail: { compromised: true },
          }),
          'critical',
        ),
      );
    return findings;
  },
};
