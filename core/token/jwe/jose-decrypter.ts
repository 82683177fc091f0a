import { compactDecrypt } from 'jose';
import type { JweDecrypter } from './jwe-decrypter';

/** Key management algorithms accepted. jose leaves PBES2 out by default; ours is admitted only after the p2c check. */
const KEY_MANAGEMENT = [
  'RSA-OAEP',
  'RSA-OAEP-256',
  'RSA-OAEP-384',
  'RSA-OAEP-512',
  'ECDH-ES',
  'ECDH-ES+A128KW',
  'ECDH-ES+A192KW',
  'ECDH-ES+A256KW',
  'A128KW',
  'A192KW',
  'A256KW',
  'A128GCMKW',
  'A192GCMKW',
  'A256GCMKW',
  'dir',
  'PBES2-HS256+A128KW',
  'PBES2-HS384+A192KW',
  'PBES2-HS512+A256KW',
];

/**
 * The {@link JweDecrypter} on jose, which runs in every host (WebCrypto underneath). jose enforces both limits
 * itself: it refuses PBES2 counts above maxPBES2Count and stops inflating at maxDecompressedLength.
 */
export function createJoseDecrypter(): JweDecrypter {
  return {
    async decrypt(compact, key, limits) {
      const result = await compactDecrypt(compact, key as Parameters<typeof compactDecrypt>[1], {
        keyManagementAlgorithms: KEY_MANAGEMENT,
        maxPBES2Count: limits.maxPBES2Count,
        maxDecompressedLength: limits.maxDecompressedLength,
      });
      return result.plaintext;
    },
  };
}
