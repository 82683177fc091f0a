// The evidence of a token finding as label/value pairs for the findings list. Character ranges are stored
// half-open ([start, end)); they are shown inclusive with their length ("0–34 (35 chars)"), and an empty range as
// the position it points at. A secret-search match names its wordlist line, never the built-in list's internal 0.
import type { Finding, FindingEvidence } from '../../core/token';

/** A half-open character range [start, end) as an investigator reads it. */
export function charRangeText(start: number, end: number): string {
  if (end <= start) return `empty, at ${start}`;
  return `${start}–${end - 1} (${end - start} char${end - start === 1 ? '' : 's'})`;
}

export function evidenceFacts(evidence: FindingEvidence): [string, string][] {
  const facts: [string, string][] = [];
  if (evidence.part) facts.push(['part', evidence.part]);
  if (evidence.field) facts.push(['field', evidence.field]);
  if (evidence.value !== undefined)
    facts.push(['value', typeof evidence.value === 'string' ? evidence.value : JSON.stringify(evidence.value)]);
  if (evidence.start !== undefined && evidence.end !== undefined)
    facts.push(['chars', charRangeText(evidence.start, evidence.end)]);
  if (evidence.key)
    facts.push([
      'key',
      `${evidence.key.kid !== undefined ? `kid "${evidence.key.kid}" ` : ''}${evidence.key.thumbprint}${evidence.key.source ? ` (${evidence.key.source})` : ''}`,
    ]);
  if (evidence.encoding) facts.push(['encoding', evidence.encoding]);
  const detail = { ...evidence.detail };
  // A secret found by a search: "line N of <file>" for a wordlist, just the list's name for the built-in list
  // (whose matches carry line 0, an internal marker, not a line).
  if (typeof detail.source === 'string' && typeof detail.line === 'number') {
    detail.source = detail.line > 0 ? `line ${detail.line} of ${detail.source}` : detail.source;
    delete detail.line;
  }
  for (const [name, value] of Object.entries(detail)) facts.push([name, String(value)]);
  return facts;
}

/**
 * The HMAC secret a weak-secret search recovered for a token no key of the case verifies: the finding proves the
 * signature verifies with it, which the no-key verdict alone does not say.
 */
export function recoveredSecret(
  status: string,
  findings: readonly Finding[],
): { readonly secret: string; readonly source?: string } | undefined {
  if (status !== 'no-key') return undefined;
  const detail = findings.find(
    (finding) => finding.id === 'weak-hmac-secret' && typeof finding.evidence.detail?.secret === 'string',
  )?.evidence.detail;
  if (!detail) return undefined;
  return { secret: String(detail.secret), ...(typeof detail.source === 'string' ? { source: detail.source } : {}) };
}
