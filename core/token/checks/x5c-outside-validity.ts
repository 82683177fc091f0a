import type { Finding } from '../findings';
import type { CertificateInfo } from '../keyring/x509';
import { numericDateMs } from '../strict/claims';
import { findingOf, type CheckContext, type TokenCheck } from './check-types';
import { headerEvidence, iso } from './token-facts';
import { certificateDetail, certificateName, x5cChainOf } from './x5c-chain';
import { smallestOf } from '../../util/extremes';

/** The moment the chain is judged at, and how messages name it. */
interface ReferenceTime {
  readonly time: number;
  readonly at: 'iat' | 'first use' | 'analysis time';
  readonly phrase: string;
}

/**
 * The token's `iat` when it has one: the certificates vouch for the key at signing time. Without iat, the first
 * recorded use (the token existed by then, and a verifier accepted the chain then); without either, the analysis
 * time, as the other time checks do.
 */
function referenceTime({ decoded, useTimes, now }: CheckContext): ReferenceTime {
  const iat = numericDateMs(decoded.claims, 'iat');
  if (iat !== undefined) return { time: iat, at: 'iat', phrase: `when the token says it was issued (iat ${iso(iat)})` };
  if (useTimes.length > 0) {
    const first = smallestOf(useTimes);
    return { time: first, at: 'first use', phrase: `when the token was first used (${iso(first)}; it has no iat)` };
  }
  return {
    time: now,
    at: 'analysis time',
    phrase: `at the time of analysis (${iso(now)}; the token has no iat and no recorded use)`,
  };
}

function outsideWindow(
  certificate: CertificateInfo,
  index: number,
  reference: ReferenceTime,
  context: CheckContext,
): Finding | undefined {
  // Both ends are inclusive (RFC 5280 §4.1.2.5): a certificate is still valid at the very second of notAfter.
  const expired = reference.time > certificate.notAfter;
  if (!expired && reference.time >= certificate.notBefore) return undefined;
  const name = certificateName(certificate, index);
  const what = expired
    ? `had expired on ${iso(certificate.notAfter)}`
    : `was not valid until ${iso(certificate.notBefore)}`;
  const why = expired
    ? 'A genuine issuer does not sign with a key whose certificate has expired, and a verifier checking dates would have refused the chain: an old key reused, or a backdated or invented iat.'
    : 'The token was signed before the certificate that vouches for it existed: a forged chain, or a wrong or invented iat.';
  // Expiry measured against the analysis time alone proves little: the token may well predate it.
  const severity = expired && reference.at === 'analysis time' ? 'medium' : 'high';
  const detail = {
    ...certificateDetail(certificate, index),
    status: expired ? 'expired' : 'not-yet-valid',
    at: reference.at,
    time: iso(reference.time),
  };
  return findingOf(
    x5cOutsideValidity,
    `In the x5c chain, ${name} ${what}, ${reference.phrase}. ${why}`,
    headerEvidence(context.decoded, 'x5c', { detail }),
    severity,
  );
}

/** A certificate of the token's `x5c` chain that was expired or not yet valid when the token was issued. */
export const x5cOutsideValidity: TokenCheck = {
  id: 'x5c-outside-validity',
  title: 'x5c certificate outside its validity period',
  severity: 'high',
  references: ['RFC 5280 §4.1.2.5', 'RFC 5280 §6.1.3 (a)(2)', 'RFC 7515 §4.1.6'],
  run(context) {
    const chain = x5cChainOf(context.decoded);
    if (chain.length === 0) return [];
    const reference = referenceTime(context);
    return chain.flatMap((certificate, index) => outsideWindow(certificate, index, reference, context) ?? []);
  },
};
