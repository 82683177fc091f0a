import { serveInspectWorker } from './inspect-workers';

/**
 * Entry point of dist/cli/inspect-worker.cjs: an `inspect` analysis worker and nothing else. A worker that loaded
 * the whole CLI bundle would compile every command (and Node modules they need) before analysing a single token.
 */
void serveInspectWorker();
