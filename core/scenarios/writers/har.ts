import type { RecordLocation, TruthEvent } from '../model';
import { isoTime, type LogFile } from './log-file';

/**
 * A HAR 1.2 capture from the devices whose traffic was recorded (a support laptop, a trainee's own phone): their
 * API requests, timed by the device's own clock — a skewed clock shows here and nowhere else.
 */
export function writeHar(events: readonly TruthEvent[]): LogFile | undefined {
  const captured = events.filter((event) => event.kind === 'use' && event.device.captured && event.presented);
  if (captured.length === 0) return undefined;
  const path = 'har/captured-device.har';
  const locations = new Map<TruthEvent, RecordLocation>();
  const entries = captured.map((event, index) => {
    locations.set(event, { file: path, index });
    return JSON.stringify({
      startedDateTime: isoTime(event.ts + event.device.clockSkewMs),
      time: 42,
      request: {
        method: event.method,
        url: `https://${event.api!.host}${event.path}`,
        httpVersion: 'HTTP/1.1',
        headers: [
          { name: 'Authorization', value: `Bearer ${event.presented!.compact}` },
          { name: 'User-Agent', value: event.userAgent },
        ],
        cookies: [],
        queryString: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: event.status,
        statusText: event.status === 200 ? 'OK' : 'Error',
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
    });
  });
  const text = `{"log":{"version":"1.2","creator":{"name":"Chromium DevTools","version":"141.0"},"entries":[\n${entries.join(',\n')}\n]}}\n`;
  return {
    path,
    kind: 'har',
    mediaType: 'application/json',
    description: "HAR capture exported from a user's browser developer tools, as handed to the CSIRT",
    text,
    locations,
  };
}
