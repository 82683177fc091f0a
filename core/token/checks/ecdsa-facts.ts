import { algorithmSpec } from '../algorithms';
import { CURVE_ORDER } from '../crypto/ecdsa';
import type { DecodedToken } from '../strict/decode-token';

/** The ECDSA facts of a token when it declares ES256/384/512: curve order, expected length and signature bytes. */
export function ecdsaFacts(
  decoded: DecodedToken,
):
  | { alg: string; crv: 'P-256' | 'P-384' | 'P-521'; n: bigint; expectedLength: number; signature: Uint8Array }
  | undefined {
  const signature = decoded.signatures[0];
  const spec = algorithmSpec(signature?.header?.alg);
  if (decoded.form !== 'jws' || spec?.family !== 'ES' || !signature?.signature || signature.signature.length === 0)
    return undefined;
  const crv = spec.crv as 'P-256' | 'P-384' | 'P-521';
  return {
    alg: spec.alg,
    crv,
    n: CURVE_ORDER[crv],
    expectedLength: spec.signatureLength!,
    signature: signature.signature,
  };
}
