// What the token analysis stores per token (schema v2), in two tables keyed [caseId+tokenHash]: a small summary
// the Tokens list reads for every token on every change (verdict, key, worst severity), and the details only the
// selected token's panel reads (trail, findings, key windows at every use). Analysis is derived and re-computable:
// a re-analysis replaces both, except the wordlist findings, which record a search the investigator ran.
import type { Finding, Severity } from '../../core/token';
import type { KeyReference, SignatureStatus, SignatureVerdict, TrailEntry } from '../../core/token';

/** The signature verdict as stored; its trail is kept beside it. */
export type StoredVerdict = Omit<SignatureVerdict, 'trail'>;

export interface TokenAnalysisSummary {
  readonly caseId: string;
  readonly tokenHash: string;
  readonly analyzedAt: number;
  /**
   * Fingerprint of what the analysis judged with: the key files, key-rotation history and case configuration, and
   * the number of events (whose use times the checks read). A record whose basis differs from the case's is stale.
   */
  readonly basis: string;
  /** The verdict that speaks for the token (for a decrypted JWE, its inner token's). */
  readonly status: SignatureStatus;
  /** The key that verified it. */
  readonly key?: KeyReference;
  /** Over the analysis and wordlist findings. */
  readonly highestSeverity?: Severity;
  readonly findingCount: number;
}

export interface TokenAnalysisDetail {
  readonly caseId: string;
  readonly tokenHash: string;
  readonly verdict: StoredVerdict;
  /** Every key considered, and why it was or was not used. */
  readonly trail: readonly TrailEntry[];
  /** Findings of core/token's checks, most severe first. */
  readonly findings: readonly Finding[];
  /** weak-hmac-secret findings from the investigator's wordlist searches; kept across re-analyses. */
  readonly wordlistFindings: readonly Finding[];
  /** When the evidence shows the token presented (UTC epoch ms), and where first. */
  readonly useTimes: readonly number[];
  readonly presentedTo?: string;
  /** What a JWE decrypted to with a key of the case; absent for other tokens and for JWEs no key decrypted. */
  readonly decrypted?: DecryptedContent;
}

/** The content of a decrypted JWE: with which key, and the claims it carries (its own, or its inner token's). */
export interface DecryptedContent {
  /** The key that decrypted it, as the analysis describes it (kid and file). */
  readonly key: string;
  /** The claim set, when the plaintext is one or is a token that carries one. */
  readonly claims?: Record<string, unknown>;
  /** The inner token in compact form, when the plaintext is a token. */
  readonly innerToken?: string;
}
