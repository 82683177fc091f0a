/**
 * The text of one `jboss-logging` event line, read in linear time whatever the line holds (lines may be 16 MiB, and a
 * planted line must not stall ingest): `<time> <LEVEL> [org.keycloak.events] (<thread>) key=value, key="value", …`.
 * Written as scans rather than regular expressions because the obvious patterns (`^(.*?)\s*\bLEVEL`, `[A-Za-z_]+=`)
 * backtrack over long runs of spaces or letters from every starting position, which is quadratic.
 */

const MARKER = '[org.keycloak.events]';
const LEVELS = new Set(['TRACE', 'DEBUG', 'INFO', 'WARN', 'WARNING', 'ERROR']);

const isSpace = (code: number) =>
  code === 32 || code === 9 || code === 13 || code === 10 || code === 12 || code === 11 || code === 0xa0;
const isWordCode = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isKeyCode = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** The parts of an event line: the time text before the level (may be empty) and the key=value text after the thread. */
export interface KeycloakLineParts {
  readonly time: string;
  readonly body: string;
}

/** The level word that ends right before `end` (after skipping spaces back from the marker), or undefined. */
function levelStartBefore(text: string, markerAt: number, previousMarkerEnd: number): number | undefined {
  let end = markerAt;
  while (end > previousMarkerEnd && isSpace(text.charCodeAt(end - 1))) end--;
  if (end === markerAt) return undefined; // the level must be followed by whitespace
  let start = end;
  while (start > previousMarkerEnd && end - start < 7 && isWordCode(text.charCodeAt(start - 1))) start--;
  if (start > 0 && isWordCode(text.charCodeAt(start - 1))) return undefined; // not a whole word
  return LEVELS.has(text.slice(start, end)) ? start : undefined;
}

/** Split an event line into its time and key=value body; undefined when it is not an `[org.keycloak.events]` line. */
export function splitKeycloakLine(text: string): KeycloakLineParts | undefined {
  let searchFrom = 0;
  for (;;) {
    const markerAt = text.indexOf(MARKER, searchFrom);
    if (markerAt < 0) return undefined;
    const levelAt = levelStartBefore(text, markerAt, searchFrom);
    if (levelAt !== undefined) {
      const threadEnd = text.indexOf(')', markerAt + MARKER.length);
      if (threadEnd < 0) return undefined; // no later marker can have a thread either
      return { time: text.slice(0, levelAt).trim(), body: text.slice(threadEnd + 1).trimStart() };
    }
    searchFrom = markerAt + MARKER.length;
  }
}

/**
 * The `key=value` pairs of an event line's body, in order (a later key replaces an earlier one). A value is either
 * double-quoted (backslash escapes kept as written) or runs to the next comma, trimmed. Each character is visited a
 * bounded number of times: a run of key letters not followed by `=` is skipped whole, and once a quote is found
 * unclosed, no later quote is searched for a close again.
 */
export function keyValuePairs(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  let unclosedFrom = Infinity; // no closing quote exists at or after this index
  let at = 0;
  while (at < body.length) {
    const keyStart = at;
    while (at < body.length && isKeyCode(body.charCodeAt(at))) at++;
    if (at === keyStart) {
      at++;
      continue;
    }
    if (body[at] !== '=') continue;
    const key = body.slice(keyStart, at);
    const valueStart = at + 1;
    const close = body[valueStart] === '"' && valueStart < unclosedFrom ? closingQuote(body, valueStart + 1) : -1;
    if (close >= 0) {
      fields[key] = body.slice(valueStart + 1, close);
      at = close + 1;
      continue;
    }
    if (body[valueStart] === '"') unclosedFrom = Math.min(unclosedFrom, valueStart);
    const comma = body.indexOf(',', valueStart);
    const end = comma < 0 ? body.length : comma;
    // An unclosed quote is kept as text without its opening quote.
    fields[key] = body.slice(body[valueStart] === '"' ? valueStart + 1 : valueStart, end).trim();
    at = end;
  }
  return fields;
}

/** Index of the quote closing a value that starts at `from`, honouring backslash escapes; -1 when none. */
function closingQuote(body: string, from: number): number {
  for (let at = from; at < body.length; at++) {
    const code = body.charCodeAt(at);
    if (code === 92) at++;
    else if (code === 34) return at;
  }
  return -1;
}

/** Whether a detection sample holds an event line: a marker followed on its line by `type=…, realmId=`. */
export function holdsKeycloakEventLine(sample: string): boolean {
  const event = /\btype="?[A-Z_]+"?, realmId=/;
  let from = 0;
  for (;;) {
    const markerAt = sample.indexOf(MARKER, from);
    if (markerAt < 0) return false;
    const newline = sample.indexOf('\n', markerAt);
    const lineEnd = newline < 0 ? sample.length : newline;
    // The first marker of a line sees the rest of the line: later markers on it need no search of their own.
    if (event.test(sample.slice(markerAt + MARKER.length, lineEnd))) return true;
    from = lineEnd + 1;
  }
}

const JSON_EVENT = 'JSON_EVENT::';
// Applied to a bounded head of the line only, so their cost does not grow with the line.
const LEADING_TIME = /^\d{4}-\d\d-\d\d[ T][\d:.,]+(?:Z|[+-][\d:]+)?/;
const SERVER_LINE = /^\d{4}-\d\d-\d\d[ T][\d:.,]+(?:Z|[+-][\d:]+)? +(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL) +\[/;
const CONTINUATION = /^(?:\s+at |Caused by: |\s+\.\.\. \d+ more|\s+Suppressed: )/;

/** The JSON after `JSON_EVENT::` in a log line (an event listener that writes events as JSON), with the line's time. */
export function jsonEventText(text: string): { readonly json: string; readonly time?: string } | undefined {
  const at = text.indexOf(JSON_EVENT);
  if (at < 0) return undefined;
  const time = LEADING_TIME.exec(text.slice(0, Math.min(at, 48)))?.[0];
  return { json: text.slice(at + JSON_EVENT.length).trim(), ...(time !== undefined ? { time } : {}) };
}

/**
 * Whether a text line is one of Keycloak's own log lines that is not an event (`<time> INFO [io.quarkus] …`,
 * `WARN [org.keycloak.services] …`) or the continuation of one (a stack trace): skipped, not a malformed record.
 */
export function isKeycloakServerLine(text: string): boolean {
  const head = text.slice(0, 160);
  return SERVER_LINE.test(head) || CONTINUATION.test(head);
}
