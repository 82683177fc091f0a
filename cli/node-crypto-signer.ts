import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { FixtureRsaKey, Rs256Signer } from '../core/scenarios';

const imported = new WeakMap<FixtureRsaKey, KeyObject>();

/**
 * RS256 signing of scenario tokens with node:crypto: the same bytes as core's pure-TypeScript signer
 * (RSASSA-PKCS1-v1_5 is deterministic; test/unit/cli/node-crypto-signer.test.ts compares them), about forty times
 * faster, which is what makes `tokentrail sample --events 1000000` practical.
 */
export const nodeRs256Signer: Rs256Signer = (key, signingInput) => {
  let privateKey = imported.get(key);
  if (!privateKey) {
    const { n, e, d, p, q, dp, dq, qi } = key;
    privateKey = createPrivateKey({ key: { kty: 'RSA', n, e, d, p, q, dp, dq, qi }, format: 'jwk' });
    imported.set(key, privateKey);
  }
  return sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url');
};
