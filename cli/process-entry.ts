/**
 * The one place that touches the process exit, shared by the CLI's bundles (cli/commands-main.ts,
 * cli/inspect-main.ts): everything else is testable through run() and runCommand().
 */
export function runAsProcess(task: () => Promise<number>): void {
  // A reader that goes away (`tokentrail export … | head`) makes writes fail with EPIPE: the export's write sees the
  // error and says so; without a listener Node would also throw it as an unhandled 'error' event.
  process.stdout.on('error', () => {});
  task().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`tokentrail: unexpected failure: ${(error as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
