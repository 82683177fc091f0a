import { sha256HexOfText } from '../evidence/sha256';
import type { EvidenceFileContent } from '../evidence/types';
import { decodeCompact } from './decode-compact';
import { findTokenStrings, type TokenOccurrence } from './find-tokens';

/** One place a token was seen: the evidence file (by path and hash) and the exact line and column. */
export interface TokenSighting extends Omit<TokenOccurrence, 'compact'> {
  readonly path: string;
  /** SHA-256 of the evidence file, so the sighting stays traceable even if paths repeat across imports. */
  readonly sha256: string;
}

/** A distinct token found in the evidence, identified by the SHA-256 of its compact form. */
export interface ExtractedToken {
  readonly tokenHash: string;
  /** The raw token, kept as evidence. */
  readonly compact: string;
  readonly form: 'jws' | 'jwe' | 'unsecured';
  readonly header: Record<string, unknown>;
  readonly claims?: Record<string, unknown>;
  readonly payloadText?: string;
  readonly problems: readonly string[];
  readonly sightings: readonly TokenSighting[];
  readonly alg?: string;
  readonly kid?: string;
  readonly iss?: string;
  readonly sub?: string;
  readonly aud?: readonly string[];
  readonly jti?: string;
  /** NumericDate claims converted to UTC epoch milliseconds. */
  readonly iat?: number;
  readonly nbf?: number;
  readonly exp?: number;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const numericDate = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined;

function audienceOf(value: unknown): readonly string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return undefined;
}

/** True for files that are clearly binary (a NUL early on): DER keys, images. They hold no compact tokens. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/**
 * Find every compact JWS/JWE in the given evidence, decode what needs no key, and merge repeats of the same token
 * into one record that lists every sighting. Output is ordered by first sighting.
 */
export function extractTokens(contents: readonly EvidenceFileContent[]): ExtractedToken[] {
  const byHash = new Map<string, { token: Omit<ExtractedToken, 'sightings'>; sightings: TokenSighting[] }>();
  const decoder = new TextDecoder('utf-8');
  for (const content of contents) {
    if (looksBinary(content.bytes)) continue;
    for (const occurrence of findTokenStrings(decoder.decode(content.bytes))) {
      const { compact, ...where } = occurrence;
      const tokenHash = sha256HexOfText(compact);
      let entry = byHash.get(tokenHash);
      if (!entry) {
        const decoded = decodeCompact(compact);
        if (!decoded) continue;
        const claims = decoded.claims ?? {};
        entry = {
          token: {
            tokenHash,
            compact,
            ...decoded,
            alg: text(decoded.header.alg),
            kid: text(decoded.header.kid),
            iss: text(claims.iss),
            sub: text(claims.sub),
            aud: audienceOf(claims.aud),
            jti: text(claims.jti),
            iat: numericDate(claims.iat),
            nbf: numericDate(claims.nbf),
            exp: numericDate(claims.exp),
          },
          sightings: [],
        };
        byHash.set(tokenHash, entry);
      }
      entry.sightings.push({ path: content.path, sha256: content.sha256, ...where });
    }
  }
  return [...byHash.values()].map(({ token, sightings }) => ({ ...token, sightings }));
}
