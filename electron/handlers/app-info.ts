import type { AppInfo } from '../../ipc/ipc-contract';
import { defineIpcHandler, type IpcHandler } from './ipc-handler';

/** What the `app:info` handler needs. */
export interface AppInfoDependencies {
  readonly version: string;
  readonly platform: string;
  readonly versions: AppInfo['versions'];
  /** The current list of cancelled requests; read on every call so the answer is never stale. */
  readonly blockedRequests: () => readonly string[];
}

/** `app:info`: the shell's version, platform and the requests it has cancelled so far. */
export function createAppInfoHandler(dependencies: AppInfoDependencies): IpcHandler<'app:info'> {
  return defineIpcHandler('app:info', async (): Promise<AppInfo> => ({
    version: dependencies.version,
    platform: dependencies.platform,
    versions: { ...dependencies.versions },
    blockedRequests: [...dependencies.blockedRequests()],
  }));
}
