/**
 * The Electron main process: registers the app scheme, locks the session down, opens the one window and wires
 * IPC. Decisions live in small pure modules (app-scheme, request-policy, resolve-app-file, content-security-policy)
 * and the IPC handlers in handlers/; this file only connects them to Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SHIPPED_GEO_DATABASES } from '../core/geo';
import { createAppProtocolHandler } from './app-protocol';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-scheme';
import { buildApplicationMenu } from './application-menu';
import { FileRegistry } from './handlers/file-registry';
import { createIpcHandlers } from './handlers/index';
import type { ShowSaveDialog } from './handlers/save-export';
import { SigningKeyCustody } from './handlers/signing-key-custody';
import { OrganisationKeyCustody, readKeyFileText } from './handlers/organisation-key-custody';
import { createWebCryptoVerifier, type SubtleLike } from '../core/token';
import { OpenedFileQueue, openablePathsFromArgv } from './handlers/opened-files';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../ipc/ipc-contract';
import { lockDownSession, lockDownWebContents } from './lockdown';
import { registerIpcHandlers } from './register-ipc';
import { BlockedRequestLog } from './request-policy';
import { shippedGeoDirectory } from './shipped-geo-directory';

/** Replaced by esbuild with package.json's version (build/build.mjs). */
declare const __TOKENTRAIL_VERSION__: string;

// Privileges can only be granted before `ready`; standard gives the pages an origin and with it IndexedDB.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
app.enableSandbox();

// main.cjs sits in dist/electron/, next to dist/web/ (also inside app.asar when packaged).
const webRoot = path.join(__dirname, '..', 'web');
const preloadPath = path.join(__dirname, 'preload.cjs');

const blockedRequests = new BlockedRequestLog();
let mainWindow: BrowserWindow | undefined;

// Files the operating system asks to open: on the command line (Windows, Linux; argv[0] is the app, and an
// unpackaged run has the app folder as argv[1]), through `open-file` (macOS, possibly before `ready`), or from a
// second launch. They wait here until the renderer asks; 'files-opened' tells a loaded renderer to ask.
const openedFiles = new OpenedFileQueue();
openedFiles.add(openablePathsFromArgv(process.argv.slice(app.isPackaged ? 1 : 2)));
app.on('open-file', (event, filePath) => {
  event.preventDefault();
  openedFiles.add([filePath]);
  sendMenuCommand('files-opened');
});

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'Tokentrail',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    // Typically dist/web was not built; say so instead of leaving a blank window.
    dialog.showErrorBox(
      'Tokentrail could not load its interface',
      `${String(error)}\n\nExpected the built UI in ${webRoot}.`,
    );
  });
  return window;
}

/** Dialogs are modal to the main window when it exists, free-standing otherwise. */
function dialogParent(): BrowserWindow | undefined {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
}

/** The native save dialog, modal to the main window when there is one. */
const showSaveDialog: ShowSaveDialog = (request) => {
  const parent = dialogParent();
  return parent ? dialog.showSaveDialog(parent, request) : dialog.showSaveDialog(request);
};

function registerIpc(): void {
  const registry = new FileRegistry(randomUUID);
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      pickBundle: {
        registry,
        fs,
        showOpenDialog: (request) => {
          const parent = dialogParent();
          return parent ? dialog.showOpenDialog(parent, request) : dialog.showOpenDialog(request);
        },
      },
      readFile: { registry, open: (filePath, flags) => fs.open(filePath, flags) },
      saveExport: {
        fs,
        defaultDirectory: app.getPath('documents'),
        showSaveDialog,
      },
      saveStream: {
        fs,
        defaultDirectory: app.getPath('documents'),
        createId: randomUUID,
        showSaveDialog,
      },
      appInfo: {
        version: __TOKENTRAIL_VERSION__,
        platform: process.platform,
        versions: {
          electron: process.versions.electron,
          chromium: process.versions.chrome,
          node: process.versions.node,
        },
        blockedRequests: () => blockedRequests.list(),
      },
      shippedGeoDatabases: {
        directory: shippedGeoDirectory({
          isPackaged: app.isPackaged,
          resourcesPath: process.resourcesPath,
          appPath: app.getAppPath(),
        }),
        fileNames: SHIPPED_GEO_DATABASES.map((database) => database.file),
        fs,
        registry,
      },
      openedFiles: { queue: openedFiles, registry, fs },
      // The report-signing key lives beside the profile, encrypted with safeStorage; only main ever decrypts it.
      reportSigning: {
        custody: new SigningKeyCustody({
          safeStorage,
          fs,
          keyFile: path.join(app.getPath('userData'), 'report-signing-key.bin'),
          now: Date.now,
        }),
        organisation: new OrganisationKeyCustody({
          safeStorage,
          fs,
          keyFile: path.join(app.getPath('userData'), 'report-organisation-key.bin'),
          now: Date.now,
          verifier: createWebCryptoVerifier(globalThis.crypto.subtle as unknown as SubtleLike),
        }),
        pickOrganisationKeyFiles: async () => {
          const request: Electron.OpenDialogOptions = {
            title: 'Organisation signing key (PKCS#8 PEM) and its certificate chain (PEM, leaf first)',
            properties: ['openFile', 'multiSelections'],
            filters: [
              { name: 'PEM key and certificates', extensions: ['pem', 'key', 'crt', 'cer'] },
              { name: 'All files', extensions: ['*'] },
            ],
          };
          const parent = dialogParent();
          const chosen = await (parent ? dialog.showOpenDialog(parent, request) : dialog.showOpenDialog(request));
          return chosen.canceled ? [] : chosen.filePaths;
        },
        readKeyFile: (filePath) => readKeyFileText(fs, filePath),
      },
    }),
  );
}

app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));

// One instance only: a second launch would race the first for the same IndexedDB profile.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    openedFiles.add(openablePathsFromArgv(argv.slice(1)));
    sendMenuCommand('files-opened');
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app
    .whenReady()
    .then(() => {
      lockDownSession(session.defaultSession, blockedRequests, { devtools: !app.isPackaged });
      const handleAppRequest = createAppProtocolHandler({ webRoot, readFile: (filePath) => fs.readFile(filePath) });
      protocol.handle(APP_SCHEME, handleAppRequest);
      registerIpc();
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildApplicationMenu({
            isPackaged: app.isPackaged,
            platform: process.platform,
            onOpenBundle: () => sendMenuCommand('open-bundle'),
            onAbout: () => sendMenuCommand('about'),
          }),
        ),
      );
      mainWindow = createMainWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
      });
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Tokentrail could not start', String(error));
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
