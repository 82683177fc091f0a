// The options `sample` and `exercise create` share: which bundle to generate (events, seed, formats) and the
// scenario named on the command line. Parsed in one place so both commands refuse the same mistakes the same way.
import {
  findScenario,
  generateScenario,
  SCENARIO_FORMATS,
  SCENARIOS,
  writeScenario,
  type BundleSink,
  type GeneratedScenario,
  type ScenarioFormat,
  type StreamedScenario,
} from '../core/scenarios';
import { CliError } from './cli-error';
import { nodeRs256Signer } from './node-crypto-signer';
import { nodeSha256 } from './node-sha256';

/**
 * The most events one run generates. `sample` streams the bundle to disk a day at a time, so this is about time
 * (about 45 minutes at 10M), not memory; `exercise create` builds its file in memory and stops earlier.
 */
export const MAX_EVENTS = 10_000_000;
/** The most events of an exercise file, which holds its whole bundle in memory (as JSON) while it is sealed. */
export const MAX_EXERCISE_EVENTS = 2_000_000;
/** Seeds are 32-bit: a larger one would silently give another seed's bundle. */
export const MAX_SEED = 0xffff_ffff;

/** The generation options, as a command's option specs. */
export const GENERATION_OPTIONS = {
  events: { type: 'string', needs: `a number of events from 1 to ${MAX_EVENTS.toLocaleString('en')}` },
  seed: { type: 'string', needs: `a whole number from 0 to ${MAX_SEED}` },
  formats: { type: 'string', needs: `a comma-separated list of: ${SCENARIO_FORMATS.join(', ')}` },
} as const;

function wholeNumber(
  value: string | undefined,
  option: keyof typeof GENERATION_OPTIONS,
  [minimum, maximum]: [number, number],
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < minimum || number > maximum)
    throw new CliError('invalid-value', `--${option} needs ${GENERATION_OPTIONS[option].needs}`);
  return number;
}

function formatsOf(value: string | undefined): ScenarioFormat[] | undefined {
  if (value === undefined) return undefined;
  const formats = value.split(',').map((format) => format.trim());
  const unknown = formats.filter((format) => !(SCENARIO_FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0 || formats.length === 0)
    throw new CliError(
      'invalid-value',
      `--formats: unknown format "${unknown.join(', ')}"; use ${SCENARIO_FORMATS.join(', ')}`,
    );
  return formats as ScenarioFormat[];
}

/** What to generate, from the command line: the scenario and the options given (absent ones keep the defaults). */
export interface GenerationRequest {
  readonly scenarioId: string;
  readonly events?: number;
  readonly seed?: number;
  readonly formats?: ScenarioFormat[];
}

/** Check the one positional (a scenario id) and the generation options, before anything is written. */
export function generationRequest(
  positionals: readonly string[],
  values: { readonly events?: string; readonly seed?: string; readonly formats?: string },
): GenerationRequest {
  if (positionals.length !== 1)
    throw new CliError('wrong-input-count', 'takes exactly one scenario id (tokentrail sample list)');
  const scenarioId = positionals[0]!;
  if (!findScenario(scenarioId))
    throw new CliError(
      'invalid-value',
      `unknown scenario "${scenarioId}"; one of ${SCENARIOS.map((item) => item.id).join(', ')}`,
    );
  const events = wholeNumber(values.events, 'events', [1, MAX_EVENTS]);
  const seed = wholeNumber(values.seed, 'seed', [0, MAX_SEED]);
  const formats = formatsOf(values.formats);
  return {
    scenarioId,
    ...(events !== undefined ? { events } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(formats !== undefined ? { formats } : {}),
  };
}

/** Generate what `request` asks for in memory, signing with node:crypto (the same bytes as core's signer, faster). */
export function generateRequested(request: GenerationRequest): GeneratedScenario {
  const { scenarioId, ...options } = request;
  return generateScenario(findScenario(scenarioId)!, { signer: nodeRs256Signer, sha256: nodeSha256, ...options });
}

/** Generate what `request` asks for into `sink` as it is produced (node:crypto signing and hashing). */
export function streamRequested(request: GenerationRequest, sink: BundleSink): StreamedScenario {
  const { scenarioId, ...options } = request;
  return writeScenario(findScenario(scenarioId)!, { signer: nodeRs256Signer, sha256: nodeSha256, ...options }, sink);
}
