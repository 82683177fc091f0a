/**
 * # Tokentrail token engine (core/token)
 *
 * Pure TypeScript; runs in the renderer, web workers, Electron main and the CLI. Hosts bring the crypto.
 *
 * ## The one call
 * ```ts
 * const keyring = createKeyring([await loadKeyFile(bytes, 'jwks.json', { derivePublic })], lifecycles);
 * const verifier = createWebCryptoVerifier(crypto.subtle);            // or the CLI's node:crypto verifier
 * const result = await analyzeToken(tokenText, { verifier, keyring, caseConfig, useTimes, presentedTo, wordlist });
 * // result: { tokenHash, decoded, signature, findings, trail, jwe?, inner? }
 * ```
 * - `decoded`: the strict decoding ({@link decodeToken}): header, claims (or null), every signature, decode problems.
 * - `signature`: {@link SignatureVerdict} — `valid | invalid | no-key | unsupported | unsigned` (a token a strict
 *   conforming verifier refuses is `invalid`, with its `rejections`, even when a key matches), the key that verified
 *   (kid + RFC 7638 thumbprint), whether it was inside its validity window at iat and at each use time.
 * - `findings`: {@link Finding}s with stable ids (docs/checks.md), severity, evidence and a plain message.
 * - `trail`: every key considered and why it was or was not used.
 *
 * ## Seams a host implements
 * - {@link SignatureVerifier}: `verify(alg, key, data, signature) → Promise<boolean>`.
 * - {@link HmacProvider}: synchronous HMAC for guessing checks (default pure TypeScript).
 * - {@link SecretSearcher}: wordlist search (in-thread {@link createWordlistSearcher}, or a worker pool).
 * - {@link JweKeyResolver} / {@link JweDecrypter}: JWE keys held by the host, decryption (default jose).
 * - {@link PublicKeyDeriver}: public part of private keys that do not carry it (Ed25519 PKCS#8).
 *
 * Nothing here touches the network: jku, x5u, iss and JWKS URLs are only compared, never fetched.
 */
export {
  analyzeToken,
  analyzeTokenNow,
  effectiveSignature,
  type AnalyzeOptions,
  type TokenAnalysis,
} from './analyze-token';
export { createHeaderResults, type HeaderResults } from './header-results';
export {
  decodeToken,
  DEFAULT_MAX_TOKEN_LENGTH,
  MAX_JSON_SIGNATURES,
  type DecodedToken,
  type DecodedSignature,
  type DecodedJwe,
  type DecodeOptions,
  type Segment,
} from './strict/decode-token';
export type { DecodeProblem, DecodeProblemCode } from './strict/decode-problems';
export type { Rejection } from './strict/rejections';
export { decodeBase64UrlStrict, encodeBase64Url } from './strict/base64url-strict';
export { parseJsonStrict } from './strict/json-strict';
export { SEVERITY_RANK, highestSeverity, type Finding, type FindingEvidence, type Severity } from './findings';
export { JWS_ALGORITHMS, algorithmSpec, type JwsAlgorithm, type AlgorithmSpec } from './algorithms';
export { loadKeyFile, type LoadKeyOptions, type PublicKeyDeriver } from './keyring/load-keys';
export { createKeyring, describeKey } from './keyring/keyring';
export {
  EMPTY_KEYRING,
  type Keyring,
  type KeyringKey,
  type KeyProblem,
  type KeySource,
  type KeyFormat,
  type LoadedKeys,
} from './keyring/key-types';
export { keyStatusAt, type KeyWindowAt, type KeyWindowStatus } from './keyring/lifecycle';
export { jwkThumbprint, secretThumbprint } from './keyring/thumbprint';
export type { PublicJwk } from './keyring/public-key';
export type { CertificateInfo } from './keyring/x509';
export type { BasicConstraints, KeyUsageName } from './keyring/x509-extensions';
export type { SignatureVerifier, VerificationKey } from './crypto/signature-verifier';
export { createWebCryptoVerifier, createWebCryptoPublicKeyDeriver } from './crypto/webcrypto-verifier';
export type { SubtleLike } from './crypto/subtle-types';
export { pureHmac, type HmacProvider, type HmacHash } from './crypto/hmac';
export { guessingHmac } from './crypto/fast-hmac';
export {
  SHA256_IV,
  SHA256_K,
  sha256Compress,
  sha256Rounds,
  sha256Schedule,
  sha256StateBytes,
} from './crypto/sha256-compress';
export { sha256x4ModuleBytes } from './crypto/sha256-x4-wasm';
export {
  verifySignature,
  signingKeyOf,
  type SignatureVerdict,
  type SignatureStatus,
  type TrailEntry,
  type KeyReference,
} from './verify/verify-signature';
export { verificationKeyOf } from './verify/key-selection';
export {
  createWordlistSearcher,
  wordBatches,
  firstMatchingKeyOneByOne,
  matchCandidates,
  HMAC_HASH,
  MAX_WORD_BYTES,
  type SecretSearcher,
  type SecretTarget,
  type SecretMatch,
  type SearchOptions,
} from './secrets/secret-search';
export { COMMON_JWT_SECRETS } from './secrets/common-secrets';
export { weakSecretFinding, secretTargetOf } from './checks/weak-hmac-secret';
export {
  DEFAULT_JWE_LIMITS,
  type JweDecrypter,
  type JweKeyResolver,
  type JweKeyCandidate,
  type JweLimits,
  type JweOutcome,
} from './jwe/jwe-decrypter';
export { createJoseDecrypter } from './jwe/jose-decrypter';
export { readJweContent, type JweContent } from './jwe/jwe-content';
export { privateKeyResolver, privateKeysIn, type PrivateKeySource } from './jwe/private-keys';
export { privateKeyTexts, type PrivateKeyText } from './keyring/private-key-texts';
export { TOKEN_CHECKS, checkById } from './checks/registry';
export { tokenPresentation, type TokenPresentation } from './token-usage';
export type { TokenCheck, CheckContext } from './checks/check-types';
export { extractTokens, type ExtractedToken, type TokenSighting } from './extract-tokens';
