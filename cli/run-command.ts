import { CLI_ERROR_EXIT, CliError } from './cli-error';
import { parseCommandLine, type Command, type CommandIo } from './command';
import type { Output } from './output';
import { terminalSafe } from './terminal-text';

/**
 * Running one known command, shared by the whole CLI (cli/run.ts) and by the `inspect`-only bundle
 * (cli/inspect-main.ts), so both print the same help and the same error lines.
 */

/** Run `command` on its arguments (the words after its name); returns the exit code. */
export async function runCommand(command: Command, argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    if (argv.includes('--help')) {
      io.stdout(command.help);
      return 0;
    }
    return await command.run(parseCommandLine(command, argv), io);
  } catch (error) {
    return reportCliError(error, command, io);
  }
}

/** Print a `CliError` (named after the command it concerns) and return its exit code; rethrow anything else. */
export function reportCliError(error: unknown, command: Command | undefined, out: Output): number {
  if (!(error instanceof CliError)) throw error;
  // Named after the command it concerns, and pointing at that command's help when the mistake is in the typing.
  const words = command ? `tokentrail ${command.name}` : 'tokentrail';
  // Messages can quote a path or a value from the command line or a file: printed terminal-safe like evidence.
  out.stderr(
    terminalSafe(
      error.isUsage ? `${words}: ${error.message}. Run "${words} --help" for usage.` : `${words}: ${error.message}`,
    ),
  );
  return CLI_ERROR_EXIT;
}
