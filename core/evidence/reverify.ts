import { sha256Hex } from './sha256';

/** Re-hash stored evidence bytes and compare with the digest recorded at import. */
export function reverifyBytes(bytes: Uint8Array, recordedSha256: string): { intact: boolean; sha256: string } {
  const sha256 = sha256Hex(bytes);
  return { intact: sha256 === recordedSha256, sha256 };
}
