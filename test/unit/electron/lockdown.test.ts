import { describe, expect, it } from 'vitest';
import {
  lockDownSession,
  lockDownWebContents,
  type LockableSession,
  type LockableWebContents,
} from '../../../electron/lockdown';
import { BlockedRequestLog } from '../../../electron/request-policy';

/** A stand-in Session that keeps every handler lock-down installs, so each decision can be asked directly. */
function fakeSession() {
  const installed: {
    filter?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
    permissionRequest?: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    permissionCheck?: (...args: unknown[]) => boolean;
    devicePermission?: (...args: unknown[]) => boolean;
    spellChecker?: boolean;
  } = {};
  const session = {
    webRequest: { onBeforeRequest: (filter: typeof installed.filter) => void (installed.filter = filter) },
    setPermissionRequestHandler: (handler: typeof installed.permissionRequest) =>
      void (installed.permissionRequest = handler),
    setPermissionCheckHandler: (handler: typeof installed.permissionCheck) =>
      void (installed.permissionCheck = handler),
    setDevicePermissionHandler: (handler: typeof installed.devicePermission) =>
      void (installed.devicePermission = handler),
    setSpellCheckerEnabled: (enabled: boolean) => void (installed.spellChecker = enabled),
  };
  return { installed, session: session as unknown as LockableSession };
}

const cancelled = (
  filter: NonNullable<ReturnType<typeof fakeSession>['installed']['filter']>,
  url: string,
): boolean => {
  let cancel: boolean | undefined;
  filter({ url }, (response) => void (cancel = response.cancel));
  return cancel!;
};

describe('lockDownSession', () => {
  it('refuses every permission and turns the spell checker (a download) off', () => {
    const { installed, session } = fakeSession();
    lockDownSession(session, new BlockedRequestLog(), { devtools: false });
    const granted: boolean[] = [];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation'])
      installed.permissionRequest!(undefined, permission, (value) => granted.push(value));
    expect(granted).toEqual([false, false, false, false]);
    expect(installed.permissionCheck!()).toBe(false);
    expect(installed.devicePermission!()).toBe(false);
    expect(installed.spellChecker).toBe(false);
  });

  it('cancels and logs requests outside the app; devtools: loads only in an unpackaged run', () => {
    const packaged = fakeSession();
    const log = new BlockedRequestLog();
    lockDownSession(packaged.session, log, { devtools: false });
    expect(cancelled(packaged.installed.filter!, 'tokentrail://app/index.html')).toBe(false);
    expect(cancelled(packaged.installed.filter!, 'https://telemetry.example/')).toBe(true);
    expect(cancelled(packaged.installed.filter!, 'devtools://devtools/bundled/devtools_app.html')).toBe(true);
    expect(log.list()).toEqual(['https://telemetry.example/', 'devtools://devtools/bundled/devtools_app.html']);
    const development = fakeSession();
    lockDownSession(development.session, new BlockedRequestLog(), { devtools: true });
    expect(cancelled(development.installed.filter!, 'devtools://devtools/bundled/devtools_app.html')).toBe(false);
  });
});

describe('lockDownWebContents', () => {
  it('prevents navigation, redirects and <webview>, and denies new windows', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: (event: { preventDefault(): void }) => void) => void listeners.set(name, listener),
      setWindowOpenHandler: (handler: () => { action: string }) => void (openHandler = handler),
    };
    lockDownWebContents(contents as unknown as LockableWebContents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(name)!({ preventDefault: () => void (prevented = true) });
      expect(prevented, name).toBe(true);
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
  });
});
