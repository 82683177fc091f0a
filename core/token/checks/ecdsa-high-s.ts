import { sha256HexOfText } from '../../evidence/sha256';
import { CURVE_SCALAR_BYTES, rawSignatureRange, splitRawSignature } from '../crypto/ecdsa';
import { encodeBase64Url } from '../strict/base64url-strict';
import { findingOf, type TokenCheck } from './check-types';
import { ecdsaFacts } from './ecdsa-facts';
import { signatureEvidence } from './token-facts';

/** The same signature with s replaced by n − s: the token's malleable twin, in compact form. */
function lowSTwin(compact: string, signature: Uint8Array, n: bigint, size: number): string {
  const { s } = splitRawSignature(signature);
  const twin = new Uint8Array(signature.length);
  twin.set(signature.subarray(0, size));
  let value = n - s;
  for (let at = signature.length - 1; at >= size; at--, value >>= 8n) twin[at] = Number(value & 0xffn);
  return `${compact.slice(0, compact.lastIndexOf('.'))}.${encodeBase64Url(twin)}`;
}

/**
 * ECDSA s above n/2. Many signers write high-S signatures (ECDSA does not forbid them, and RFC 7518 does not either),
 * so high-S alone is no sign of tampering and is not reported. It is reported where it matters: the case holds the
 * same signature in both S forms — one token was turned into the other, which only someone handling the token does —
 * or the case configuration says the verifiers require low-S (`requireLowS`), so this token is one they refuse.
 */
export const ecdsaHighS: TokenCheck = {
  id: 'ecdsa-high-s',
  title: 'ECDSA high-S signature (malleable)',
  severity: 'low',
  references: ['BIP-146 (low S)', 'SEC 1 v2 §4.1.3', 'RFC 7518 §3.4'],
  run({ decoded, caseConfig, caseTokenHashes }) {
    const facts = ecdsaFacts(decoded);
    if (!facts || !decoded.compact || facts.signature.length !== facts.expectedLength) return [];
    const range = rawSignatureRange(facts.signature, facts.crv);
    if (range.rZero || range.sZero || range.sTooBig || !range.sHigh) return [];
    const required = caseConfig?.requireLowS === true;
    // Half of all ECDSA signatures are high-S: without the case's tokens to look the twin up in (inspect of a file)
    // and without requireLowS there is nothing to report, and the twin's bigint arithmetic and hash are not paid.
    if (!caseTokenHashes && !required) return [];
    const twin = lowSTwin(decoded.compact, facts.signature, facts.n, CURVE_SCALAR_BYTES[facts.crv]);
    const twinHash = sha256HexOfText(twin);
    const twinSeen = caseTokenHashes?.has(twinHash) === true;
    if (!twinSeen && !required) return [];
    const reasons = [
      twinSeen
        ? `The case also holds its low-S twin, token ${twinHash.slice(0, 12)}…: the same header, claims and r with s replaced by n − s. Both verify. A signer writes one of them; the other was made from it by someone who handled the token, typically to slip past a replay or revocation list keyed on the token string.`
        : undefined,
      required
        ? "The case configuration says this case's verifiers require low-S signatures (requireLowS), so they refuse this token although its signature is mathematically valid."
        : undefined,
    ].filter((reason): reason is string => reason !== undefined);
    return [
      findingOf(
        ecdsaHighS,
        `The ${facts.alg} signature's s is in the upper half of the curve order (high-S). ${reasons.join(' ')}`,
        signatureEvidence(decoded, {
          detail: { curve: facts.crv, ...(twinSeen ? { lowSTwin: twinHash } : {}), requireLowS: required },
        }),
        twinSeen ? 'medium' : 'low',
      ),
    ];
  },
};
