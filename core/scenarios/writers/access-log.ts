import type { TruthEvent } from '../model';
import type { LogFileSpec } from './log-file';

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
export const accessLogSpec: LogFileSpec = {
  path: 'logs/api-gateway-access.log',
  kind: 'access-log',
  mediaType: 'text/plain',
  description: 'nginx log of the api.northwind.example gateway (combined + Authorization header)',
  layout: { kind: 'lines' },
  render: (event: TruthEvent) =>
    event.kind !== 'use' || event.captureOnly || !event.presented
      ? undefined
      : `${event.ip} - - [${clfTime(event.ts)}] "${event.method} ${event.path} HTTP/1.1" ${event.status} ${event.status === 200 ? 2048 : 0} "-" "${event.userAgent}" "Bearer ${event.presented.compact}"`,
};
