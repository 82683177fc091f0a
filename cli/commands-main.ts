import { isInspectWorker, serveInspectWorker } from './inspect-workers';
import { processOutput } from './output';
import { runAsProcess } from './process-entry';
import { run } from './run';

// Entry point of dist/cli/commands.cjs: every command (cli/main.ts sends `inspect` to its own smaller bundle). An
// `inspect` analysis worker started from this same bundle serves blocks instead.
runAsProcess(() => (isInspectWorker() ? serveInspectWorker() : run(process.argv.slice(2), processOutput)));
