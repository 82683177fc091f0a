import type { MenuItemConstructorOptions } from 'electron';

/** What the menu needs to know and do. */
export interface ApplicationMenuOptions {
  /** Packaged builds drop reload and DevTools: investigators should not be one keystroke from a debugger. */
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /** Runs when File ▸ Open bundle… is chosen. */
  readonly onOpenBundle: () => void;
  /** Runs when Help ▸ About Tokentrail is chosen: the app's own dialog (versions, rules, geolocation licence). */
  readonly onAbout: () => void;
}

/**
 * The application menu: File (Open bundle…, Quit), Edit (the standard roles, so copy and paste work in text
 * fields), Help (About: the app's own dialog, which names the rule and geolocation database versions) and, in development only, View (reload, DevTools). On macOS the app menu comes first, as users expect.
 */
export function buildApplicationMenu(options: ApplicationMenuOptions): MenuItemConstructorOptions[] {
  const menu: MenuItemConstructorOptions[] = [];
  if (options.platform === 'darwin') menu.push({ role: 'appMenu' });
  menu.push(
    {
      label: '&File',
      submenu: [
        { label: 'Open bundle…', accelerator: 'CmdOrCtrl+O', click: () => options.onOpenBundle() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
  );
  menu.push({ label: '&Help', submenu: [{ label: 'About Tokentrail', click: () => options.onAbout() }] });
  if (!options.isPackaged) {
    menu.push({
      label: '&View',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  }
  return menu;
}
