// Detector parameters of a case: the defaults of core/timeline, the `detectors` member of the case's
// case-config.json, and what the investigator set in the UI (saved on the case record), in that order of weight.
// Values typed in the UI are parsed by the type of the default they replace, and checked by core's
// checkCaseParameters, so a typo is reported with its path instead of silently ignored.
import { PARAMETER_DEFAULTS, type TimelineParameterOverrides } from '../../core/timeline';

/** Help text of each parameter (common ones from docs/detectors.md), for the editor. */
export const COMMON_PARAMETER_HELP: Readonly<Record<string, string>> = {
  clockSkewSeconds: 'Tolerated clock difference between systems, in seconds.',
  maxEventsPerFinding: 'Events linked to one finding (the first and last halves are kept).',
  silenceSeconds: 'A lifecycle gap is called out when a valid token is silent this long, in seconds.',
};

/** Overrides of `later` win over `earlier`, parameter by parameter. */
export function mergeParameterOverrides(
  earlier: TimelineParameterOverrides,
  later: TimelineParameterOverrides,
): TimelineParameterOverrides {
  const merged: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const id of new Set([...Object.keys(earlier), ...Object.keys(later)]))
    merged[id] = { ...earlier[id], ...later[id] };
  return merged;
}

/** A parameter's value as the editor shows it: lists comma-separated, maps as JSON. */
export function parameterText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value ?? '');
}

/**
 * Reads what was typed for a parameter whose default is `example`: a number, true/false, a comma-separated list,
 * a JSON object, or a string. Returns the text itself when it cannot be read, so checkCaseParameters names it.
 */
export function parseParameterText(example: unknown, text: string): unknown {
  const trimmed = text.trim();
  if (typeof example === 'number') return trimmed === '' || Number.isNaN(Number(trimmed)) ? trimmed : Number(trimmed);
  if (typeof example === 'boolean') return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
  if (Array.isArray(example))
    return trimmed === ''
      ? []
      : trimmed
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean);
  if (typeof example === 'object' && example !== null) {
    if (trimmed === '') return {};
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return trimmed;
    }
  }
  return trimmed;
}

/** Only the values that differ from the defaults: what is worth saving on the case. */
export function changedParameters(
  edited: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): Record<string, Record<string, unknown>> {
  const changed: Record<string, Record<string, unknown>> = {};
  for (const [id, values] of Object.entries(edited)) {
    const defaults = PARAMETER_DEFAULTS.get(id) as Record<string, unknown> | undefined;
    for (const [name, value] of Object.entries(values)) {
      if (defaults && JSON.stringify(defaults[name]) === JSON.stringify(value)) continue;
      (changed[id] ??= {})[name] = value;
    }
  }
  return changed;
}
