import { processOutput } from './output';
import { run } from './run';

// The one place that touches process exit: everything else is testable through run().
run(process.argv.slice(2), processOutput).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`tokentrail: unexpected failure: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
