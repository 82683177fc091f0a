import type { Session, WebContents } from 'electron';
import { createRequestFilter, type BlockedRequestLog, type RequestPolicyOptions } from './request-policy';

/**
 * The lock-down decisions as plain functions over the few methods of Session and WebContents they use, so they
 * are unit-tested with stand-ins (test/unit/electron/lockdown.test.ts); main.ts passes the real objects.
 */

/** The part of Electron's Session that {@link lockDownSession} configures. */
export type LockableSession = {
  readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
} & Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerEnabled'
>;

/** The part of Electron's WebContents that {@link lockDownWebContents} configures. */
export type LockableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Session-wide lock-down (Electron security checklist): every request outside the app is cancelled and logged
 * (devtools: only in an unpackaged run), every permission (camera, notifications, clipboard read, HID…) is
 * refused, and the spell checker is off because it downloads dictionaries from Google, which would be both a
 * network call and a blocked request.
 */
export function lockDownSession(
  session: LockableSession,
  blocked: BlockedRequestLog,
  policy: RequestPolicyOptions,
): void {
  session.webRequest.onBeforeRequest(createRequestFilter(blocked, policy));
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
}

/**
 * Per-page lock-down, applied to every web contents the app creates: no navigation away from the loaded page
 * (the UI is a single page; in-page hash changes do not fire `will-navigate`), no redirects, no new windows and
 * no <webview>. Links to the outside world are refused, not opened in a browser: the tool is offline by design.
 */
export function lockDownWebContents(contents: LockableWebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
