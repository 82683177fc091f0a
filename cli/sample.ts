import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findScenario, generateScenario, SCENARIO_FORMATS, SCENARIOS, type ScenarioFormat } from '../core/scenarios';
import { CliError } from './cli-error';
import type { Command } from './command';
import { nodeRs256Signer } from './node-crypto-signer';

/** The most events one run generates: the bundle is built in memory (docs/training.md, "Size, seed, keys"). */
const MAX_EVENTS = 2_000_000;
/** Seeds are 32-bit: a larger one would silently give another seed's bundle. */
const MAX_SEED = 0xffff_ffff;

const OPTIONS = {
  out: { type: 'string', needs: 'a directory to write the bundle into' },
  events: { type: 'string', needs: `a number of events from 1 to ${MAX_EVENTS.toLocaleString('en')}` },
  seed: { type: 'string', needs: `a whole number from 0 to ${MAX_SEED}` },
  formats: { type: 'string', needs: `a comma-separated list of: ${SCENARIO_FORMATS.join(', ')}` },
} as const;

/** Where in DIR the bundle goes; the answer key is DIR/answer-key.json. */
export const BUNDLE_FOLDER = 'bundle';

function wholeNumber(
  value: string | undefined,
  option: keyof typeof OPTIONS,
  [minimum, maximum]: [number, number],
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < minimum || number > maximum)
    throw new CliError('invalid-value', `--${option} needs ${OPTIONS[option].needs}`);
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

/** Refuse to write into a folder that holds anything: a bundle is evidence, never overwritten or mixed. */
function emptyDirectory(dir: string): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new CliError('unreadable-input', `--out ${dir} cannot be used (${(error as Error).message})`);
  }
  if (entries.length > 0) throw new CliError('invalid-value', `--out ${dir} is not empty; choose a new directory`);
}

/** `tokentrail sample <scenario> --out DIR [--events N] [--seed S] [--formats …]`. */
export const sampleCommand: Command<typeof OPTIONS> = {
  name: 'sample',
  help: `  tokentrail sample <scenario> --out DIR [--events N] [--seed S] [--formats LIST]
      Generate a training scenario's evidence bundle as the folder DIR/bundle (DIR new or empty), with
      its answer key beside it as DIR/answer-key.json (docs/training.md). The same scenario, seed, events
      and formats give byte-identical files. --events: ordinary events around the incident (default
      400). --seed: default 1. --formats: comma-separated, of ${SCENARIO_FORMATS.join(', ')};
      the token service log (jsonl) is always written. Default: jsonl, the scenario's identity
      provider, access-log, har. Scenario ids: tokentrail sample list.
      Exit 0 written, 2 on a usage error or when DIR cannot be written.`,
  options: OPTIONS,
  shared: [],
  run({ values, positionals }, io) {
    if (positionals.length !== 1)
      throw new CliError('wrong-input-count', 'takes exactly one scenario id (tokentrail sample list)');
    const scenario = findScenario(positionals[0]!);
    if (!scenario)
      throw new CliError(
        'invalid-value',
        `unknown scenario "${positionals[0]}"; one of ${SCENARIOS.map((item) => item.id).join(', ')}`,
      );
    const out = values.out;
    if (out === undefined) throw new CliError('missing-value', `--out needs ${OPTIONS.out.needs}`);
    const events = wholeNumber(values.events, 'events', [1, MAX_EVENTS]);
    const seed = wholeNumber(values.seed, 'seed', [0, MAX_SEED]);
    const formats = formatsOf(values.formats);
    emptyDirectory(out);
    const generated = generateScenario(scenario, {
      signer: nodeRs256Signer,
      ...(events !== undefined ? { events } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(formats !== undefined ? { formats } : {}),
    });
    try {
      // The bundle in its own folder, so the answer key beside it is not an unlisted file of the bundle.
      for (const file of generated.files) {
        mkdirSync(path.dirname(path.join(out, BUNDLE_FOLDER, file.path)), { recursive: true });
        writeFileSync(path.join(out, BUNDLE_FOLDER, file.path), file.bytes);
      }
      writeFileSync(path.join(out, 'answer-key.json'), `${JSON.stringify(generated.answerKey, null, 2)}\n`);
    } catch (error) {
      throw new CliError('unreadable-input', `cannot write into ${out} (${(error as Error).message})`);
    }
    io.stdout(
      `${scenario.id}: ${generated.eventCount} events, ${generated.files.length} files written to ${path.join(out, BUNDLE_FOLDER)}`,
    );
    io.stdout(`answer key: ${path.join(out, 'answer-key.json')} (keep it from the trainees)`);
    return Promise.resolve(0);
  },
};
