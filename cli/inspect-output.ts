import { effectiveSignature, SEVERITY_RANK, type TokenAnalysis } from '../core/token';
import { terminalSafe } from './terminal-text';

/** How `inspect` prints one analysis: the JSON record (issue 3 §6) or a few lines of text. */

/** The JSON record of one input line. */
export function inspectRecord(line: number, analysis: TokenAnalysis): Record<string, unknown> {
  const signature = effectiveSignature(analysis);
  const inner = analysis.decoded.form === 'jwe' ? analysis.inner : undefined;
  return {
    line,
    tokenHash: analysis.tokenHash,
    form: analysis.decoded.form,
    header: analysis.decoded.header,
    claims: (inner ?? analysis).decoded.claims,
    signature: {
      status: signature.status,
      alg: signature.alg ?? null,
      kid: signature.key?.kid ?? signature.kid ?? null,
      thumbprint: signature.key?.thumbprint ?? null,
    },
    findings: analysis.findings.map((finding) => ({
      id: finding.id,
      severity: finding.severity,
      message: finding.message,
    })),
  };
}

/**
 * The JSON line of one analysis. JSON.stringify escapes C0 controls but leaves DEL, C1 controls, line separators and
 * bidirectional overrides raw; they are escaped too (still valid JSON, the same values) so the line is safe to view.
 */
export function inspectJsonLine(line: number, analysis: TokenAnalysis): string {
  return terminalSafe(JSON.stringify(inspectRecord(line, analysis)));
}

/** True when the token passes: valid, and no finding of severity high or above. */
export function passes(analysis: TokenAnalysis): boolean {
  return (
    effectiveSignature(analysis).status === 'valid' &&
    analysis.findings.every((finding) => SEVERITY_RANK[finding.severity] < SEVERITY_RANK.high)
  );
}

/** Text lines for one analysis; values from the token are printed terminal-safe (they can hold newlines, escapes). */
export function inspectText(line: number, analysis: TokenAnalysis): string[] {
  const signature = effectiveSignature(analysis);
  const key = signature.key
    ? ` key ${signature.key.kid !== undefined ? `"${signature.key.kid}" ` : ''}${signature.key.thumbprint}`
    : '';
  const lines = [
    terminalSafe(
      `line ${line}: ${signature.status.toUpperCase()} ${signature.alg ?? '(no alg)'}${key}  sha256:${analysis.tokenHash.slice(0, 16)}…`,
    ),
  ];
  for (const finding of analysis.findings)
    lines.push(terminalSafe(`  [${finding.severity}] ${finding.id}: ${finding.message}`));
  return lines;
}
