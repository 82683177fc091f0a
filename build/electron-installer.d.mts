/** Types of build/electron-installer.mjs for the TypeScript callers (tests, the Electron smoke test). */
import type { ElectronPackage } from './electron-download-facts.mjs';

export type InstallResult = { ok: true } | { ok: false; cause: string; logPath: string };
type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean };

export declare function folderBytes(folder: string): number;
export declare function installerFailureCause(stderrText: string, exitCode: number | null): string;
export interface InstallProgress {
  downloadedBytes: number;
  unpackedBytes: number;
}
export declare function progressPrinter(
  stream: ProgressStream,
  fileName: string,
): { update(progress: InstallProgress): void; finish(): void };
export declare function runElectronInstaller(options: {
  installerPath: string;
  distDirectory: string;
  env?: NodeJS.ProcessEnv;
  onProgress?: (progress: InstallProgress) => void;
  stallMilliseconds?: number;
  pollMilliseconds?: number;
  logPath?: string;
}): Promise<InstallResult>;
export declare function installElectronRuntime(options: {
  electron: ElectronPackage;
  env?: NodeJS.ProcessEnv;
  stallMilliseconds?: number;
  progressStream?: ProgressStream;
}): Promise<InstallResult>;
