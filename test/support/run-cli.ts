import { run } from '../../cli/run';

/** Runs the CLI in this process, as `tokentrail ARGV…`: its exit code and its standard output and error as text. */
export async function runCli(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, { stdout: (line) => void stdout.push(line), stderr: (line) => void stderr.push(line) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
