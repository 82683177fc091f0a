// The Findings view by the investigator's judgement: findings grouped and counted by disposition, a finding nobody
// judged counting as `open`. Pure, on the findings in memory and the case's finding annotations (by finding key).
import { DISPOSITIONS, type AnnotationState, type Disposition } from '../../core/annotations';
import { dispositionOf } from '../annotations/annotation-filter';
import type { StoredFinding } from '../db/case-analysis-records';

export type FindingAnnotations = ReadonlyMap<string, AnnotationState>;

/** How many findings have each disposition (all four, zeros included). */
export function dispositionCounts(
  findings: readonly StoredFinding[],
  annotations: FindingAnnotations,
): Record<Disposition, number> {
  const counts = Object.fromEntries(DISPOSITIONS.map((disposition) => [disposition, 0])) as Record<Disposition, number>;
  for (const finding of findings) counts[dispositionOf(annotations.get(finding.key))] += 1;
  return counts;
}

/** Findings by disposition in DISPOSITIONS order (open first), only those that have any; order within is kept. */
export function groupByDisposition(
  findings: readonly StoredFinding[],
  annotations: FindingAnnotations,
): { disposition: Disposition; findings: StoredFinding[] }[] {
  return DISPOSITIONS.map((disposition) => ({
    disposition,
    findings: findings.filter((finding) => dispositionOf(annotations.get(finding.key)) === disposition),
  })).filter((group) => group.findings.length > 0);
}
