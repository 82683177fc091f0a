import { jsonArrayParts } from './log-file';

/** One request of a HAR capture: what the generators (scenarios, the shipped sample case) need to say about it. */
export interface HarRequest {
  /** `startedDateTime`, ISO 8601 with an offset, as the capturing browser wrote it. */
  readonly time: string;
  readonly url: string;
  readonly method?: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly status?: number;
}

/** A HAR 1.2 entry as Chromium's DevTools exports it, for one request. */
export function harEntry(request: HarRequest): Record<string, unknown> {
  const status = request.status ?? 200;
  return {
    startedDateTime: request.time,
    time: 42,
    request: {
      method: request.method ?? 'GET',
      url: request.url,
      httpVersion: 'HTTP/1.1',
      headers: request.headers,
      cookies: [],
      queryString: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: status === 200 ? 'OK' : 'Error',
      httpVersion: 'HTTP/1.1',
      headers: [],
      cookies: [],
      content: { size: 0, mimeType: 'application/json' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    cache: {},
    timings: { send: 1, wait: 40, receive: 1 },
  };
}

/** What comes before a HAR document's entries (Chromium DevTools' export). */
export const HAR_OPENING =
  '{"log":{"version":"1.2","creator":{"name":"Chromium DevTools","version":"141.0"},"entries":[';
/** What comes after them. */
export const HAR_CLOSING = ']}}';

/** The HAR document around some entries (each already serialised), in parts, so large captures stay strings. */
export function harDocument(entries: readonly string[]): string[] {
  return jsonArrayParts(entries, HAR_OPENING, HAR_CLOSING);
}
