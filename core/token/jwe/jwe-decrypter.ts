import type { DecodedToken } from '../strict/decode-token';

/**
 * JWE decryption where the bundle holds the key. The costly or dangerous steps are judged from the header first
 * and refused before any work: PBES2 iteration counts over {@link DEFAULT_JWE_LIMITS}.maxPBES2Count are never run,
 * and compressed plaintext ("zip": "DEF") is never inflated beyond maxDecompressedLength.
 */

/** A key that may decrypt a JWE; `key` is host-specific (bytes, CryptoKey, KeyObject, JWK). */
export interface JweKeyCandidate {
  readonly id: string;
  readonly description: string;
  readonly key: unknown;
}

/** Finds decryption keys for a JWE header (private keys are kept by the host, never in the keyring). */
export type JweKeyResolver = (
  header: Readonly<Record<string, unknown>>,
) => readonly JweKeyCandidate[] | Promise<readonly JweKeyCandidate[]>;

/** Limits on the expensive parts of decryption. */
export interface JweLimits {
  readonly maxPBES2Count: number;
  readonly maxDecompressedLength: number;
}

/** The limits used unless a host sets others. */
export const DEFAULT_JWE_LIMITS: JweLimits = { maxPBES2Count: 10_000, maxDecompressedLength: 256 * 1024 };

/** Decrypts a compact JWE with one key under limits; rejects when the key does not fit or a limit is hit. */
export interface JweDecrypter {
  decrypt(compact: string, key: unknown, limits: JweLimits): Promise<Uint8Array>;
}

/** What happened when decrypting. */
export type JweOutcome =
  | {
      readonly status: 'decrypted';
      readonly key: { readonly id: string; readonly description: string };
      readonly plaintext: Uint8Array;
    }
  | { readonly status: 'not-attempted'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string; readonly tried: readonly string[] };

/** Why decryption must not even be attempted, judged from the header alone; undefined when it may be. */
export function refuseFromHeader(
  header: Readonly<Record<string, unknown>> | null,
  limits: JweLimits,
): string | undefined {
  if (!header) return 'the JWE header cannot be decoded';
  const alg = header.alg;
  if (typeof alg === 'string' && alg.startsWith('PBES2')) {
    const p2c = header.p2c;
    if (typeof p2c !== 'number' || !Number.isSafeInteger(p2c) || p2c < 1)
      return `PBES2 without a valid "p2c" (${JSON.stringify(p2c)})`;
    if (p2c > limits.maxPBES2Count)
      return `PBES2 "p2c" is ${p2c}, over the ${limits.maxPBES2Count} Tokentrail runs: deriving the key would take the CPU hostage (the attack itself)`;
  }
  return undefined;
}

/** Try each resolved key until one decrypts. Never rejects. */
export async function decryptJwe(
  decoded: DecodedToken,
  resolver: JweKeyResolver | undefined,
  decrypter: JweDecrypter | undefined,
  limits: JweLimits = DEFAULT_JWE_LIMITS,
): Promise<JweOutcome> {
  if (decoded.form !== 'jwe') return { status: 'not-attempted', reason: 'not a JWE' };
  if (decoded.serialization !== 'compact' || !decoded.compact)
    return { status: 'not-attempted', reason: 'only compact JWEs are decrypted' };
  const refusal = refuseFromHeader(decoded.header, limits);
  if (refusal) return { status: 'not-attempted', reason: refusal };
  if (!resolver || !decrypter) return { status: 'not-attempted', reason: 'no decryption keys were provided' };
  let candidates: readonly JweKeyCandidate[];
  try {
    candidates = await resolver(decoded.header!);
  } catch (error) {
    return { status: 'failed', reason: `the key resolver failed (${String(error)})`, tried: [] };
  }
  if (candidates.length === 0)
    return { status: 'not-attempted', reason: `no key in the bundle fits alg ${JSON.stringify(decoded.header?.alg)}` };
  const tried: string[] = [];
  // Every key's own reason: with several keys, the one that fits (a decompression limit hit, say) must not be
  // hidden behind the last key's unrelated "wrong key length".
  const failures: { readonly key: string; readonly message: string }[] = [];
  for (const candidate of candidates) {
    tried.push(candidate.description);
    try {
      const plaintext = await decrypter.decrypt(decoded.compact, candidate.key, limits);
      return { status: 'decrypted', key: { id: candidate.id, description: candidate.description }, plaintext };
    } catch (error) {
      failures.push({ key: candidate.description, message: error instanceof Error ? error.message : String(error) });
    }
  }
  const reason =
    failures.length === 1
      ? failures[0]!.message
      : failures.map((failure) => `${failure.key}: ${failure.message}`).join('; ');
  return { status: 'failed', reason: reason || 'no key decrypted it', tried };
}
