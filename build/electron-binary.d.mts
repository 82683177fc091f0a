/** Types of build/electron-binary.mjs for the TypeScript callers (the Electron smoke test). */

/** Where the Electron executable is, or why there is none. Never downloads or requires `electron`. */
export declare function findElectronBinary(options?: {
  packageDir?: string;
  env?: NodeJS.ProcessEnv;
}): { found: true; path: string } | { found: false; reason: string };
