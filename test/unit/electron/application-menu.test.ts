import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildApplicationMenu } from '../../../electron/application-menu';

const submenuOf = (item: MenuItemConstructorOptions | undefined) => item?.submenu as MenuItemConstructorOptions[];

describe('buildApplicationMenu', () => {
  it('has File with Open bundle… and Quit, and Edit with the standard roles', () => {
    let opened = 0;
    const menu = buildApplicationMenu({ isPackaged: true, platform: 'linux', onOpenBundle: () => (opened += 1) });
    expect(menu.map((item) => item.label)).toEqual(['&File', '&Edit']);
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
    const packaged = buildApplicationMenu({ isPackaged: true, platform: 'linux', onOpenBundle: () => {} });
    const development = buildApplicationMenu({ isPackaged: false, platform: 'linux', onOpenBundle: () => {} });
    const roles = (menu: MenuItemConstructorOptions[]) =>
      menu.flatMap((item) => submenuOf(item)?.map((entry) => entry.role) ?? []);
    expect(roles(packaged)).not.toContain('toggleDevTools');
    expect(roles(packaged)).not.toContain('reload');
    expect(submenuOf(development[2]).map((item) => item.role)).toEqual(['reload', 'forceReload', 'toggleDevTools']);
  });

  it('puts the app menu first on macOS only', () => {
    expect(buildApplicationMenu({ isPackaged: true, platform: 'darwin', onOpenBundle: () => {} })[0]?.role).toBe(
      'appMenu',
    );
    expect(
      buildApplicationMenu({ isPackaged: true, platform: 'win32', onOpenBundle: () => {} })[0]?.role,
    ).toBeUndefined();
  });
});
