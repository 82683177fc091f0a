// Narrowing and grouping the Findings view: by severity, detector or check id, origin, free text and annotation
// (tag, star, disposition, note; finding-dispositions.ts groups by disposition). Pure: the
// view loads the case's findings (a case has hundreds, not millions) and filters them in memory.
import type { Severity } from '../../core/token';
import type { StoredFinding } from '../db/case-analysis-records';
import { matchesAnnotation, type AnnotationFilter } from '../annotations/annotation-filter';
import type { FindingAnnotations } from './finding-dispositions';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export interface FindingFilter {
  /** Severities shown; empty = all. */
  readonly severities: readonly Severity[];
  /** A detector or check id; '' = any. */
  readonly id: string;
  readonly origin: 'any' | 'detector' | 'token-check';
  /** Case-insensitive substring of the title, message, subject, session or a token hash. */
  readonly text: string;
  readonly annotation?: AnnotationFilter;
  /** How the list is grouped. */
  readonly groupBy?: 'severity' | 'disposition';
}

export const NO_FINDING_FILTER: FindingFilter = { severities: [], id: '', origin: 'any', text: '' };

function haystack(finding: StoredFinding): string {
  return [finding.id, finding.title, finding.message, finding.subject, finding.sessionId, ...finding.tokenHashes]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

/** The findings the filter keeps; `annotations` (by finding key) serve its annotation part. */
export function filterFindings(
  findings: readonly StoredFinding[],
  filter: FindingFilter,
  annotations: FindingAnnotations = new Map(),
): StoredFinding[] {
  const needle = filter.text.trim().toLowerCase();
  return findings.filter(
    (finding) =>
      (filter.severities.length === 0 || filter.severities.includes(finding.severity)) &&
      (!filter.id || finding.id === filter.id) &&
      (filter.origin === 'any' || finding.origin === filter.origin) &&
      (!needle || haystack(finding).includes(needle)) &&
      matchesAnnotation(annotations.get(finding.key), filter.annotation),
  );
}

/** Findings by severity, most severe first, only the severities that have any; order within is kept. */
export function groupBySeverity(
  findings: readonly StoredFinding[],
): { severity: Severity; findings: StoredFinding[] }[] {
  return SEVERITIES.map((severity) => ({
    severity,
    findings: findings.filter((finding) => finding.severity === severity),
  })).filter((group) => group.findings.length > 0);
}

/** Each detector or check id present, with its title and count, for the filter's picker. */
export function findingIds(findings: readonly StoredFinding[]): { id: string; title: string; count: number }[] {
  const byId = new Map<string, { id: string; title: string; count: number }>();
  for (const finding of findings) {
    const entry = byId.get(finding.id) ?? { id: finding.id, title: finding.title, count: 0 };
    entry.count += 1;
    byId.set(finding.id, entry);
  }
  return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title));
}

/** How many findings of each severity. */
export function severityCounts(findings: readonly StoredFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
