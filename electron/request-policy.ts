import { isAppUrl } from './app-scheme';

/**
 * Decides which requests a session may make. Tokentrail is an offline tool: evidence never leaves the machine,
 * so every request outside the app itself is cancelled and remembered, which makes an accidental network call
 * (a font CDN, a telemetry beacon in a dependency) visible to the investigator and to the smoke test.
 */

/** What a session may reach besides the app itself. */
export interface RequestPolicyOptions {
  /**
   * Whether the DevTools UI (devtools:) may load: only in an unpackaged (development) run. A packaged build has no
   * business opening the inspector, and a trainee who opens it could read or alter the case store.
   */
  readonly devtools: boolean;
}

// data: and blob: are in-memory URLs the page created itself.
const IN_MEMORY_PROTOCOLS = new Set(['data:', 'blob:']);

/** True when a request to `url` may proceed: the app scheme, an in-memory data:/blob: URL, or devtools: unpackaged. */
export function isRequestAllowed(url: string, options: RequestPolicyOptions): boolean {
  if (isAppUrl(url)) return true;
  try {
    const { protocol } = new URL(url);
    return IN_MEMORY_PROTOCOLS.has(protocol) || (options.devtools && protocol === 'devtools:');
  } catch {
    return false;
  }
}

/** Bounds memory if a page were to hammer a blocked URL in a loop; the count keeps the total honest. */
const MAX_RECORDED_REQUESTS = 1000;

/** The list of cancelled requests, in the order they were cancelled. */
export class BlockedRequestLog {
  readonly #urls: string[] = [];
  #total = 0;

  /** Records one cancelled request. Beyond {@link MAX_RECORDED_REQUESTS} only the count grows. */
  record(url: string): void {
    this.#total += 1;
    if (this.#urls.length < MAX_RECORDED_REQUESTS) this.#urls.push(url);
  }

  /** The recorded URLs; a final `… and N more` entry says how many were not kept. */
  list(): string[] {
    const dropped = this.#total - this.#urls.length;
    return dropped > 0 ? [...this.#urls, `… and ${dropped} more`] : [...this.#urls];
  }
}

/** The subset of Electron's `onBeforeRequest` details the filter reads. */
export interface RequestDetails {
  readonly url: string;
}

/**
 * Builds the `session.webRequest.onBeforeRequest` listener: allowed requests continue, everything else is
 * cancelled and recorded in `log`.
 */
export function createRequestFilter(
  log: BlockedRequestLog,
  options: RequestPolicyOptions,
): (details: RequestDetails, callback: (response: { cancel: boolean }) => void) => void {
  return (details, callback) => {
    const allowed = isRequestAllowed(details.url, options);
    if (!allowed) log.record(details.url);
    callback({ cancel: !allowed });
  };
}
