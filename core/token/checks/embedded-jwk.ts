import { algorithmSpec, type JwsAlgorithm } from '../algorithms';
import { publicKeyEntry } from '../keyring/load-keys';
import { publicJwkOf } from '../keyring/public-key';
import { isJsonObject } from '../strict/json-strict';
import { unfitReason, verificationKeyOf } from '../verify/key-selection';
import type { Finding } from '../findings';
import { findingOf, type CheckContext, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';

/** A `jwk` header: the token carries the key to verify it with (CVE-2018-0114). */
export const embeddedJwk: TokenCheck = {
  id: 'embedded-jwk',
  title: 'Key embedded in the header (jwk)',
  severity: 'high',
  references: ['RFC 7515 §4.1.3', 'RFC 8725 §3.10', 'CVE-2018-0114'],
  run(context) {
    return context.decoded.header?.jwk === undefined ? [] : inspectEmbeddedJwk(context);
  },
};

async function inspectEmbeddedJwk({
  decoded,
  keyring,
  verifier,
  signature: verdict,
}: CheckContext): Promise<Finding[]> {
  const jwk = decoded.header?.jwk;
  if (!isJsonObject(jwk))
    return [
      findingOf(embeddedJwk, 'The header carries a "jwk" that is not a JSON object.', headerEvidence(decoded, 'jwk')),
    ];
  if ('d' in jwk || 'k' in jwk) {
    return [
      findingOf(
        embeddedJwk,
        'The header carries a "jwk" with private or secret material ("d" or "k"): the signing key itself travels with the token.',
        headerEvidence(decoded, 'jwk'),
        'critical',
      ),
    ];
  }
  const publicJwk = publicJwkOf(jwk);
  if (!publicJwk)
    return [
      findingOf(
        embeddedJwk,
        'The header carries a "jwk" that is not a usable public key.',
        headerEvidence(decoded, 'jwk'),
      ),
    ];
  const embedded = publicKeyEntry(publicJwk, { file: 'token header', format: 'jwk' });
  const known = keyring.keys.find((key) => key.thumbprint === embedded.thumbprint);
  const signature = decoded.signatures[0];
  const spec = algorithmSpec(signature?.header?.alg);
  let verifiesWithEmbedded = false;
  if (
    spec &&
    signature?.signature &&
    signature.signature.length > 0 &&
    !unfitReason(embedded, spec.alg as JwsAlgorithm)
  ) {
    verifiesWithEmbedded = await verifier.verify(
      spec.alg as JwsAlgorithm,
      verificationKeyOf(embedded),
      signature.signingInput,
      signature.signature,
    );
  }
  const evidence = headerEvidence(decoded, 'jwk', {
    key: {
      thumbprint: embedded.thumbprint,
      kid: typeof jwk.kid === 'string' ? jwk.kid : undefined,
      source: 'token header',
    },
    detail: { verifiesWithEmbeddedKey: verifiesWithEmbedded, inKeyring: known !== undefined },
  });
  if (known)
    return [
      findingOf(
        embeddedJwk,
        `The header embeds a key that is in the keyring (thumbprint ${embedded.thumbprint}). Harmless only if verifiers ignore the embedded key and use their own.`,
        evidence,
        'low',
      ),
    ];
  if (verifiesWithEmbedded && verdict.status !== 'valid') {
    return [
      findingOf(
        embeddedJwk,
        `The token verifies only with the key it carries itself (thumbprint ${embedded.thumbprint}), which is not in the keyring: a self-signed forgery that works against verifiers trusting the "jwk" header (CVE-2018-0114).`,
        evidence,
        'critical',
      ),
    ];
  }
  return [
    findingOf(
      embeddedJwk,
      `The header embeds a key unknown to the keyring (thumbprint ${embedded.thumbprint})${verifiesWithEmbedded ? ', and the token verifies with it' : ''}. Verifiers must never take the key from the token.`,
      evidence,
    ),
  ];
}
