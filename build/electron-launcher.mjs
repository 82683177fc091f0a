// The logic behind `npm start`: find the Electron runtime, have the `electron` package's installer fetch it when it is
// missing, then launch the app. Every dependency is injected so the decisions are unit-tested without Electron or a
// network (test/unit/build/electron-launcher.test.ts); build/start-electron.mjs wires in the real ones.
import { spawn } from 'node:child_process';
import { electronArtifactName, electronCacheFile } from './electron-download-facts.mjs';

/**
 * What to tell a person whose runtime download failed: what failed, then every way forward, with the exact file name
 * and cache path for this machine. Plain lines, no stack trace.
 */
export function installFailureMessage({
  cause,
  version,
  cacheFile,
  logPath,
  platform = process.platform,
  arch = process.arch,
}) {
  const zip = electronArtifactName(version, platform, arch);
  return [
    `Tokentrail: the Electron ${version} runtime is missing and its download failed: ${cause}`,
    'The desktop app needs it once per checkout. Ways forward:',
    `  - With network access, run \`npm start\` again (behind a proxy: ELECTRON_GET_USE_PROXY=1 with HTTPS_PROXY set).`,
    `  - Offline: copy ${zip} (from the Electron v${version} release, or another machine's Electron cache) to`,
    `      ${cacheFile}`,
    '    and run `npm start` again; the installer checks it against node_modules/electron/checksums.json.',
    '  - A local mirror: set ELECTRON_MIRROR (and ELECTRON_CUSTOM_DIR if its folders are not named v<version>).',
    `  - An unpacked Electron ${version}: set ELECTRON_OVERRIDE_DIST_PATH to its folder.`,
    '  - Without Electron: the browser build (npm run web, or open dist/tokentrail.html after npm run build:web).',
    `See docs/install-offline.md. The installer's own output is in ${logPath}.`,
  ].join('\n');
}

/** What to say when ELECTRON_OVERRIDE_DIST_PATH names a folder without the runtime: we must not download over it. */
export function overrideMissingMessage(reason, version) {
  return [
    `Tokentrail: ${reason}, and ELECTRON_OVERRIDE_DIST_PATH is set, so nothing is downloaded.`,
    `Point it at the folder of an unpacked Electron ${version} runtime, or unset it and run \`npm start\` again to let`,
    'the electron package download the runtime. See docs/install-offline.md.',
  ].join('\n');
}

/**
 * Finds the runtime, installing it first when it is missing.
 * @param {{ findBinary: () => ({ found: true, path: string } | { found: false, reason: string }),
 *   installRuntime: () => Promise<{ ok: true } | { ok: false, cause: string, logPath: string }>,
 *   version: string, env?: NodeJS.ProcessEnv, cacheFile?: string, say?: (line: string) => void }} dependencies
 * @returns {Promise<{ ok: true, path: string } | { ok: false, message: string }>}
 */
export async function ensureElectronRuntime({
  findBinary,
  installRuntime,
  version,
  env = process.env,
  cacheFile,
  say = () => {},
}) {
  const before = findBinary();
  if (before.found) return { ok: true, path: before.path };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return { ok: false, message: overrideMissingMessage(before.reason, version) };

  say(
    `Tokentrail: the Electron ${version} runtime is not installed yet; fetching it with the electron package's installer…`,
  );
  const failed = (cause, logPath) => ({
    ok: false,
    message: installFailureMessage({
      cause,
      version,
      cacheFile: cacheFile ?? electronCacheFile({ version, env }),
      logPath,
    }),
  });
  const installed = await installRuntime();
  if (!installed.ok) return failed(installed.cause, installed.logPath);
  const after = findBinary();
  if (after.found) {
    say(`Tokentrail: Electron ${version} installed.`);
    return { ok: true, path: after.path };
  }
  return failed(`the installer finished but ${after.reason}`, 'the terminal above');
}

/**
 * Starts the app in Electron and resolves with its exit code. ELECTRON_RUN_AS_NODE inherited from a parent tool
 * would start plain Node instead of the app, so it is removed.
 */
export function launchElectron(binaryPath, appFolder, env = process.env) {
  const childEnv = { ...env };
  delete childEnv.ELECTRON_RUN_AS_NODE;
  const child = spawn(binaryPath, [appFolder], { stdio: 'inherit', env: childEnv });
  const forward = (signal) => {
    if (!child.killed) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Tokentrail: could not start Electron at ${binaryPath}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * `npm start`: ensure the runtime, then launch; resolves with the process exit code.
 * @param {Parameters<typeof ensureElectronRuntime>[0] & { launch: (binaryPath: string) => Promise<number>,
 *   fail?: (message: string) => void }} dependencies
 */
export async function startElectron(dependencies) {
  const { launch, fail = (message) => console.error(message) } = dependencies;
  const runtime = await ensureElectronRuntime(dependencies);
  if (!runtime.ok) {
    fail(runtime.message);
    return 1;
  }
  return launch(runtime.path);
}
