// Finds the Electron executable WITHOUT requiring the `electron` package: since Electron 42 that require
// downloads the binary when it is missing and fails with a stack trace. The lookup mirrors
// node_modules/electron/index.js (path.txt names the executable inside the package's dist/ folder, and
// ELECTRON_OVERRIDE_DIST_PATH replaces that folder) but only checks: downloading is the launcher's decision
// (build/electron-launcher.mjs), made through the package's own installer.
// Shared by build/start-electron.mjs and the Electron smoke test so both decide "installed?" the same way.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ packageDir?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary(options = {}) {
  const packageDir = options.packageDir ?? path.join(repoRoot, 'node_modules', 'electron');
  const env = options.env ?? process.env;
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary;
  if (override) {
    binary = path.join(override, executable || 'electron');
  } else if (executable) {
    binary = path.join(packageDir, 'dist', executable);
  } else {
    return { found: false, reason: `no Electron binary: ${pathFile} is missing (the binary was never downloaded)` };
  }
  if (!existsSync(binary)) return { found: false, reason: `no Electron binary at ${binary}` };
  return { found: true, path: binary };
}
