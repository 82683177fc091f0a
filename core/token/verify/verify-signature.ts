import { algorithmSpec, type JwsAlgorithm } from '../algorithms';
import type { SignatureVerifier } from '../crypto/signature-verifier';
import type { Keyring, KeyringKey } from '../keyring/key-types';
import { keyStatusAt, type KeyWindowAt } from '../keyring/lifecycle';
import { numericDateMs } from '../strict/claims';
import type { DecodedSignature, DecodedToken } from '../strict/decode-token';
import type { Rejection } from '../strict/rejections';
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
  /** Why a strict conforming verifier refuses the token whatever the key (status `invalid`); absent when nothing does. */
  readonly rejections?: readonly Rejection[];
  /**
   * For a refused token: the key whose signature nevertheless matches the bytes as written. A forensic fact, not a
   * verdict: whoever made the token held this key, but no conforming verifier accepts what they made.
   */
  readonly matchedKey?: KeyReference;
}

/** Options of {@link verifySignature}. */
export interface VerifyOptions {
  /** Times (UTC epoch ms) the token was seen in use; the key's window is reported at each. */
  readonly useTimes?: readonly number[];
}

/**
 * The key that made the signature: the verifying key of a `valid` verdict, or for a token a conforming verifier
 * refuses, the key that matches its bytes as written. Checks that judge the signer (its window, a weak or empty
 * secret) ask this, since a refused token was made by whoever held that key just the same.
 */
export function signingKeyOf(
  verdict: Pick<SignatureVerdict, 'status' | 'key' | 'matchedKey'>,
): KeyReference | undefined {
  return verdict.status === 'valid' ? verdict.key : verdict.matchedKey;
}

const references = new WeakMap<KeyringKey, KeyReference>();

/** The reference findings and trails use for a key (built once per key: keyring keys are immutable). */
export function keyReference(key: KeyringKey): KeyReference {
  let reference = references.get(key);
  if (!reference) {
    reference = {
      id: key.id,
      kid: key.kid,
      thumbprint: key.thumbprint,
      source: `${key.source.file} (${key.source.format}${key.source.secretEncoding ? `, ${key.source.secretEncoding}` : ''})`,
    };
    references.set(key, reference);
  }
  return reference;
}

/**
 * A verdict without a verifying key, built field by field in the order object spread used to give: V8 (Node 20)
 * turns `{ ...base, more }` into a slow runtime copy, which cost more than an HMAC per token.
 */
function verdictOf(
  alg: string | undefined,
  kid: string | undefined,
  status: SignatureStatus,
  reason: string,
  trail: readonly TrailEntry[],
): Omit<SignatureVerdict, 'keyWindow'> {
  return { alg, kid, status, reason, trail };
}

/** A signature's verdict, with the key that verified it — or, for a refused token, the key that matches it as written. */
type Outcome = { verdict: Omit<SignatureVerdict, 'keyWindow'>; verifiedBy?: KeyringKey; matchedBy?: KeyringKey };

const keyName = (key: KeyringKey): string =>
  `${key.kid !== undefined ? `kid "${key.kid}"` : 'a key without kid'} (thumbprint ${key.thumbprint})`;

/** RFC 7518 §3.3 and §3.5: RS* and PS* keys of 2048 bits or more. jose refuses smaller ones; so does a strict verifier. */
const MIN_RSA_BITS = 2048;

/**
 * The refusal of a signature that only an unacceptable key verifies: an RSA key under 2048 bits (its size is known
 * from the keyring), or an empty HMAC secret — which node:crypto MACs with but WebCrypto and jose refuse to import,
 * so without this rule the CLI and the app would disagree on the same token.
 */
function unacceptableKey(key: KeyringKey, family: string): Rejection | undefined {
  if (family === 'HS' && key.secret?.length === 0)
    return {
      code: 'empty-hmac-key',
      message:
        'The key it verifies with is an empty HMAC secret; RFC 7518 §3.2 requires a key at least as long as the hash, and conforming verifiers refuse an empty one.',
    };
  if ((family !== 'RS' && family !== 'PS') || key.bits === undefined || key.bits >= MIN_RSA_BITS) return undefined;
  return {
    code: 'rsa-key-too-short',
    message: `The key it verifies with is a ${key.bits}-bit RSA key; RFC 7518 §3.3 requires 2048 bits or more, and conforming verifiers refuse smaller keys.`,
  };
}

/** The opening of a refused token's reason: what a conforming verifier objects to, before any key. */
function refusal(rejections: readonly Rejection[]): string {
  const more = rejections.length - 1;
  return `A conforming verifier rejects this token. ${rejections[0]!.message}${more > 0 ? ` (${more} more reason${more > 1 ? 's' : ''} in the findings.)` : ''}`;
}

/**
 * The verdict on a signature a strict verifier refuses (see strict/rejections.ts). `invalid` in every case; the
 * reason and `matchedKey` keep what the keys say, because a match over the bytes as written proves who made it.
 */
function refused(
  alg: string | undefined,
  kid: string | undefined,
  rejections: readonly Rejection[],
  matched: KeyringKey | undefined,
  tried: number,
  trail: readonly TrailEntry[],
): Omit<SignatureVerdict, 'keyWindow'> {
  const what = matched
    ? ` The ${alg} signature nevertheless matches the bytes as written with ${keyName(matched)}, so whoever made the token held that key.`
    : tried > 0
      ? ` Its ${alg} signature matches none of the ${tried} key(s) that fit it either.`
      : '';
  return {
    alg,
    kid,
    status: 'invalid',
    reason: `${refusal(rejections)}${what}`,
    trail,
    rejections,
    matchedKey: matched ? keyReference(matched) : undefined,
  };
}

/**
 * Verify one signature. Synchronous (no promise per check) when the verifier offers `verifySync`; otherwise each
 * key is awaited in turn. Both paths try the same keys in the same order and build the same trail.
 */
function verifyOne(
  index: number,
  signature: DecodedSignature,
  keyring: Keyring,
  verifier: SignatureVerifier,
): Outcome | Promise<Outcome> {
  const header = signature.header;
  const alg = header?.alg;
  const kid = typeof header?.kid === 'string' ? header.kid : undefined;
  const algName = typeof alg === 'string' ? alg : undefined;
  const trail: TrailEntry[] = [];
  const rejections = signature.rejections;
  if (header === null)
    return {
      verdict: verdictOf(
        algName,
        kid,
        'invalid',
        'The header cannot be decoded, so nothing about this token can be trusted.',
        trail,
      ),
    };
  if (typeof alg === 'string' && alg.toLowerCase() === 'none')
    return {
      verdict: verdictOf(
        algName,
        kid,
        'unsigned',
        `The token declares alg "${alg}": it carries no signature and proves nothing about who made it.`,
        trail,
      ),
    };
  const spec = algorithmSpec(alg);
  if (!spec)
    return {
      verdict:
        rejections.length > 0
          ? refused(algName, kid, rejections, undefined, 0, trail)
          : verdictOf(
              algName,
              kid,
              'unsupported',
              `The algorithm ${JSON.stringify(alg)} is not a JWS algorithm Tokentrail verifies.`,
              trail,
            ),
    };
  if (!signature.signature)
    return {
      verdict:
        rejections.length > 0
          ? refused(algName, kid, rejections, undefined, 0, trail)
          : verdictOf(algName, kid, 'invalid', 'The signature is not readable base64url.', trail),
    };
  if (signature.signature.length === 0)
    return {
      verdict: verdictOf(
        algName,
        kid,
        'invalid',
        `The token declares ${alg} but its signature is empty (stripped).`,
        trail,
      ),
    };
  const jws = spec.alg as JwsAlgorithm;
  const bytes = signature.signature;
  const byKid: KeyringKey[] = [];
  const others: KeyringKey[] = [];
  for (const key of keyring.keys) {
    const reason = unfitReason(key, jws);
    if (reason)
      trail.push({ key: keyReference(key), outcome: 'skipped', reason: `not used: ${reason}`, signatureIndex: index });
    else if (kid === undefined || key.kid === kid) byKid.push(key);
    else others.push(key);
  }
  const kidNote =
    kid === undefined ? ' (the token names no kid; every key of the right type is tried)' : ' (kid matches)';
  const otherNote = ` (kid differs from the token's "${kid}"; tried to see whether another key signed it)`;
  const refusedNote = rejections.length > 0 ? ', but a conforming verifier rejects the token (see the verdict)' : '';
  const record = (key: KeyringKey, ok: boolean, note: string): void => {
    trail.push({
      key: keyReference(key),
      outcome: ok ? 'verified' : 'mismatch',
      reason: ok
        ? `${refusedNote ? 'matches the bytes as written' : 'verified'}${note}${refusedNote}`
        : `tried${note}: the signature does not match`,
      signatureIndex: index,
    });
  };
  const conclude = (verifiedBy: KeyringKey | undefined, kidMatched: boolean): Outcome => {
    let tried = 0;
    for (const entry of trail) if (entry.outcome === 'mismatch') tried++;
    // Refused whatever the key: the verdict is `invalid`, and no verifying key (so no key window, no `key`).
    if (rejections.length > 0)
      return { verdict: refused(algName, kid, rejections, verifiedBy, tried, trail), matchedBy: verifiedBy };
    const weakKey = verifiedBy && unacceptableKey(verifiedBy, spec.family);
    if (weakKey) return { verdict: refused(algName, kid, [weakKey], verifiedBy, tried, trail), matchedBy: verifiedBy };
    if (verifiedBy) {
      return {
        verdict: {
          alg: algName,
          kid,
          status: 'valid',
          key: keyReference(verifiedBy),
          kidMatched,
          reason: `The ${alg} signature verifies with ${keyName(verifiedBy)}${kidMatched ? '' : `, although the token names kid "${kid}"`}.`,
          trail,
        },
        verifiedBy,
      };
    }
    if (tried > 0)
      return {
        verdict: verdictOf(
          algName,
          kid,
          'invalid',
          `The ${alg} signature matches none of the ${tried} key(s) that fit it.`,
          trail,
        ),
      };
    return {
      verdict: verdictOf(
        algName,
        kid,
        'no-key',
        `No key in the keyring can verify ${alg}${kid !== undefined ? ` with kid "${kid}"` : ''}; add the issuer's keys to judge this token.`,
        trail,
      ),
    };
  };
  const verifySync = verifier.verifySync?.bind(verifier);
  if (verifySync) {
    const trySync = (keys: readonly KeyringKey[], note: string): KeyringKey | undefined => {
      for (const key of keys) {
        const ok = verifySync(jws, verificationKeyOf(key), signature.signingInput, bytes);
        record(key, ok, note);
        if (ok) return key;
      }
      return undefined;
    };
    const first = trySync(byKid, kidNote);
    if (first || others.length === 0) return conclude(first, true);
    const other = trySync(others, otherNote);
    return conclude(other, other === undefined);
  }
  const tryKeys = async (keys: readonly KeyringKey[], note: string): Promise<KeyringKey | undefined> => {
    for (const key of keys) {
      const ok = await verifier.verify(jws, verificationKeyOf(key), signature.signingInput, bytes);
      record(key, ok, note);
      if (ok) return key;
    }
    return undefined;
  };
  return (async () => {
    const first = await tryKeys(byKid, kidNote);
    if (first || others.length === 0) return conclude(first, true);
    const other = await tryKeys(others, otherNote);
    return conclude(other, other === undefined);
  })();
}

const RANK: Record<SignatureStatus, number> = { valid: 4, invalid: 3, 'no-key': 2, unsupported: 1, unsigned: 0 };

const failed = (error: unknown): Outcome => ({
  verdict: { status: 'invalid', reason: `Verification failed unexpectedly (${String(error)}).`, trail: [] },
});

/** Combine the outcomes of a token's signatures into its verdict. */
function combine(decoded: DecodedToken, results: readonly Outcome[], options: VerifyOptions): SignatureVerdict {
  let best: Outcome | undefined;
  const trail: TrailEntry[] = [];
  for (const result of results) {
    trail.push(...result.verdict.trail);
    if (!best || RANK[result.verdict.status] > RANK[best.verdict.status]) best = result;
  }
  const key = best!.verifiedBy ?? best!.matchedBy;
  if (!key) return results.length === 1 ? best!.verdict : { ...best!.verdict, trail }; // one signature: its trail is the trail
  const iat = numericDateMs(decoded.claims, 'iat');
  const keyWindow = {
    atIssuedAt: iat === undefined ? undefined : keyStatusAt(key, iat),
    atUses: (options.useTimes ?? []).map((time) => keyStatusAt(key, time)),
  };
  // A refused token whose signature matches a key: the key's window still says whether whoever made it should have held it.
  if (!best!.verifiedBy) return { ...best!.verdict, trail, keyWindow };
  // A verdict with a verifying key always comes from verifyOne's `valid` branch: the same fields, spelled out.
  const { alg, kid, status, key: reference, kidMatched, reason } = best!.verdict;
  return { alg, kid, status, key: reference, kidMatched, reason, trail, keyWindow };
}

/**
 * {@link verifySignature} without a promise when the verifier is synchronous (`verifySync`): the bulk path of the
 * engine. Returns a promise only when some key had to be awaited. Never throws or rejects.
 */
export function verifySignatureNow(
  decoded: DecodedToken,
  keyring: Keyring,
  verifier: SignatureVerifier,
  options: VerifyOptions = {},
): SignatureVerdict | Promise<SignatureVerdict> {
  if (decoded.form === 'jwe')
    return {
      status: 'unsupported',
      alg: typeof decoded.header?.alg === 'string' ? decoded.header.alg : undefined,
      reason:
        'The token is a JWE: it is encrypted, not signed. Its content is judged after decryption (jwe-decryption).',
      trail: [],
    };
  if (decoded.signatures.length === 0)
    return { status: 'invalid', reason: 'The input is not a decodable token.', trail: [] };
  const results: Outcome[] = [];
  for (let index = 0; index < decoded.signatures.length; index++) {
    let result: Outcome | Promise<Outcome>;
    try {
      result = verifyOne(index, decoded.signatures[index]!, keyring, verifier);
    } catch (error) {
      result = failed(error);
    }
    if (result instanceof Promise)
      return finishAsync(decoded, keyring, verifier, options, results, index, result.catch(failed));
    results.push(result);
    if (result.verdict.status === 'valid') break;
  }
  return combine(decoded, results, options);
}

async function finishAsync(
  decoded: DecodedToken,
  keyring: Keyring,
  verifier: SignatureVerifier,
  options: VerifyOptions,
  results: Outcome[],
  index: number,
  pending: Promise<Outcome>,
): Promise<SignatureVerdict> {
  for (;;) {
    const result = await pending;
    results.push(result);
    if (result.verdict.status === 'valid' || ++index >= decoded.signatures.length) break;
    try {
      pending = Promise.resolve(verifyOne(index, decoded.signatures[index]!, keyring, verifier)).catch(failed);
    } catch (error) {
      pending = Promise.resolve(failed(error));
    }
  }
  return combine(decoded, results, options);
}

/** Verify a decoded token's signature(s) against a keyring. Never rejects. */
export async function verifySignature(
  decoded: DecodedToken,
  keyring: Keyring,
  verifier: SignatureVerifier,
  options: VerifyOptions = {},
): Promise<SignatureVerdict> {
  return verifySignatureNow(decoded, keyring, verifier, options);
}
