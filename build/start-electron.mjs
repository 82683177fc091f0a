// `npm start` (after the build): runs the desktop app on the repo root, whose package.json `main` is
// dist/electron/main.cjs. Where the Electron runtime is missing (Electron 42+ has no install script: the binary
// comes on first use) the electron package's own installer fetches it, with progress; where that fails, one plain
// message says what failed and every way forward (build/electron-launcher.mjs), and the exit code is 1.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { electronPackage } from './electron-download-facts.mjs';
import { installElectronRuntime } from './electron-installer.mjs';
import { launchElectron, startElectron } from './electron-launcher.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electron = electronPackage();

const exitCode = await startElectron({
  version: electron.version,
  findBinary: () => findElectronBinary({ packageDir: electron.directory }),
  installRuntime: () => installElectronRuntime({ electron }),
  say: (line) => console.error(line),
  launch: (binaryPath) => launchElectron(binaryPath, repoRoot),
});
process.exit(exitCode);
