import { canonicalJson } from '../util/canonical-json';
import type { ParameterChange, ParameterValue } from './types';

/** A case's detector parameter settings: detector id (or `common`) → parameter → value. */
export type ParameterSettings = Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;

/** Same value, compared as the custody chain hashes it (canonical JSON), so member order never counts as a change. */
const same = (a: unknown, b: unknown) =>
  a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b);

/**
 * Every parameter whose setting differs between `before` and `after`, ordered by detector then parameter, so the
 * same edit always yields the same custody entry (and hash). A setting removed (back to the default) has no `to`.
 */
export function parameterChanges(before: ParameterSettings, after: ParameterSettings): ParameterChange[] {
  const changes: ParameterChange[] = [];
  for (const detector of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const old = before[detector] ?? {};
    const next = after[detector] ?? {};
    for (const parameter of [...new Set([...Object.keys(old), ...Object.keys(next)])].sort()) {
      if (same(old[parameter], next[parameter])) continue;
      changes.push({
        detector,
        parameter,
        ...(old[parameter] !== undefined ? { from: old[parameter] as ParameterValue } : {}),
        ...(next[parameter] !== undefined ? { to: next[parameter] as ParameterValue } : {}),
      });
    }
  }
  return changes;
}

const valueText = (value: ParameterValue | undefined) => (value === undefined ? 'default' : canonicalJson(value));

/** `impossible-travel.maxSpeedKmh: default → 20000`: one change as the custody log reads it. */
export function describeParameterChange(change: ParameterChange): string {
  return `${change.detector}.${change.parameter}: ${valueText(change.from)} → ${valueText(change.to)}`;
}
