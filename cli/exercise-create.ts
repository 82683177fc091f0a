import { webcrypto } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { HIDDEN_ANALYSES, sealExercise, serializeExerciseFile, type HiddenAnalysis } from '../core/scenarios';
import { CliError } from './cli-error';
import type { Command } from './command';
import { readPassphraseFile } from './passphrase-file';
import {
  GENERATION_OPTIONS,
  MAX_EXERCISE_EVENTS,
  MAX_SEED,
  generateRequested,
  generationRequest,
} from './scenario-options';

const OPTIONS = {
  out: { type: 'string', needs: 'a new file to write the exercise into (.ttexercise)' },
  'passphrase-file': { type: 'string', needs: "a file holding the instructor's passphrase" },
  hide: { type: 'string', needs: `a comma-separated list of: ${HIDDEN_ANALYSES.join(', ')}` },
  ...GENERATION_OPTIONS,
} as const;

/** The node:crypto WebCrypto, as core's sealing takes it. */
export const nodeSealingCrypto = {
  subtle: webcrypto.subtle,
  randomBytes: (length: number) => webcrypto.getRandomValues(new Uint8Array(length)),
};

function hiddenOf(value: string | undefined): HiddenAnalysis[] {
  if (value === undefined) return [];
  const hidden = value.split(',').map((item) => item.trim());
  const unknown = hidden.filter((item) => !(HIDDEN_ANALYSES as readonly string[]).includes(item));
  if (unknown.length > 0)
    throw new CliError('invalid-value', `--hide: unknown "${unknown.join(', ')}"; use ${HIDDEN_ANALYSES.join(', ')}`);
  return hidden as HiddenAnalysis[];
}

/** `tokentrail exercise create <scenario> --out FILE --passphrase-file FILE [--hide …] [--events N] [--seed S]`. */
export const exerciseCreateCommand: Command<typeof OPTIONS> = {
  name: 'exercise create',
  help: `  tokentrail exercise create <scenario> --out FILE.ttexercise --passphrase-file FILE
                    [--hide LIST] [--events N] [--seed S] [--formats LIST]
      Generate a scenario's bundle and seal it as an exercise file for trainees (docs/training.md):
      the evidence and the story in clear, the answer key encrypted (AES-256-GCM, key from the
      passphrase by PBKDF2-SHA-256). The passphrase is the first line of --passphrase-file.
      --hide: what the app hides from the trainee, of ${HIDDEN_ANALYSES.join(', ')}. --seed: random
      when not given (a known seed lets anyone regenerate the answer key); it is printed.
      Exit 0 written, 2 on a usage error or when FILE exists or cannot be written.`,
  options: OPTIONS,
  shared: [],
  async run({ values, positionals }, io) {
    const request = generationRequest(positionals, values);
    if ((request.events ?? 0) > MAX_EXERCISE_EVENTS)
      throw new CliError(
        'invalid-value',
        `--events: an exercise file holds at most ${MAX_EXERCISE_EVENTS.toLocaleString('en')} events (its bundle is sealed in memory); use tokentrail sample for more`,
      );
    const out = values.out;
    if (out === undefined) throw new CliError('missing-value', `--out needs ${OPTIONS.out.needs}`);
    // Said before the bundle is generated; the write itself still refuses an existing file ('wx' below).
    if (existsSync(out)) throw new CliError('unreadable-input', `cannot write ${out} (it exists)`);
    const passphrase = readPassphraseFile(values['passphrase-file']);
    const hidden = hiddenOf(values.hide);
    const seed = request.seed ?? webcrypto.getRandomValues(new Uint32Array(1))[0]! % (MAX_SEED + 1);
    const generated = generateRequested({ ...request, seed });
    const exercise = await sealExercise(nodeSealingCrypto, {
      answerKey: generated.answerKey,
      files: generated.files,
      passphrase,
      hidden,
    });
    try {
      // 'wx': an existing file is never overwritten (it may be the exercise trainees already have).
      writeFileSync(out, serializeExerciseFile(exercise), { flag: 'wx' });
    } catch (error) {
      throw new CliError('unreadable-input', `cannot write ${out} (${(error as Error).message})`);
    }
    io.stdout(`${request.scenarioId}: seed ${seed}, ${generated.eventCount} events, ${generated.files.length} files`);
    io.stdout(`exercise: ${out} (the answer key inside opens only with the passphrase)`);
    return 0;
  },
};
