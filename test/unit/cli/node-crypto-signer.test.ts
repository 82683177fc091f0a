import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeRs256Signer } from '../../../cli/node-crypto-signer';
import { signRs256 } from '../../../core/scenarios';
import { FIXTURE_KEYS } from '../../../core/scenarios/fixture-keys';

describe('RS256 signing of scenario tokens', () => {
  it.each(Object.entries(FIXTURE_KEYS))(
    '%s: core and node:crypto sign the same bytes, and node verifies them',
    (_name, key) => {
      const publicKey = createPublicKey(key.spkiPem);
      for (const input of ['a.b', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbG1hIn0', 'x'.repeat(1000)]) {
        const pure = signRs256(key, input);
        expect(pure).toBe(nodeRs256Signer(key, input));
        expect(verify('sha256', Buffer.from(input), publicKey, Buffer.from(pure, 'base64url'))).toBe(true);
      }
    },
  );
});
