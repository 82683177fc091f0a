import { isInspectWorker, serveInspectWorker } from './inspect-workers';
import { processOutput } from './output';
import { run } from './run';

// The one place that touches process exit: everything else is testable through run(). An `inspect` analysis
// worker started from this same bundle (when no dedicated worker bundle sits beside it) serves blocks instead.
// A reader that goes away (`tokentrail export … | head`) makes writes fail with EPIPE: the export's write sees the
// error and says so; without a listener Node would also throw it as an unhandled 'error' event.
process.stdout.on('error', () => {});

(isInspectWorker() ? serveInspectWorker() : run(process.argv.slice(2), processOutput)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`tokentrail: unexpected failure: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
