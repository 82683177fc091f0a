import { findingOf, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';

/** A compressed JWE (`zip`): decompression bombs (CVE-2024-28176, CVE-2024-28102) — judged from the header only. */
export const jweZip: TokenCheck = {
  id: 'jwe-zip',
  title: 'Compressed JWE (zip)',
  severity: 'medium',
  references: ['RFC 7516 §4.1.3', 'RFC 8725 §3.6', 'CVE-2024-28176', 'CVE-2024-28102', 'CVE-2023-50658'],
  run({ decoded }) {
    const zip = decoded.header?.zip;
    if (decoded.form !== 'jwe' || zip === undefined) return [];
    const ratio = decoded.jwe?.ciphertext
      ? ` The ciphertext is ${decoded.jwe.ciphertext.length} bytes; what it inflates to was not computed.`
      : '';
    if (zip !== 'DEF')
      return [
        findingOf(
          jweZip,
          `"zip" is ${JSON.stringify(zip)}, not the only registered value "DEF".`,
          headerEvidence(decoded, 'zip'),
          'high',
        ),
      ];
    return [
      findingOf(
        jweZip,
        `The JWE is compressed ("zip": "DEF"). A few kilobytes can inflate to gigabytes in a decrypting server (decompression bomb), and compression before encryption can leak content length.${ratio}`,
        headerEvidence(decoded, 'zip'),
      ),
    ];
  },
};
