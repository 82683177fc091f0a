// `npm start` (after the build): runs the desktop app on the repo root, whose package.json `main` is
// dist/electron/main.cjs. Where the Electron runtime is absent it says so in one line and exits 1: the browser
// build is the supported fallback, and a download stack trace would only confuse.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, MISSING_RUNTIME_MESSAGE } from './electron-binary.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = findElectronBinary();
if (!binary.found) {
  console.error(MISSING_RUNTIME_MESSAGE);
  process.exit(1);
}

// ELECTRON_RUN_AS_NODE inherited from a parent tool would start plain Node instead of the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary.path, [repoRoot], { stdio: 'inherit', env });
child.on('error', (error) => {
  console.error(`Tokentrail: could not start Electron at ${binary.path}: ${error.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
