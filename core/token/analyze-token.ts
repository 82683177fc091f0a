import type { CaseConfig } from '../evidence/case-config';
import type { CheckContext, TokenCheck } from './checks/check-types';
import { TOKEN_CHECKS } from './checks/registry';
import { pureHmac, type HmacProvider } from './crypto/hmac';
import type { SignatureVerifier } from './crypto/signature-verifier';
import { SEVERITY_RANK, type Finding } from './findings';
import type { HeaderResults } from './header-results';
import { createJoseDecrypter } from './jwe/jose-decrypter';
import { readJweContent } from './jwe/jwe-content';
import {
  DEFAULT_JWE_LIMITS,
  decryptJwe,
  type JweDecrypter,
  type JweKeyCandidate,
  type JweKeyResolver,
  type JweLimits,
  type JweOutcome,
} from './jwe/jwe-decrypter';
import { EMPTY_KEYRING, type Keyring } from './keyring/key-types';
import type { SecretSearcher } from './secrets/secret-search';
import { andThen, eachInOrder, type MaybePromise } from '../util/maybe-async';
import { decodeToken, isUnsecured, type DecodedToken, type DecodeOptions } from './strict/decode-token';
import { verifySignatureNow, type SignatureVerdict, type TrailEntry } from './verify/verify-signature';
import { appendAll } from '../util/append-all';

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
  /** The SHA-256 of every distinct token of the case (see CheckContext.caseTokenHashes). */
  readonly caseTokenHashes?: ReadonlySet<string>;
  /** Run only these checks (default: all of TOKEN_CHECKS). */
  readonly checks?: readonly TokenCheck[];
  /**
   * Findings of header-scoped checks remembered by header, for bulk analysis with these options (one cache per
   * option set: see createHeaderResults). Without it every check runs on every token; the findings are the same.
   */
  readonly headerResults?: HeaderResults;
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
    return keyring.keys
      .filter((key) => key.secret && key.secret.length > 0 && (key.use === undefined || key.use === 'enc'))
      .map((key): JweKeyCandidate => ({
        id: key.id,
        description: `secret ${key.kid !== undefined ? `"${key.kid}" ` : ''}from ${key.source.file}`,
        key: key.secret,
      }));
  };
}

function combineResolvers(first: JweKeyResolver, second: JweKeyResolver | undefined): JweKeyResolver {
  return async (header) => [...(await first(header)), ...(second ? await second(header) : [])];
}

function checkFailed(check: TokenCheck, error: unknown): Finding {
  return {
    id: check.id,
    severity: 'info',
    message: `The ${check.id} check could not run on this token (${String(error)}); it was skipped.`,
    evidence: {},
  };
}

/**
 * Run the checks in order. Synchronous while every check is (the bulk of tokens: no promise per check or per
 * token); from the first check that returns a promise on, the rest are awaited in turn, in the same order. A check
 * that throws or rejects adds a finding saying it was skipped. With `known` (the remembered findings of this token's
 * header), a header-scoped check that already ran on the same header is not run again: a copy of what it found then
 * takes its place in the list; one that has not is run and what it returns (synchronously, without throwing) kept.
 */
function runChecks(
  checks: readonly TokenCheck[],
  context: CheckContext,
  known?: Map<TokenCheck, readonly Finding[]>,
): MaybePromise<Finding[]> {
  const findings: Finding[] = [];
  const ran = eachInOrder(0, checks.length, (index) => {
    const check = checks[index]!;
    const remember = known !== undefined && check.scope === 'header';
    if (remember) {
      const found = known.get(check);
      if (found) {
        for (let i = 0; i < found.length; i++) findings.push({ ...found[i]! });
        return undefined;
      }
    }
    try {
      const result = check.run(context);
      if (result instanceof Promise)
        return result.then(
          (more) => appendAll(findings, more),
          (error: unknown) => void findings.push(checkFailed(check, error)),
        );
      appendAll(findings, result);
      if (remember)
        known.set(
          check,
          result.map((finding) => ({ ...finding })),
        );
    } catch (error) {
      findings.push(checkFailed(check, error));
    }
    return undefined;
  });
  return andThen(ran, () => findings);
}

function checkContext(
  decoded: DecodedToken,
  signature: SignatureVerdict,
  options: AnalyzeOptions,
  keyring: Keyring,
  useTimes: readonly number[],
  jwe: JweOutcome | undefined,
): CheckContext {
  return {
    decoded,
    signature,
    keyring,
    useTimes,
    jwe,
    caseConfig: options.caseConfig,
    presentedTo: options.presentedTo,
    verifier: options.verifier,
    hmac: options.hmac ?? pureHmac,
    now: options.now ?? Date.now(),
    clockSkewMs: (options.clockSkewSeconds ?? 60) * 1000,
    secretSearch: options.wordlist,
    caseTokenHashes: options.caseTokenHashes,
  };
}

/**
 * A general JWS JSON serialization seen through one of its signatures: what the checks of a flattened JWS with that
 * signature alone would see. Its decoding problems are left out (they are the whole token's, reported once).
 */
function signatureView(decoded: DecodedToken, index: number): DecodedToken {
  const signature = decoded.signatures[index]!;
  const header = signature.header;
  const form = header === null ? 'malformed' : isUnsecured(header) ? 'unsecured' : 'jws';
  const compact =
    signature.protectedSegment && decoded.payload
      ? `${signature.protectedSegment.text}.${decoded.payload.segment.text}.${signature.signatureSegment.text}`
      : undefined;
  return { ...decoded, form, header, signatures: [signature], compact, problems: [] };
}

/**
 * The findings of a general JWS's second and later signatures, added to the first signature's: every signature is
 * checked as if it stood alone (an attacker can hide alg none, an injected kid or an embedded jwk in any of them),
 * each against its own verdict. Findings identical to one already listed (claims checks) are not repeated.
 */
function withOtherSignatures(
  decoded: DecodedToken,
  options: AnalyzeOptions,
  findings: Finding[],
): MaybePromise<Finding[]> {
  const count = decoded.signatures.length;
  if (decoded.serialization !== 'json-general' || count < 2) return findings;
  const keyring = options.keyring ?? EMPTY_KEYRING;
  const useTimes = options.useTimes ?? [];
  const seen = new Set(findings.map((finding) => `${finding.id}\n${finding.message}`));
  const add = (index: number, more: readonly Finding[]): void => {
    for (const finding of more) {
      if (seen.has(`${finding.id}\n${finding.message}`)) continue;
      findings.push({ ...finding, message: `Signature ${index + 1} of ${count}: ${finding.message}` });
    }
  };
  const checks = options.checks ?? TOKEN_CHECKS;
  const ran = eachInOrder(1, count, (index) => {
    const view = signatureView(decoded, index);
    const verdict = verifySignatureNow(view, keyring, options.verifier, { useTimes });
    const more = andThen(verdict, (signature) =>
      runChecks(checks, checkContext(view, signature, options, keyring, useTimes, undefined)),
    );
    return andThen(more, (resolved) => add(index, resolved));
  });
  return andThen(ran, () => findings);
}

const bySeverity = (a: Finding, b: Finding): number => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];

/** What the checks judge: the token, its JWE outcome, and the token inside it (nested JWT or decrypted content). */
interface TokenContent {
  readonly decoded: DecodedToken;
  readonly jwe?: JweOutcome;
  readonly inner?: DecodedToken;
}

/** A JWE decrypted when the keys allow (a promise); any other token as it is (at once). */
function readContent(undecrypted: DecodedToken, options: AnalyzeOptions, keyring: Keyring): MaybePromise<TokenContent> {
  if (undecrypted.form !== 'jwe') return { decoded: undecrypted, inner: undecrypted.nested };
  return decryptContent(undecrypted, options, keyring);
}

async function decryptContent(
  undecrypted: DecodedToken,
  options: AnalyzeOptions,
  keyring: Keyring,
): Promise<TokenContent> {
  const jwe = await decryptJwe(
    undecrypted,
    combineResolvers(keyringSecrets(keyring), options.jweKeys),
    options.jweDecrypter ?? createJoseDecrypter(),
    options.jweLimits ?? DEFAULT_JWE_LIMITS,
  );
  if (jwe.status !== 'decrypted') return { decoded: undecrypted, jwe, inner: undecrypted.nested };
  // An encrypted JWT's claim set is the token's own: the claims checks judge it like a JWS payload.
  const content = readJweContent(undecrypted.header, jwe.plaintext, options.decode);
  const decoded =
    content.claims || content.problems.length > 0
      ? { ...undecrypted, claims: content.claims ?? null, problems: [...undecrypted.problems, ...content.problems] }
      : undecrypted;
  return { decoded, jwe, inner: content.inner };
}

/** Inner tokens analysed below the outer one (a JWE holding a nested JWT holding…); deeper ones are not opened. */
const MAX_INNER_DEPTH = 3;

/**
 * The one orchestration of a token's analysis: verify, decrypt (JWE), run the checks on the token and on a general
 * JWS's other signatures, analyse the inner token, sort. Every step is chained with {@link andThen}, so the analysis
 * is synchronous whenever each step answers synchronously (a verifier with `verifySync`, synchronous checks, no JWE)
 * and a promise otherwise, with the same steps in the same order either way.
 */
function analyzeDecoded(
  undecrypted: DecodedToken,
  options: AnalyzeOptions,
  depth: number,
): MaybePromise<TokenAnalysis> {
  const keyring = options.keyring ?? EMPTY_KEYRING;
  const useTimes = options.useTimes ?? [];
  return andThen(verifySignatureNow(undecrypted, keyring, options.verifier, { useTimes }), (signature) =>
    andThen(readContent(undecrypted, options, keyring), ({ decoded, jwe, inner: innerDecoded }) => {
      const checked = runChecks(
        options.checks ?? TOKEN_CHECKS,
        checkContext(decoded, signature, options, keyring, useTimes, jwe),
        options.headerResults?.entryFor(decoded),
      );
      return andThen(
        andThen(checked, (first) => withOtherSignatures(decoded, options, first)),
        (findings) =>
          andThen(
            innerDecoded && depth < MAX_INNER_DEPTH ? analyzeDecoded(innerDecoded, options, depth + 1) : undefined,
            (inner): TokenAnalysis => {
              if (inner)
                for (const finding of inner.findings)
                  findings.push({ ...finding, message: `Inner token: ${finding.message}` });
              findings.sort(bySeverity);
              return { tokenHash: decoded.tokenHash, decoded, signature, findings, trail: signature.trail, jwe, inner };
            },
          ),
      );
    }),
  );
}

/**
 * Analyse one token (compact JWS/JWE or JWS JSON serialization): decode strictly, verify against the keyring,
 * decrypt a JWE when the bundle holds the key, and run every check. Never rejects on hostile input.
 */
export async function analyzeToken(compactOrJson: string, options: AnalyzeOptions): Promise<TokenAnalysis> {
  return analyzeTokenNow(compactOrJson, options);
}

/**
 * {@link analyzeToken} without a promise when none is needed: a token that is not a JWE, a verifier with
 * `verifySync`, and checks that all answer synchronously (no wordlist search pending) — the bulk path of hosts that
 * analyse many tokens in a loop. Otherwise returns the promise analyzeToken would. Same result either way (one
 * orchestration, see analyzeDecoded). May throw where analyzeToken would reject (it never does on hostile input).
 */
export function analyzeTokenNow(
  compactOrJson: string,
  options: AnalyzeOptions,
): TokenAnalysis | Promise<TokenAnalysis> {
  return analyzeDecoded(decodeToken(compactOrJson, options.decode), options, 0);
}

/** The verdict that speaks for the token: the inner token's when the outer one is a JWE (encrypted, not signed). */
export function effectiveSignature(analysis: TokenAnalysis): SignatureVerdict {
  if (analysis.inner && analysis.decoded.form === 'jwe') return effectiveSignature(analysis.inner);
  return analysis.signature;
}
