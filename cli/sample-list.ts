import { SCENARIOS } from '../core/scenarios';
import { CliError } from './cli-error';
import type { Command } from './command';

/** `tokentrail sample list [--json]`: the training scenarios. */
export const sampleListCommand: Command = {
  name: 'sample list',
  help: `  tokentrail sample list [--json]
      The training scenarios, one id per line. With --json: one object per line with
      id, title and difficulty (easy, medium, hard). docs/training.md.`,
  options: {},
  shared: ['json'],
  run({ positionals, shared }, io) {
    if (positionals.length > 0) throw new CliError('wrong-input-count', 'takes no input');
    for (const scenario of SCENARIOS)
      io.stdout(
        shared.json
          ? JSON.stringify({ id: scenario.id, title: scenario.title, difficulty: scenario.difficulty })
          : scenario.id,
      );
    return Promise.resolve(0);
  },
};
