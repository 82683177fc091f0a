/** Types of build/electron-download-facts.mjs for the TypeScript callers (tests, the Electron smoke test). */

export interface ElectronPackage {
  directory: string;
  version: string;
  installerPath: string;
}
export declare function electronPackage(packageJsonPath?: string): ElectronPackage;
export declare function electronArtifactName(version: string, platform?: string, arch?: string): string;
export declare function electronCacheRoot(env?: NodeJS.ProcessEnv, platform?: string, home?: string): string;
export declare function electronCacheFile(options: {
  version: string;
  env?: NodeJS.ProcessEnv;
  platform?: string;
  arch?: string;
  home?: string;
}): string;
