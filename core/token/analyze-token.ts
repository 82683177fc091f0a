import type { CaseConfig } from '../evidence/case-config';
import type { CheckContext, TokenCheck } from './checks/check-types';
import { TOKEN_CHECKS } from './checks/registry';
import { pureHmac, type HmacProvider } from './crypto/hmac';
import type { SignatureVerifier } from './crypto/signature-verifier';
import { SEVERITY_RANK, type Finding } from './findings';
import { createJoseDecrypter } from './jwe/jose-decrypter';
import { DEFAULT_JWE_LIMITS, decryptJwe, type JweDecrypter, type JweKeyCandidate, type JweKeyResolver, type JweLimits, type JweOutcome } from './jwe/jwe-decrypter';
import { EMPTY_KEYRING, type Keyring } from './keyring/key-types';
import type { SecretSearcher } from './secrets/secret-search';
import { decodeToken, type DecodedToken, type DecodeOptions } from './strict/decode-token';
import { verifySignatureNow, type SignatureVerdict, type TrailEntry } from './verify/verify-signature';

/** Options of {@link analyzeToken}. Only `verifier` is required. */
export interface AnalyzeOptions {
  /** Does the signature arithmetic: WebCrypto (core) or node:crypto (CLI). */
  readonly verifier: SignatureVerifier;
  readonly keyring?: Keyring;
  readonly caseConfig?: CaseConfig;
  /** When the token was seen in use (UTC epoch ms). */
  readonly useTimes?: readonly number[];
  /** The API the token was presented to (an API name or a URL). */
  readonly presentedTo?: string;
  /** Searches an investigator wordlist for HS* secrets (in addition to the built-in list). */
  readonly wordlist?: SecretSearcher;
  /** Synchronous HMAC for the guessing checks; defaults to pure TypeScript. */
  readonly hmac?: HmacProvider;
  /** Keys for JWE decryption; symmetric keyring secrets are offered for dir/A*KW/PBES2 automatically. */
  readonly jweKeys?: JweKeyResolver;
  readonly jweDecrypter?: JweDecrypter;
  readonly jweLimits?: JweLimits;
  /** Analysis time (defaults to Date.now()). */
  readonly now?: number;
  readonly clockSkewSeconds?: number;
  /** Decoder options (size limit, native SHA-256). */
  readonly decode?: DecodeOptions;
  /** Run only these checks (default: all of TOKEN_CHECKS). */
  readonly checks?: readonly TokenCheck[];
}

/** The complete analysis of one token. */
export interface TokenAnalysis {
  readonly tokenHash: string;
  readonly decoded: DecodedToken;
  /** The verdict on the outer token; for a decrypted JWE or nested JWT see `inner`. */
  readonly signature: SignatureVerdict;
  /** Findings of this token and of its inner token (prefixed "Inner token:"), most severe first. */
  readonly findings: readonly Finding[];
  /** Every key considered, and why it was or was not used. */
  readonly trail: readonly TrailEntry[];
  readonly jwe?: JweOutcome;
  /** The analysis of a nested JWT or of a decrypted JWE's content. */
  readonly inner?: TokenAnalysis;
}

const SYMMETRIC_JWE = /^(?:dir|A\d{3}KW|A\d{3}GCMKW|PBES2-.*)$/;

function keyringSecrets(keyring: Keyring): JweKeyResolver {
  return (header) => {
    if (typeof header.alg !== 'string' || !SYMMETRIC_JWE.test(header.alg)) return [];
    return keyring.keys.filter((key) => key.secret && key.secret.length > 0 && (key.use === undefined || key.use === 'enc')).map((key): JweKeyCandidate => ({ id: key.id, description: `secret ${key.kid !== undefined ? `"${key.kid}" ` : ''}from ${key.source.file}`, key: key.secret }));
  };
}

function combineResolvers(first: JweKeyResolver, second: JweKeyResolver | undefined): JweKeyResolver {
  return async (header) => [...(await first(header)), ...(second ? await second(header) : [])];
}

async function runChecks(checks: readonly TokenCheck[], context: CheckContext): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const check of checks) {
    try {
      const result = check.run(context);
      findings.push(...(result instanceof Promise ? await result : result)); // most checks are synchronous
    } catch (error) {
      findings.push({ id: check.id, severity: 'info', message: `The ${check.id} check could not run on this token (${String(error)}); it was skipped.`, evidence: {} });
    }
  }
  return findings;
}

async function analyzeDecoded(decoded: DecodedToken, options: AnalyzeOptions, depth: number): Promise<TokenAnalysis> {
  const keyring = options.keyring ?? EMPTY_KEYRING;
  const useTimes = options.useTimes ?? [];
  const verdict = verifySignatureNow(decoded, keyring, options.verifier, { useTimes });
  const signature = verdict instanceof Promise ? await verdict : verdict;
  let jwe: JweOutcome | undefined;
  if (decoded.form === 'jwe') {
    jwe = await decryptJwe(decoded, combineResolvers(keyringSecrets(keyring), options.jweKeys), options.jweDecrypter ?? createJoseDecrypter(), options.jweLimits ?? DEFAULT_JWE_LIMITS);
  }
  const context: CheckContext = {
    decoded, signature, keyring, useTimes, jwe,
    caseConfig: options.caseConfig,
    presentedTo: options.presentedTo,
    verifier: options.verifier,
    hmac: options.hmac ?? pureHmac,
    now: options.now ?? Date.now(),
    clockSkewMs: (options.clockSkewSeconds ?? 60) * 1000,
    secretSearch: options.wordlist,
  };
  const findings = await runChecks(options.checks ?? TOKEN_CHECKS, context);
  let innerDecoded = decoded.nested;
  if (!innerDecoded && jwe?.status === 'decrypted') {
    const text = new TextDecoder().decode(jwe.plaintext);
    if (/^\s*[{e]/.test(text) && (text.includes('.') || text.trimStart().startsWith('{"payload"'))) innerDecoded = decodeToken(text, options.decode);
  }
  let inner: TokenAnalysis | undefined;
  if (innerDecoded && depth < 3) {
    inner = await analyzeDecoded(innerDecoded, options, depth + 1);
    findings.push(...inner.findings.map((finding) => ({ ...finding, message: `Inner token: ${finding.message}` })));
  }
  findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  return { tokenHash: decoded.tokenHash, decoded, signature, findings, trail: signature.trail, jwe, inner };
}

/**
 * Analyse one token (compact JWS/JWE or JWS JSON serialization): decode strictly, verify against the keyring,
 * decrypt a JWE when the bundle holds the key, and run every check. Never rejects on hostile input.
 */
export async function analyzeToken(compactOrJson: string, options: AnalyzeOptions): Promise<TokenAnalysis> {
  return analyzeDecoded(decodeToken(compactOrJson, options.decode), options, 0);
}

/** The verdict that speaks for the token: the inner token's when the outer one is a JWE (encrypted, not signed). */
export function effectiveSignature(analysis: TokenAnalysis): SignatureVerdict {
  if (analysis.inner && analysis.decoded.form === 'jwe') return effectiveSignature(analysis.inner);
  return analysis.signature;
}
