/**
 * The custom scheme the UI is served from. It is registered `standard` (so pages get a real origin and with it
 * IndexedDB, which Dexie needs) and `secure` (so WebCrypto and other secure-context APIs work) instead of loading
 * from file://, which Electron's security checklist advises against.
 */

/** The scheme name, without the colon. */
export const APP_SCHEME = 'tokentrail';
/** The only host the scheme serves. */
export const APP_HOST = 'app';
/** The origin of every app page: `tokentrail://app`. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The privileges the scheme is registered with before the app is ready. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/**
 * True when `url` is a page or resource of the app: scheme `tokentrail:`, host `app`, no credentials and no port.
 * Anything else (another host on the scheme, a file:// page, a malformed string) is not the app. The host is
 * compared case-insensitively: Chromium lower-cases hosts of standard schemes, Node's URL parser does not.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
