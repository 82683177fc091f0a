import { inspectCommand } from './inspect';
import { isInspectWorker, serveInspectWorker } from './inspect-workers';
import { processOutput } from './output';
import { runAsProcess } from './process-entry';
import { runCommand } from './run-command';

// Entry point of dist/cli/inspect.cjs: `tokentrail inspect` alone. The whole CLI bundle is ten times its size, and
// compiling it (pdf-lib, fontkit, every command) cost more CPU than analysing 10,000 tokens; a bulk inspect starts
// from this one instead. Same command object, same help and errors as through cli/run.ts.
runAsProcess(() =>
  isInspectWorker()
    ? serveInspectWorker()
    : runCommand(inspectCommand, process.argv.slice(3), { ...processOutput, stdin: process.stdin }),
);
