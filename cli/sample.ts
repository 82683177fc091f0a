import { closeSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { SCENARIO_FORMATS, type BundleSink } from '../core/scenarios';
import { CliError } from './cli-error';
import type { Command } from './command';
import { GENERATION_OPTIONS, generationRequest, streamRequested } from './scenario-options';

const OPTIONS = {
  out: { type: 'string', needs: 'a directory to write the bundle into' },
  ...GENERATION_OPTIONS,
} as const;

/** Where in DIR the bundle goes; the answer key is DIR/answer-key.json. */
export const BUNDLE_FOLDER = 'bundle';

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

/**
 * A bundle folder written as the generator produces it: each file opened on its first write ('wx': never over an
 * existing one) and appended to, so a bundle of millions of events never sits in memory.
 */
export function folderSink(folder: string): BundleSink & { close(): void } {
  const descriptors = new Map<string, number>();
  return {
    write(file, bytes) {
      let descriptor = descriptors.get(file);
      if (descriptor === undefined) {
        const target = path.join(folder, file);
        mkdirSync(path.dirname(target), { recursive: true });
        descriptor = openSync(target, 'wx');
        descriptors.set(file, descriptor);
      }
      for (let at = 0; at < bytes.length;) at += writeSync(descriptor, bytes, at);
    },
    close() {
      for (const descriptor of descriptors.values()) closeSync(descriptor);
      descriptors.clear();
    },
  };
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
    const request = generationRequest(positionals, values);
    const out = values.out;
    if (out === undefined) throw new CliError('missing-value', `--out needs ${OPTIONS.out.needs}`);
    emptyDirectory(out);
    // The bundle in its own folder, so the answer key beside it is not an unlisted file of the bundle.
    const sink = folderSink(path.join(out, BUNDLE_FOLDER));
    let generated;
    try {
      generated = streamRequested(request, sink);
      writeFileSync(path.join(out, 'answer-key.json'), `${JSON.stringify(generated.answerKey, null, 2)}\n`);
    } catch (error) {
      if (error instanceof CliError || !('code' in (error as object))) throw error;
      throw new CliError('unreadable-input', `cannot write into ${out} (${(error as Error).message})`);
    } finally {
      sink.close();
    }
    io.stdout(
      `${request.scenarioId}: ${generated.eventCount} events, ${generated.paths.length} files written to ${path.join(out, BUNDLE_FOLDER)}`,
    );
    io.stdout(`answer key: ${path.join(out, 'answer-key.json')} (keep it from the trainees)`);
    return Promise.resolve(0);
  },
};
