import type { ParameterValue } from '../evidence/types';
import { TOKEN_CHECKS } from '../token/checks/registry';
import { TIMELINE_DETECTORS } from '../timeline/detectors/registry';
import { COMMON_DEFAULTS, resolveParameters } from '../timeline/parameters';
import type { TimelineParameterOverrides } from '../timeline/types';
import type { ReportMethod } from './types';

/**
 * Every check and detector of this engine, with the parameters each ran with for a case: a detector's defaults
 * merged with the case's overrides (and the shared `common` ones), as core/timeline resolves them. Checks and
 * detectors are versioned with the tool, so `version` is the tool version. Both hosts call this, so the method
 * section lists the same thing wherever the report is made.
 */
export function methodAnalyzers(
  parameters: TimelineParameterOverrides,
  toolVersion: string,
): ReportMethod['analyzers'] {
  const common = resolveParameters(COMMON_DEFAULTS, parameters.common);
  return [
    ...TOKEN_CHECKS.map((check) => ({ kind: 'check' as const, id: check.id, version: toolVersion, parameters: {} })),
    ...TIMELINE_DETECTORS.map((detector) => ({
      kind: 'detector' as const,
      id: detector.id,
      version: toolVersion,
      parameters: {
        ...common,
        ...resolveParameters(detector.defaults, parameters[detector.id]),
      } as unknown as Record<string, ParameterValue>,
    })),
  ];
}
