import { TIMELINE_DETECTORS } from './detectors/registry';
import { checkParameterOverrides, COMMON_DEFAULTS, type ParameterProblem } from './parameters';
import type { TimelineParameterOverrides } from './types';

/**
 * Every parameter default by detector id, plus `common` (the parameters every detector shares): what a case's
 * `detectors` overrides are checked against and what a parameter editor lists. Built from the registry, so a new
 * detector's parameters are known everywhere without another list to update.
 */
export const PARAMETER_DEFAULTS: ReadonlyMap<string, object> = new Map<string, object>([
  ['common', COMMON_DEFAULTS],
  ...TIMELINE_DETECTORS.map((detector): [string, object] => [detector.id, detector.defaults]),
]);

/**
 * Check a case's detector parameters (case-config.json's `detectors` member, or what an investigator typed) against
 * {@link PARAMETER_DEFAULTS}: the valid part, and each unknown detector, unknown parameter or wrongly typed value.
 */
export function checkCaseParameters(overrides: unknown): {
  parameters: TimelineParameterOverrides;
  problems: ParameterProblem[];
} {
  return checkParameterOverrides(overrides, PARAMETER_DEFAULTS);
}
