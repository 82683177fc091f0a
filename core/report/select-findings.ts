import type { AnnotationState, Disposition } from '../annotations/types';
import type { TimelineFinding } from '../timeline/types';
import { SEVERITY_RANK, type Severity } from '../token/findings';
import type { ReportAnnotationInput } from './types';

/** A finding's annotation, looked up by its target key `finding:<key>`. */
export function findingAnnotation(
  finding: Pick<TimelineFinding, 'key'>,
  annotations: ReadonlyMap<string, ReportAnnotationInput> | undefined,
): AnnotationState | undefined {
  return annotations?.get(`finding:${finding.key}`)?.state;
}

/** The disposition of a finding: the investigator's, else `open` (always, where there are no annotations: the CLI). */
export function dispositionOf(state: AnnotationState | undefined): Disposition {
  return state?.disposition ?? 'open';
}

/** A finding's severity as the report gives it: the investigator's override when it names a known severity. */
export function effectiveSeverity(finding: TimelineFinding, state: AnnotationState | undefined): Severity {
  const override = state?.severityOverride?.severity;
  return override !== undefined && Object.hasOwn(SEVERITY_RANK, override) ? (override as Severity) : finding.severity;
}

/**
 * The findings a report includes by default: every confirmed one, plus every open one of high or critical severity.
 * Without annotations (the CLI) every finding is open, so this is every high and critical finding.
 */
export function defaultFindingSelection(
  findings: readonly TimelineFinding[],
  annotations: ReadonlyMap<string, ReportAnnotationInput> | undefined,
): TimelineFinding[] {
  return findings.filter((finding) => {
    const state = findingAnnotation(finding, annotations);
    const disposition = dispositionOf(state);
    if (disposition === 'confirmed') return true;
    return disposition === 'open' && SEVERITY_RANK[effectiveSeverity(finding, state)] >= SEVERITY_RANK.high;
  });
}
