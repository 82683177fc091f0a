/**
 * The shape every token finding takes, whatever produced it (the strict decoder, a check, the verifier).
 * Ids are stable kebab-case strings documented in docs/checks.md; the UI and the CLI switch on them.
 */

/** How bad a finding is, from informational to critical; ordered by {@link SEVERITY_RANK}. */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/** Numeric rank of each severity so callers can compare (`rank >= SEVERITY_RANK.high`). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** The part of a token a finding points at. */
export type TokenPart =
  'token' | 'header' | 'payload' | 'signature' | 'encrypted-key' | 'iv' | 'ciphertext' | 'tag' | 'claims';

/** What a finding rests on: which bytes, which key, which encoding matched. Every member is optional. */
export interface FindingEvidence {
  /** The part of the token concerned. */
  readonly part?: TokenPart;
  /** Character range [start, end) in the raw input, so the UI can highlight the exact bytes. */
  readonly start?: number;
  readonly end?: number;
  /** Header parameter or claim name concerned (`alg`, `kid`, `exp`). */
  readonly field?: string;
  /** The offending value, as found (strings are truncated to 200 characters). */
  readonly value?: unknown;
  /** The key involved, by kid and RFC 7638 thumbprint. */
  readonly key?: { readonly kid?: string; readonly thumbprint: string; readonly source?: string };
  /** The key encoding that matched (key confusion), or the text encoding that was wrong. */
  readonly encoding?: string;
  /** Free-form supporting facts (numbers, booleans, short strings). */
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>;
}

/** One thing wrong with (or worth knowing about) a token. */
export interface Finding {
  /** Stable check id, e.g. `alg-none`, `key-confusion`. */
  readonly id: string;
  readonly severity: Severity;
  /** Plain-language explanation for the investigator. */
  readonly message: string;
  readonly evidence: FindingEvidence;
}

/** Truncate long strings so evidence never carries a whole token or file. */
export function evidenceValue(value: unknown): unknown {
  if (typeof value === 'string' && value.length > 200) return `${value.slice(0, 200)}…`;
  return value;
}

/** The highest severity among findings, or undefined when there are none. */
export function highestSeverity(findings: readonly Finding[]): Severity | undefined {
  let best: Severity | undefined;
  for (const finding of findings)
    if (best === undefined || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[best]) best = finding.severity;
  return best;
}
