import type { Readable } from 'node:stream';
import { TOOL_VERSION } from '../core';
import { analyzeCommand } from './analyze';
import { exerciseCreateCommand } from './exercise-create';
import { exerciseScoreCommand } from './exercise-score';
import { bundleVerifyCommand } from './bundle-verify';
import { caseExportCommand } from './case-export';
import { caseImportCommand } from './case-import';
import { caseVerifyCommand } from './case-verify';
import { CliError } from './cli-error';
import { exportCommand } from './export';
import type { Command } from './command';
import { helpText } from './help-text';
import { ingestCommand } from './ingest';
import { reportCreateCommand } from './report-create';
import { reportVerifyCommand } from './report-verify';
import { inspectCommand } from './inspect';
import { sampleCommand } from './sample';
import { sampleListCommand } from './sample-list';
import type { Output } from './output';
import { reportCliError, runCommand } from './run-command';

/**
 * Every command, in the order `tokentrail --help` lists them. A command whose words start another's (`sample`,
 * `sample list`) comes after it: the first that matches is run.
 */
export const COMMANDS: readonly Command[] = [
  bundleVerifyCommand,
  inspectCommand,
  ingestCommand,
  analyzeCommand,
  reportCreateCommand,
  reportVerifyCommand,
  caseExportCommand,
  caseImportCommand,
  caseVerifyCommand,
  exportCommand,
  sampleListCommand,
  sampleCommand,
  exerciseCreateCommand,
  exerciseScoreCommand,
];

/** The command `argv` starts with (all of its words), if any. */
export function findCommand(argv: readonly string[]): Command | undefined {
  return COMMANDS.find((command) => command.name.split(' ').every((word, index) => argv[index] === word));
}

/** Parse argv (without node and script) and run the command; returns the exit code. */
export async function run(argv: readonly string[], out: Output, stdin: Readable = process.stdin): Promise<number> {
  const command = findCommand(argv);
  if (command) return runCommand(command, argv.slice(command.name.split(' ').length), { ...out, stdin });
  try {
    return builtIn(argv, out);
  } catch (error) {
    return reportCliError(error, undefined, out);
  }
}

/** What is not a command: the help (whole, or of the command after `help`), the version, or a mistake. */
function builtIn(argv: readonly string[], out: Output): number {
  const [first] = argv;
  if (first === 'help' && argv.length > 1) {
    const command = findCommand(argv.slice(1));
    if (!command) throw unknownCommand(argv.slice(1));
    out.stdout(command.help);
    return 0;
  }
  if (first === undefined || first === 'help' || argv.includes('--help')) {
    out.stdout(helpText(COMMANDS));
    return 0;
  }
  if (first === '--version') {
    out.stdout(TOOL_VERSION);
    return 0;
  }
  if (first.startsWith('--')) throw new CliError('unknown-option', `unknown option ${first}`);
  throw unknownCommand(argv);
}

function unknownCommand(argv: readonly string[]): CliError {
  return new CliError('unknown-command', `unknown command "${argv.filter((arg) => !arg.startsWith('--')).join(' ')}"`);
}
