import { findElectronBinary } from '../../build/electron-binary.mjs';
import { electronPackage } from '../../build/electron-download-facts.mjs';
import { installElectronRuntime } from '../../build/electron-installer.mjs';
import { ensureElectronRuntime } from '../../build/electron-launcher.mjs';

/** Set for the test workers when no runtime could be had: the first line of the launcher's own explanation. */
export const UNAVAILABLE_VARIABLE = 'TOKENTRAIL_ELECTRON_UNAVAILABLE';

/**
 * Global setup of the Electron smoke test: gets the runtime the way `npm start` does (the electron package's own
 * installer when it is missing). A stalled download gives up after 30 s, so CI fails fast instead of hanging; a
 * failed one leaves its one-line reason for the spec, which then skips.
 */
export default async function ensureRuntime(): Promise<void> {
  const electron = electronPackage();
  const runtime = await ensureElectronRuntime({
    version: electron.version,
    findBinary: () => findElectronBinary({ packageDir: electron.directory }),
    installRuntime: () => installElectronRuntime({ electron, stallMilliseconds: 30_000 }),
    say: (line) => console.log(line),
  });
  if (!runtime.ok) process.env[UNAVAILABLE_VARIABLE] = runtime.message.split('\n')[0]?.replace(/^Tokentrail: /, '');
}
