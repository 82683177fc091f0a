import type { Severity } from '../../token/findings';
import type { Timeline } from '../correlate';
import type { FamilyIndex } from '../families';
import type { FindingSink } from '../finding-builder';
import type { IdentityDirectory } from '../identity/directory-types';
import type { CommonParameters } from '../types';

/** What a detector receives: the correlated timeline, its parameters, and where to put findings. */
export interface DetectorContext<P> {
  readonly timeline: Timeline;
  readonly families: FamilyIndex;
  readonly parameters: P;
  readonly common: CommonParameters;
  readonly findings: FindingSink;
  /** Who each subject is, as the evidence names them: name subjects in messages with `bestName(identities, subject)`. */
  readonly identities: IdentityDirectory;
}

/**
 * One detector (Timesketch's analyzer shape): a stable id, a title, a description, a default severity, default
 * parameters (each one documented in docs/detectors.md), references, and the rule. Registered in one array,
 * TIMELINE_DETECTORS (registry.ts). A detector reads the timeline in time order keeping state per key, so its cost
 * is linear in the number of events.
 */
export interface Detector<P extends object = object> {
  /** Stable kebab-case id: findings carry it, the UI and CLI switch on it. */
  readonly id: string;
  readonly title: string;
  /** The rule, in one or two sentences. */
  readonly description: string;
  /** Severity of a typical finding; a detector may raise or lower it for one finding (documented). */
  readonly severity: Severity;
  readonly defaults: P;
  /** One line per parameter: what it means and its unit. */
  readonly parameterHelp: Readonly<Record<keyof P & string, string>>;
  readonly references: readonly string[];
  /** Run the rule; returns why it could not judge anything (e.g. nothing configured), or undefined. */
  run(context: DetectorContext<P>): string | undefined;
}

/** Helper so each detector file keeps its parameter type while the registry holds them all. */
export function defineDetector<P extends object>(detector: Detector<P>): Detector<P> {
  return detector;
}
