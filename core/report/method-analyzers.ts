import type { ParameterValue } from '../evidence/types';
import { TOKEN_CHECKS } from '../token/checks/registry';
import { TIMELINE_DETECTORS } from '../timeline/detectors/registry';
import { COMMON_DEFAULTS, resolveParameters } from '../timeline/parameters';
import type { TimelineParameterOverrides } from '../timeline/types';
import { TOOL_NAME, TOOL_VERSION } from '../version';
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

/** What a host knows of how a case was examined: the material its analysis read, and the geolocation databases. */
export interface ReportMethodSources {
  /** The parameters the detectors ran with (the case configuration's `detectors`, then the case's own changes). */
  readonly parameters: TimelineParameterOverrides;
  /** The case configuration as read (core/case readCaseMaterial), when there is one. */
  readonly caseConfig?: unknown;
  /** The key files of the case, each with its keys (core/case readCaseMaterial's `keys`). */
  readonly keyFiles: readonly {
    readonly file: string;
    readonly keys: readonly { readonly thumbprint: string; readonly kid?: string; readonly kty: string }[];
  }[];
  readonly geoDatabases: readonly { readonly name: string; readonly version: string; readonly sha256: string }[];
}

/**
 * The method section from what a host read: this tool and version, every analyzer with its parameters, the case
 * configuration, every key by thumbprint (never the key itself) and the geolocation databases. The CLI fills it from
 * its pipeline and the app from its store, so both state the method the same way.
 */
export function reportMethod(sources: ReportMethodSources): ReportMethod {
  return {
    toolName: TOOL_NAME,
    toolVersion: TOOL_VERSION,
    analyzers: methodAnalyzers(sources.parameters, TOOL_VERSION),
    caseConfiguration: sources.caseConfig as ParameterValue | undefined,
    keys: sources.keyFiles.flatMap((file) =>
      file.keys.map((key) => ({ thumbprint: key.thumbprint, kid: key.kid, kty: key.kty, file: file.file })),
    ),
    geoDatabases: sources.geoDatabases.map((database) => ({
      name: database.name,
      version: database.version,
      sha256: database.sha256,
    })),
  };
}
