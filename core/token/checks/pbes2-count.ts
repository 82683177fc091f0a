import { DEFAULT_JWE_LIMITS } from '../jwe/jwe-decrypter';
import { findingOf, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';

/** PBES2 iteration count over 10,000 (or not a positive integer): CPU exhaustion of whoever decrypts it. */
export const pbes2Count: TokenCheck = {
  id: 'pbes2-p2c',
  title: 'PBES2 iteration count too high',
  severity: 'high',
  references: ['RFC 7518 §4.8.1.2', 'RFC 8725 §3.2', 'CVE-2022-36083', 'CVE-2023-52428'],
  run({ decoded }) {
    const header = decoded.header;
    if (decoded.form !== 'jwe' || typeof header?.alg !== 'string' || !header.alg.startsWith('PBES2')) return [];
    const p2c = header.p2c;
    if (typeof p2c !== 'number' || !Number.isSafeInteger(p2c) || p2c < 1)
      return [
        findingOf(
          pbes2Count,
          `"p2c" is ${JSON.stringify(p2c)}; PBES2 needs a positive integer iteration count.`,
          headerEvidence(decoded, 'p2c'),
          'medium',
        ),
      ];
    if (p2c <= DEFAULT_JWE_LIMITS.maxPBES2Count) return [];
    return [
      findingOf(
        pbes2Count,
        `PBES2 "p2c" is ${p2c}, over ${DEFAULT_JWE_LIMITS.maxPBES2Count}: deriving the key would keep a server busy for ${p2c >= 1e8 ? 'minutes to hours' : 'seconds'} per token. Judged from the header; Tokentrail did not run the derivation.`,
        headerEvidence(decoded, 'p2c', { detail: { p2c, limit: DEFAULT_JWE_LIMITS.maxPBES2Count } }),
      ),
    ];
  },
};
