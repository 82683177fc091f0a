import { createHash } from 'node:crypto';
import type { Sha256Factory } from '../core/evidence';

/**
 * Incremental SHA-256 by node:crypto (OpenSSL, with the CPU's SHA extensions where it has them): the CLI injects it
 * where core hashes every byte of a case archive, which the pure-JS default makes the slowest part (docs/benchmarks.md).
 */
export const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return {
    update: (chunk) => void hash.update(chunk),
    digestHex: () => hash.digest('hex'),
  };
};
