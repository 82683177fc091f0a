import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildApplicationMenu, type ApplicationMenuOptions } from '../../../electron/application-menu';

const submenuOf = (item: MenuItemConstructorOptions | undefined) => item?.submenu as MenuItemConstructorOptions[];
const build = (overrides: Partial<ApplicationMenuOptions> = {}) =>
  buildApplicationMenu({
    isPackaged: true,
    platform: 'linux',
    onOpenBundle: () => {},
    onAbout: () => {},
    ...overrides,
  });

describe('buildApplicationMenu', () => {
  it('has File with Open bundle… and Quit, and Edit with the standard roles', () => {
    let opened = 0;
    const menu = build({ onOpenBundle: () => (opened += 1) });
    expect(menu.map((item) => item.label)).toEqual(['&File', '&Edit', '&Help']);
    const [open, , quit] = submenuOf(menu[0]);
    expect(open).toMatchObject({ label: 'Open bundle…', accelerator: 'CmdOrCtrl+O' });
    expect(quit?.role).toBe('quit');
    (open?.click as () => void)();
    expect(opened).toBe(1);
    expect(submenuOf(menu[1]).map((item) => item.role ?? item.type)).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('offers reload and DevTools only when not packaged', () => {
    const packaged = build();
    const development = build({ isPackaged: false });
    const roles = (menu: MenuItemConstructorOptions[]) =>
      menu.flatMap((item) => submenuOf(item)?.map((entry) => entry.role) ?? []);
    expect(roles(packaged)).not.toContain('toggleDevTools');
    expect(roles(packaged)).not.toContain('reload');
    expect(submenuOf(development[3]).map((item) => item.role)).toEqual(['reload', 'forceReload', 'toggleDevTools']);
  });

  it('puts the app menu first on macOS only', () => {
    expect(build({ platform: 'darwin' })[0]?.role).toBe('appMenu');
    expect(build({ platform: 'win32' })[0]?.role).toBeUndefined();
  });

  it('opens the About dialog from Help on every platform', () => {
    let about = 0;
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const help = build({ platform, onAbout: () => (about += 1) }).find((item) => item.label === '&Help');
      const [item] = submenuOf(help);
      expect(item?.label).toBe('About Tokentrail');
      (item?.click as () => void)();
    }
    expect(about).toBe(3);
  });
});
