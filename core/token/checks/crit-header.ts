import type { Finding } from '../findings';
import { findingOf, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';

/** Header parameter names defined by JWS/JWE/JWA that must never be listed in `crit` (RFC 7515 §4.1.11). */
const REGISTERED = new Set([
  'alg',
  'jku',
  'jwk',
  'kid',
  'x5u',
  'x5c',
  'x5t',
  'x5t#S256',
  'typ',
  'cty',
  'crit',
  'enc',
  'zip',
  'epk',
  'apu',
  'apv',
  'iv',
  'tag',
  'p2s',
  'p2c',
]);
/** Extensions Tokentrail understands. */
const UNDERSTOOD = new Set(['b64']);

/** A malformed `crit` header or one naming extensions a verifier must understand but Tokentrail (and most) do not. */
export const critHeader: TokenCheck = {
  id: 'crit-header',
  title: 'Problems with the crit header',
  severity: 'medium',
  references: ['RFC 7515 §4.1.11', 'RFC 7516 §4.1.13', 'RFC 8725 §3.11'],
  scope: 'header',
  run({ decoded }) {
    const header = decoded.header;
    if (!header || !('crit' in header)) return [];
    const crit = header.crit;
    const evidence = headerEvidence(decoded, 'crit');
    if (!Array.isArray(crit) || crit.length === 0 || !crit.every((name) => typeof name === 'string')) {
      return [
        findingOf(
          critHeader,
          '"crit" must be a non-empty array of header parameter names; conforming verifiers reject this token.',
          evidence,
        ),
      ];
    }
    const findings: Finding[] = [];
    const protectedHeader = decoded.signatures[0]?.protectedHeader ?? decoded.header;
    if (protectedHeader && !('crit' in protectedHeader))
      findings.push(
        findingOf(critHeader, '"crit" is in the unprotected header; it must be integrity protected.', evidence, 'high'),
      );
    const registered = crit.filter((name) => REGISTERED.has(name as string));
    if (registered.length > 0)
      findings.push(
        findingOf(
          critHeader,
          `"crit" lists registered parameters (${registered.join(', ')}), which RFC 7515 forbids.`,
          evidence,
        ),
      );
    const missing = crit.filter((name) => !((name as string) in header));
    if (missing.length > 0)
      findings.push(
        findingOf(critHeader, `"crit" lists ${missing.join(', ')}, which the header does not contain.`, evidence),
      );
    const unknown = crit.filter((name) => !REGISTERED.has(name as string) && !UNDERSTOOD.has(name as string));
    if (unknown.length > 0)
      findings.push(
        findingOf(
          critHeader,
          `"crit" requires the extension(s) ${unknown.join(', ')}; a verifier that does not understand them must reject the token. If a service accepted it, it ignored "crit".`,
          evidence,
        ),
      );
    return findings;
  },
};
