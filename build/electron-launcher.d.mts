/** Types of build/electron-launcher.mjs for the TypeScript callers (tests, the Electron smoke test). */
import type { InstallResult } from './electron-installer.mjs';

type BinaryLookup = { found: true; path: string } | { found: false; reason: string };
export interface RuntimeDependencies {
  findBinary: () => BinaryLookup;
  installRuntime: () => Promise<InstallResult>;
  version: string;
  env?: NodeJS.ProcessEnv;
  cacheFile?: string;
  say?: (line: string) => void;
}

export declare function installFailureMessage(options: {
  cause: string;
  version: string;
  cacheFile: string;
  logPath: string;
  platform?: string;
  arch?: string;
}): string;
export declare function overrideMissingMessage(reason: string, version: string): string;
export declare function ensureElectronRuntime(
  dependencies: RuntimeDependencies,
): Promise<{ ok: true; path: string } | { ok: false; message: string }>;
export declare function launchElectron(binaryPath: string, appFolder: string, env?: NodeJS.ProcessEnv): Promise<number>;
export declare function startElectron(
  dependencies: RuntimeDependencies & {
    launch: (binaryPath: string) => Promise<number>;
    fail?: (message: string) => void;
  },
): Promise<number>;
