// How one event reads in a list row and in the detail: where it came from and what it was, in a few words.
import type { AuthEvent } from '../../core/sources';
import { safeText } from '../shell/format';

/**
 * "logs/nginx.log:12", or "capture.har entry 3" for records of a JSON array without a line of their own; the file
 * name escaped (safeText), since it comes from evidence.
 */
export function eventSource(event: AuthEvent): string {
  const { line, index } = event.source;
  const file = safeText(event.source.file);
  if (line !== undefined) return `${file}:${line}`;
  return index !== undefined ? `${file} entry ${index}` : file;
}

/** The vendor action, or the HTTP request, or the failure reason: core's, shared with the exports. */
export { eventSummary } from '../../core/sources';
