import type { CommonParameters, TimelineParameterOverrides } from './types';

/** Defaults of the parameters every detector shares (docs/detectors.md, "Common parameters"). */
export const COMMON_DEFAULTS: CommonParameters = {
  clockSkewSeconds: 60,
  maxEventsPerFinding: 50,
  silenceSeconds: 3600,
};

/** The codes of {@link ParameterProblem}, so a host can tell a parameter problem from others in one list. */
export const PARAMETER_PROBLEM_CODES = ['unknown-detector', 'unknown-parameter', 'invalid-parameter'] as const;

/** A problem with a per-case parameter, named precisely enough to fix it. */
export interface ParameterProblem {
  readonly code: (typeof PARAMETER_PROBLEM_CODES)[number];
  readonly path: string;
  readonly message: string;
}

/**
 * Merge per-case overrides into a detector's defaults. Only members the defaults have are taken, and only with the
 * same type (numbers finite, string lists of strings); anything else is reported by {@link checkParameterOverrides}
 * and left at its default here.
 */
export function resolveParameters<P extends object>(
  defaults: P,
  overrides: Readonly<Record<string, unknown>> | undefined,
): P {
  if (!overrides) return defaults;
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [name, value] of Object.entries(overrides)) {
    if (!(name in defaults)) continue;
    if (fits((defaults as Record<string, unknown>)[name], value)) merged[name] = value;
  }
  return merged as P;
}

function fits(example: unknown, value: unknown): boolean {
  if (typeof example === 'number') return typeof value === 'number' && Number.isFinite(value) && value >= 0;
  if (typeof example === 'boolean') return typeof value === 'boolean';
  if (typeof example === 'string') return typeof value === 'string';
  if (Array.isArray(example)) return Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (example === undefined || example === null) return value === undefined || typeof value === 'string';
  if (typeof example === 'object')
    return (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((item) => typeof item === 'string')
    );
  return false;
}

/**
 * Check a case's `detectors` object (from case-config.json) against the known detectors and their defaults, so a
 * typo in a parameter name is reported instead of silently ignored.
 */
export function checkParameterOverrides(
  overrides: unknown,
  defaultsById: ReadonlyMap<string, object>,
): { parameters: TimelineParameterOverrides; problems: ParameterProblem[] } {
  const problems: ParameterProblem[] = [];
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    return {
      parameters: {},
      problems: [
        {
          code: 'invalid-parameter',
          path: 'detectors',
          message: '"detectors" must be an object keyed by detector id (or "common").',
        },
      ],
    };
  }
  const parameters: Record<string, Record<string, unknown>> = {};
  for (const [id, values] of Object.entries(overrides as Record<string, unknown>)) {
    const defaults = defaultsById.get(id);
    if (!defaults) {
      problems.push({
        code: 'unknown-detector',
        path: `detectors.${id}`,
        message: `"${id}" is not a detector id (expected "common" or one of ${[...defaultsById.keys()].filter((key) => key !== 'common').join(', ')}).`,
      });
      continue;
    }
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      problems.push({
        code: 'invalid-parameter',
        path: `detectors.${id}`,
        message: `the parameters of "${id}" must be an object.`,
      });
      continue;
    }
    parameters[id] = {};
    for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
      if (!(name in defaults)) {
        problems.push({
          code: 'unknown-parameter',
          path: `detectors.${id}.${name}`,
          message: `"${id}" has no parameter "${name}" (it has ${Object.keys(defaults).join(', ')}).`,
        });
      } else if (!fits((defaults as Record<string, unknown>)[name], value)) {
        problems.push({
          code: 'invalid-parameter',
          path: `detectors.${id}.${name}`,
          message: `"${id}.${name}" must be ${describe((defaults as Record<string, unknown>)[name])}; the default ${JSON.stringify((defaults as Record<string, unknown>)[name])} is used.`,
        });
      } else parameters[id]![name] = value;
    }
  }
  return { parameters, problems };
}

function describe(example: unknown): string {
  if (typeof example === 'number') return 'a non-negative number';
  if (typeof example === 'boolean') return 'true or false';
  if (Array.isArray(example)) return 'a list of strings';
  if (typeof example === 'object' && example !== null) return 'an object of strings';
  return 'a string';
}
