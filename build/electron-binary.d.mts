/** Types of build/electron-binary.mjs for the TypeScript callers (the Electron smoke test). */

/** The one line printed when the Electron runtime is missing. */
export declare const MISSING_RUNTIME_MESSAGE: string;

/** Where the Electron executable is, or why there is none. Never downloads or requires `electron`. */
export declare function findElectronBinary(options?: {
  packageDir?: string;
  env?: NodeJS.ProcessEnv;
}): { found: true; path: string } | { found: false; reason: string };
