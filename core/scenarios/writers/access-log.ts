import type { RecordLocation, TruthEvent } from '../model';
import { linesInParts, type LogFile } from './log-file';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number) => String(value).padStart(2, '0');

/** `18/Nov/2026:09:02:11 +0000`, the common log format's time. */
export function clfTime(ts: number): string {
  const date = new Date(ts);
  return `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/**
 * The API gateway's nginx log, combined format with the Authorization header appended (`"$http_authorization"`),
 * one line per request that reached it.
 */
export function writeAccessLog(events: readonly TruthEvent[]): LogFile {
  const path = 'logs/api-gateway-access.log';
  const locations = new Map<TruthEvent, RecordLocation>();
  const lines: string[] = [];
  for (const event of events) {
    if (event.kind !== 'use' || event.captureOnly || !event.presented) continue;
    lines.push(
      `${event.ip} - - [${clfTime(event.ts)}] "${event.method} ${event.path} HTTP/1.1" ${event.status} ${event.status === 200 ? 2048 : 0} "-" "${event.userAgent}" "Bearer ${event.presented.compact}"`,
    );
    locations.set(event, { file: path, line: lines.length });
  }
  return {
    path,
    kind: 'access-log',
    mediaType: 'text/plain',
    description: 'nginx log of the api.northwind.example gateway (combined + Authorization header)',
    parts: linesInParts(lines),
    locations,
  };
}
