import { findingOf, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';

/** Patterns of injection payloads seen in `kid` values, each with the attack it serves. */
export const KID_PATTERNS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  {
    name: 'path traversal',
    pattern: /(?:\.\.[/\\])|(?:^|[/\\])\.\.$|^\/(?:dev|proc|etc|var|tmp)\/|^[a-zA-Z]:\\|%2e%2e|\/dev\/null/i,
  },
  // "--" opens an SQL comment only after a quote, a bracket, whitespace or at the start: between two identifier
  // characters it is ordinary text (base64url key ids, RFC 7638 thumbprints among them, often hold "--").
  {
    name: 'SQL injection',
    pattern:
      /'|(?:^|[\s'")])--|\/\*|;\s*\w|\bunion\b[\s\S]*\bselect\b|\bor\b\s+['"\d]|\bselect\b[\s\S]*\bfrom\b|\bsleep\s*\(/i,
  },
  { name: 'shell command injection', pattern: /\$\(|`|\|\||&&|[|;]\s*\w+|\$\{/ },
  { name: 'NoSQL operator', pattern: /\$(?:ne|gt|lt|gte|lte|regex|where|in|nin|exists|or|and)\b/ },
  { name: 'CRLF / header injection', pattern: /[\r\n]/ },
  { name: 'NUL byte', pattern: /\0/ },
  { name: 'URL or remote reference', pattern: /^(?:https?|file|ldap|gopher|ftp):/i },
];

/** Recent kids and the patterns they match: bulk input repeats a few kids, and seven regexes per token add up. */
const kidMatches = new Map<string, readonly string[]>();

function kidPatternsOf(kid: string): readonly string[] {
  let matched = kidMatches.get(kid);
  if (!matched) {
    matched = KID_PATTERNS.filter(({ pattern }) => pattern.test(kid)).map(({ name }) => name);
    if (kid.length <= 256) {
      if (kidMatches.size >= 256) kidMatches.clear();
      kidMatches.set(kid, matched);
    }
  }
  return matched;
}

/** A `kid` that is not a plain identifier: path traversal, SQL, shell, NoSQL, CRLF, NUL, or not even a string. */
export const kidInjection: TokenCheck = {
  id: 'kid-injection',
  title: 'Injection payload in kid',
  severity: 'high',
  references: ['RFC 7515 §4.1.4', 'RFC 8725 §3.10', 'PortSwigger: JWT kid header path traversal', 'CVE-2021-29500'],
  scope: 'header',
  run({ decoded }) {
    if (!decoded.header || !('kid' in decoded.header)) return [];
    const kid = decoded.header.kid;
    if (typeof kid !== 'string')
      return [
        findingOf(
          kidInjection,
          `"kid" is ${kid === null ? 'null' : Array.isArray(kid) ? 'an array' : `a ${typeof kid}`}, not a string: key lookups that assume a string (SQL, NoSQL, file paths) can be subverted by objects and arrays.`,
          headerEvidence(decoded, 'kid', { detail: { kind: 'non-string' } }),
        ),
      ];
    const matched = kidPatternsOf(kid);
    if (matched.length === 0) return [];
    return [
      findingOf(
        kidInjection,
        `"kid" looks like a ${matched.join(' and ')} payload (${JSON.stringify(kid.length > 80 ? `${kid.slice(0, 80)}…` : kid)}): someone probed how the server looks up keys.`,
        headerEvidence(decoded, 'kid', { detail: { kind: matched.join(', ') } }),
      ),
    ];
  },
};
