// The in-app help's content, read from core's registries (so it can never disagree with what runs): every token
// check, every detector with its parameters and defaults, and every log format. Pure, so it is unit-tested.
import { TOKEN_CHECKS } from '../../core/token';
import { parameterLabel, TIMELINE_DETECTORS } from '../../core/timeline';
import { SOURCE_FORMATS } from '../../core/sources';
import type { Severity } from '../../core/token';

/** One parameter of a detector: its name, its label in words with its unit, default and what it means. */
export interface HelpParameter {
  readonly name: string;
  readonly label: string;
  readonly defaultValue: string;
  readonly help: string;
}

/** One entry of the help: a check, a detector or a format. */
export interface HelpTopic {
  readonly kind: 'check' | 'detector' | 'format';
  readonly id: string;
  readonly title: string;
  readonly severity?: Severity;
  readonly description?: string;
  readonly parameters: readonly HelpParameter[];
  readonly references: readonly string[];
}

/** Every topic: checks, then detectors, then formats, each in registry order. */
export function helpTopics(): HelpTopic[] {
  return [
    ...TOKEN_CHECKS.map((check) => ({
      kind: 'check' as const,
      id: check.id,
      title: check.title,
      severity: check.severity,
      parameters: [],
      references: check.references,
    })),
    ...TIMELINE_DETECTORS.map((detector) => ({
      kind: 'detector' as const,
      id: detector.id,
      title: detector.title,
      severity: detector.severity,
      description: detector.description,
      parameters: Object.entries(detector.defaults).map(([name, value]) => ({
        name,
        label: parameterLabel(name),
        defaultValue: JSON.stringify(value),
        help: (detector.parameterHelp as Readonly<Record<string, string>>)[name] ?? '',
      })),
      references: detector.references,
    })),
    ...SOURCE_FORMATS.map((format) => ({
      kind: 'format' as const,
      id: format.name,
      title: format.title,
      description:
        format.framing === 'lines'
          ? 'One record per line.'
          : 'JSON: an array, JSON Lines, or an object wrapping an array.',
      parameters: [],
      references: [],
    })),
  ];
}

/** The element id of a topic on the help page (a check and a format never share an id with a detector). */
export function helpAnchor(topic: Pick<HelpTopic, 'kind' | 'id'>): string {
  return `help-${topic.kind}-${topic.id}`;
}

/** The route hash that opens the help on one check's or detector's explanation. */
export function helpHref(id: string): string {
  return `#/help/${encodeURIComponent(id)}`;
}
