import { createAppInfoHandler, type AppInfoDependencies } from './app-info';
import type { IpcHandlerMap } from './ipc-handler';
import { createOpenedFilesHandler, type OpenedFilesDependencies } from './opened-files';
import { createPickBundleHandler, type PickBundleDependencies } from './pick-bundle';
import { createReadFileHandler, type ReadFileDependencies } from './read-file';
import { createReportSigningHandlers, type ReportSigningDependencies } from './report-signing';
import { createSaveExportHandler, type SaveExportDependencies } from './save-export';
import { createSaveStreamHandlers, type SaveStreamDependencies } from './save-stream';
import { createShippedGeoDatabasesHandler, type ShippedGeoDatabasesDependencies } from './shipped-geo-databases';

/** Everything the handlers need, in one object the main process builds from Electron and Node. */
export interface IpcHandlerDependencies {
  readonly pickBundle: PickBundleDependencies;
  readonly readFile: ReadFileDependencies;
  readonly saveExport: SaveExportDependencies;
  readonly saveStream: SaveStreamDependencies;
  readonly appInfo: AppInfoDependencies;
  readonly shippedGeoDatabases: ShippedGeoDatabasesDependencies;
  readonly openedFiles: OpenedFilesDependencies;
  readonly reportSigning: ReportSigningDependencies;
}

/** Builds the handler of every contract channel; the type makes a missing channel a compile error. */
export function createIpcHandlers(dependencies: IpcHandlerDependencies): IpcHandlerMap {
  return {
    'bundle:pick': createPickBundleHandler(dependencies.pickBundle),
    'file:read': createReadFileHandler(dependencies.readFile),
    'export:save': createSaveExportHandler(dependencies.saveExport),
    ...createSaveStreamHandlers(dependencies.saveStream),
    'app:info': createAppInfoHandler(dependencies.appInfo),
    'geo:shipped': createShippedGeoDatabasesHandler(dependencies.shippedGeoDatabases),
    'files:opened': createOpenedFilesHandler(dependencies.openedFiles),
    ...createReportSigningHandlers(dependencies.reportSigning),
  };
}
