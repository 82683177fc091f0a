import type { CaseConfig } from '../../evidence/case-config';
import type { HmacProvider } from '../crypto/hmac';
import type { SignatureVerifier } from '../crypto/signature-verifier';
import type { Finding, FindingEvidence, Severity } from '../findings';
import type { JweOutcome } from '../jwe/jwe-decrypter';
import type { Keyring } from '../keyring/key-types';
import type { SecretSearcher } from '../secrets/secret-search';
import type { DecodedToken } from '../strict/decode-token';
import type { SignatureVerdict } from '../verify/verify-signature';

/**
 * The shape of a check (Timesketch's analyzer shape: id, title, description, a run method; registered in one array
 * in checks/registry.ts) and the context every check receives.
 */

/** Everything a check may consult. Checks never touch the network: jku, x5u and iss are only compared. */
export interface CheckContext {
  readonly decoded: DecodedToken;
  readonly signature: SignatureVerdict;
  readonly keyring: Keyring;
  readonly caseConfig?: CaseConfig;
  /** When the token was seen in use (UTC epoch ms), from the evidence. */
  readonly useTimes: readonly number[];
  /** The API the token was presented to: an API name from the case config, or a URL under one's baseUrl. */
  readonly presentedTo?: string;
  readonly verifier: SignatureVerifier;
  readonly hmac: HmacProvider;
  /** Analysis time (UTC epoch ms), used only when no use time is known. */
  readonly now: number;
  /** Tolerated clock difference between parties, in ms (default 60 s). */
  readonly clockSkewMs: number;
  /** Searches an investigator wordlist for the HMAC secret; absent when no wordlist was given. */
  readonly secretSearch?: SecretSearcher;
  /** What happened when decrypting a JWE, when the token is one. */
  readonly jwe?: JweOutcome;
  /**
   * The SHA-256 of every distinct token of the case, when the host knows them: checks that compare a token with
   * its siblings (the low-S twin of a high-S ECDSA signature) look them up here. Absent for a token judged alone.
   */
  readonly caseTokenHashes?: ReadonlySet<string>;
}

/** One check: a stable id, a title, a default severity, references, and the rule itself. */
export interface TokenCheck {
  /** Stable kebab-case id, documented in docs/checks.md. */
  readonly id: string;
  readonly title: string;
  /** The severity of a typical finding; a check may raise or lower it for a given case (documented). */
  readonly severity: Severity;
  /** RFC sections, CVEs, and write-ups the rule rests on. */
  readonly references: readonly string[];
  /**
   * `'header'` when the findings depend only on the JOSE header, the token's form and the analysis options (case
   * configuration, keyring, presented-to) — never on the payload, the signature bytes or the verdict. Bulk analysis
   * then runs the check once per distinct header and reuses its findings (core/token/header-results.ts).
   */
  readonly scope?: 'header';
  /** Run the rule. Must not throw; returns no finding when the token passes. */
  run(context: CheckContext): readonly Finding[] | Promise<readonly Finding[]>;
}

/** Build a finding of `check`, with its default severity unless one is given. */
export function findingOf(
  check: Pick<TokenCheck, 'id' | 'severity'>,
  message: string,
  evidence: FindingEvidence = {},
  severity: Severity = check.severity,
): Finding {
  return { id: check.id, severity, message, evidence };
}
