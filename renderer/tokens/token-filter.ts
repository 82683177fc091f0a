// The Tokens view's filters, on tokens joined with their analysis and annotation: by signature verdict, by the
// highest severity among a token's findings, and by the investigator's annotation (tag, star, note).
import { SEVERITY_RANK, type Severity } from '../../core/token';
import type { SignatureStatus } from '../../core/token';
import type { TokenRecord } from '../db/records';
import type { TokenAnalysisSummary } from '../db/token-analysis-records';
import type { AnnotationState } from '../../core/annotations';
import type { AnnotationStateRecord } from '../db/annotation-records';
import { matchesAnnotation, type AnnotationFilter } from '../annotations/annotation-filter';

export interface TokenRow {
  readonly token: TokenRecord;
  readonly analysis?: TokenAnalysisSummary;
  readonly annotation?: AnnotationState;
  /** The annotation of the key that verified it (keys are annotated by thumbprint). */
  readonly keyAnnotation?: AnnotationState;
}

/** `any`, a verdict, or `pending` for tokens not analysed yet. */
export type VerdictFilter = 'any' | SignatureStatus | 'pending';
/** `any`, `none` (no finding at all), or a minimum severity. */
export type SeverityFilter = 'any' | 'none' | Severity;

export const VERDICT_FILTERS: readonly VerdictFilter[] = [
  'any',
  'valid',
  'invalid',
  'no-key',
  'unsupported',
  'unsigned',
  'pending',
];
export const SEVERITY_FILTERS: readonly SeverityFilter[] = ['any', 'critical', 'high', 'medium', 'low', 'info', 'none'];

export interface TokenFilter {
  readonly verdict: VerdictFilter;
  readonly severity: SeverityFilter;
  readonly annotation?: AnnotationFilter;
}

function matchesVerdict(row: TokenRow, verdict: VerdictFilter): boolean {
  if (verdict === 'any') return true;
  if (verdict === 'pending') return row.analysis === undefined;
  return row.analysis?.status === verdict;
}

function matchesSeverity(row: TokenRow, severity: SeverityFilter): boolean {
  if (severity === 'any') return true;
  const highest = row.analysis?.highestSeverity;
  if (severity === 'none') return row.analysis !== undefined && highest === undefined;
  return highest !== undefined && SEVERITY_RANK[highest] >= SEVERITY_RANK[severity];
}

/** The rows that pass both filters, in their given order. */
export function filterTokenRows(rows: readonly TokenRow[], filter: TokenFilter): TokenRow[] {
  return rows.filter(
    (row) =>
      matchesVerdict(row, filter.verdict) &&
      matchesSeverity(row, filter.severity) &&
      matchesAnnotation(row.annotation, filter.annotation),
  );
}

/** Tokens joined with their analyses (which may be missing while the analysis runs) and annotations (by hash). */
export function joinAnalyses(
  tokens: readonly TokenRecord[],
  analyses: readonly TokenAnalysisSummary[],
  annotations?: ReadonlyMap<string, AnnotationStateRecord>,
  keyAnnotations?: ReadonlyMap<string, AnnotationStateRecord>,
): TokenRow[] {
  const byHash = new Map(analyses.map((analysis) => [analysis.tokenHash, analysis]));
  return tokens.map((token) => {
    const analysis = byHash.get(token.tokenHash);
    const thumbprint = analysis?.key?.thumbprint;
    return {
      token,
      analysis,
      annotation: annotations?.get(token.tokenHash)?.state,
      keyAnnotation: thumbprint === undefined ? undefined : keyAnnotations?.get(thumbprint)?.state,
    };
  });
}

/** Orders of the token list: by iat (as stored), by where each was first seen, by worst finding, by sightings. */
export type TokenSort = 'issued' | 'file' | 'severity' | 'seen';

const TOKEN_SORTS: readonly { readonly sort: TokenSort; readonly label: string }[] = [
  { sort: 'issued', label: 'issued (iat)' },
  { sort: 'file', label: 'file order' },
  { sort: 'severity', label: 'worst finding' },
  { sort: 'seen', label: 'most seen' },
];

/**
 * The orders offered. An exercise that hides the checks offers no "worst finding" order: the order itself would tell
 * the verdicts.
 */
export function tokenSorts(checksHidden: boolean): typeof TOKEN_SORTS {
  return checksHidden ? TOKEN_SORTS.filter((option) => option.sort !== 'severity') : TOKEN_SORTS;
}

/** The order chosen if it is offered, else the first offered (iat). */
export function offeredSort(sort: TokenSort, checksHidden: boolean): TokenSort {
  const offered = tokenSorts(checksHidden);
  return offered.some((option) => option.sort === sort) ? sort : offered[0]!.sort;
}

const byPlace = (a: TokenRow, b: TokenRow): number => {
  const [first, second] = [a.token.firstSeen, b.token.firstSeen];
  if (!first || !second) return first ? -1 : second ? 1 : 0; // tokens without a known place last
  if (first.path !== second.path) return first.path < second.path ? -1 : 1;
  return first.line - second.line;
};

const severityRank = (row: TokenRow): number =>
  row.analysis?.highestSeverity ? SEVERITY_RANK[row.analysis.highestSeverity] : -1;

/** The rows in the chosen order; ties keep the given (iat) order (Array.prototype.sort is stable). */
export function sortTokenRows(rows: readonly TokenRow[], sort: TokenSort): TokenRow[] {
  const sorted = [...rows];
  if (sort === 'file') sorted.sort(byPlace);
  else if (sort === 'severity')
    sorted.sort(
      (a, b) => severityRank(b) - severityRank(a) || (b.analysis?.findingCount ?? 0) - (a.analysis?.findingCount ?? 0),
    );
  else if (sort === 'seen') sorted.sort((a, b) => b.token.sightingCount - a.token.sightingCount);
  return sorted;
}
