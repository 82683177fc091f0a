import { algorithmSpec, type JwsAlgorithm } from '../algorithms';
import type { SignatureVerifier } from '../crypto/signature-verifier';
import type { Keyring, KeyringKey } from '../keyring/key-types';
import { keyStatusAt, type KeyWindowAt } from '../keyring/lifecycle';
import { numericDateMs } from '../strict/claims';
import type { DecodedSignature, DecodedToken } from '../strict/decode-token';
import { unfitReason, verificationKeyOf } from './key-selection';

/**
 * Signature verification against a keyring, with a trail of every key considered and why it was or was not used,
 * and — for the key that verified — whether it was inside its validity window at iat and at every use.
 */

/** The verdict on a token's signature. */
export type SignatureStatus = 'valid' | 'invalid' | 'no-key' | 'unsupported' | 'unsigned';

/** A key as findings and reports name it. */
export interface KeyReference {
  readonly id: string;
  readonly kid?: string;
  readonly thumbprint: string;
  readonly source: string;
}

/** One key considered during verification. */
export interface TrailEntry {
  readonly key: KeyReference;
  readonly outcome: 'verified' | 'mismatch' | 'skipped';
  readonly reason: string;
  /** Index of the signature (general JSON serializations carry several). */
  readonly signatureIndex: number;
}

/** Whether the verifying key was inside its window at the token's iat and at each use. */
export interface KeyWindowReport {
  readonly atIssuedAt?: KeyWindowAt;
  readonly atUses: readonly KeyWindowAt[];
}

/** The outcome of verification. */
export interface SignatureVerdict {
  readonly status: SignatureStatus;
  readonly alg?: string;
  readonly kid?: string;
  /** The key that verified the signature. */
  readonly key?: KeyReference;
  readonly keyWindow?: KeyWindowReport;
  /** False when the signature verified with a key whose kid differs from the token's kid. */
  readonly kidMatched?: boolean;
  /** Plain-language summary. */
  readonly reason: string;
  readonly trail: readonly TrailEntry[];
}

/** Options of {@link verifySignature}. */
export interface VerifyOptions {
  /** Times (UTC epoch ms) the token was seen in use; the key's window is reported at each. */
  readonly useTimes?: readonly number[];
}

/** The reference findings and trails use for a key. */
export function keyReference(key: KeyringKey): KeyReference {
  return { id: key.id, kid: key.kid, thumbprint: key.thumbprint, source: `${key.source.file} (${key.source.format}${key.source.secretEncoding ? `, ${key.source.secretEncoding}` : ''})` };
}

async function verifyOne(index: number, signature: DecodedSignature, keyring: Keyring, verifier: SignatureVerifier): Promise<{ verdict: Omit<SignatureVerdict, 'keyWindow'>; verifiedBy?: KeyringKey }> {
  const header = signature.header;
  const alg = header?.alg;
  const kid = typeof header?.kid === 'string' ? header.kid : undefined;
  const base = { alg: typeof alg === 'string' ? alg : undefined, kid };
  const trail: TrailEntry[] = [];
  if (header === null) return { verdict: { ...base, status: 'invalid', reason: 'The header cannot be decoded, so nothing about this token can be trusted.', trail } };
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') return { verdict: { ...base, status: 'unsigned', reason: `The token declares alg "${alg}": it carries no signature and proves nothing about who made it.`, trail } };
  const spec = algorithmSpec(alg);
  if (!spec) return { verdict: { ...base, status: 'unsupported', reason: `The algorithm ${JSON.stringify(alg)} is not a JWS algorithm Tokentrail verifies.`, trail } };
  if (!signature.signature) return { verdict: { ...base, status: 'invalid', reason: 'The signature is not readable base64url.', trail } };
  if (signature.signature.length === 0) return { verdict: { ...base, status: 'invalid', reason: `The token declares ${alg} but its signature is empty (stripped).`, trail } };
  const jws = spec.alg as JwsAlgorithm;
  const fitting: KeyringKey[] = [];
  for (const key of keyring.keys) {
    const reason = unfitReason(key, jws);
    if (reason) trail.push({ key: keyReference(key), outcome: 'skipped', reason: `not used: ${reason}`, signatureIndex: index });
    else fitting.push(key);
  }
  const byKid = kid === undefined ? fitting : fitting.filter((key) => key.kid === kid);
  const others = kid === undefined ? [] : fitting.filter((key) => key.kid !== kid);
  const tryKeys = async (keys: readonly KeyringKey[], note: string): Promise<KeyringKey | undefined> => {
    for (const key of keys) {
      const ok = await verifier.verify(jws, verificationKeyOf(key), signature.signingInput, signature.signature!);
      trail.push({ key: keyReference(key), outcome: ok ? 'verified' : 'mismatch', reason: ok ? `verified${note}` : `tried${note}: the signature does not match`, signatureIndex: index });
      if (ok) return key;
    }
    return undefined;
  };
  let verifiedBy = await tryKeys(byKid, kid === undefined ? ' (the token names no kid; every key of the right type is tried)' : ' (kid matches)');
  let kidMatched = true;
  if (!verifiedBy && others.length > 0) {
    verifiedBy = await tryKeys(others, ` (kid differs from the token's "${kid}"; tried to see whether another key signed it)`);
    kidMatched = verifiedBy === undefined;
  }
  if (verifiedBy) {
    const name = `${verifiedBy.kid !== undefined ? `kid "${verifiedBy.kid}"` : 'a key without kid'} (thumbprint ${verifiedBy.thumbprint})`;
    return {
      verdict: { ...base, status: 'valid', key: keyReference(verifiedBy), kidMatched, reason: `The ${alg} signature verifies with ${name}${kidMatched ? '' : `, although the token names kid "${kid}"`}.`, trail },
      verifiedBy,
    };
  }
  const tried = trail.filter((entry) => entry.outcome === 'mismatch').length;
  if (tried > 0) return { verdict: { ...base, status: 'invalid', reason: `The ${alg} signature matches none of the ${tried} key(s) that fit it.`, trail } };
  return { verdict: { ...base, status: 'no-key', reason: `No key in the keyring can verify ${alg}${kid !== undefined ? ` with kid "${kid}"` : ''}; add the issuer's keys to judge this token.`, trail } };
}

const RANK: Record<SignatureStatus, number> = { valid: 4, invalid: 3, 'no-key': 2, unsupported: 1, unsigned: 0 };

/** Verify a decoded token's signature(s) against a keyring. Never rejects. */
export async function verifySignature(decoded: DecodedToken, keyring: Keyring, verifier: SignatureVerifier, options: VerifyOptions = {}): Promise<SignatureVerdict> {
  if (decoded.form === 'jwe') return { status: 'unsupported', alg: typeof decoded.header?.alg === 'string' ? decoded.header.alg : undefined, reason: 'The token is a JWE: it is encrypted, not signed. Its content is judged after decryption (jwe-decryption).', trail: [] };
  if (decoded.signatures.length === 0) return { status: 'invalid', reason: 'The input is not a decodable token.', trail: [] };
  let best: Awaited<ReturnType<typeof verifyOne>> | undefined;
  const trail: TrailEntry[] = [];
  for (const [index, signature] of decoded.signatures.entries()) {
    const result = await verifyOne(index, signature, keyring, verifier).catch((error: unknown) => ({ verdict: { status: 'invalid' as const, reason: `Verification failed unexpectedly (${String(error)}).`, trail: [] } }));
    trail.push(...result.verdict.trail);
    if (!best || RANK[result.verdict.status] > RANK[best.verdict.status]) best = result;
    if (result.verdict.status === 'valid') break;
  }
  const verdict = { ...best!.verdict, trail };
  const key = 'verifiedBy' in best! ? best.verifiedBy : undefined;
  if (!key) return verdict;
  const iat = numericDateMs(decoded.claims, 'iat');
  return { ...verdict, keyWindow: { atIssuedAt: iat === undefined ? undefined : keyStatusAt(key, iat), atUses: (options.useTimes ?? []).map((time) => keyStatusAt(key, time)) } };
}
