/**
 * Reads one access-log line in the common/combined family without a layout string, by scanning rather than by one
 * regular expression, because the lines that matter most in an incident are the ones a strict pattern refuses:
 * attack payloads with raw double quotes inside the request or user agent, a TLS handshake sent to a plain-HTTP port,
 * a virtual host in front of the client address (`%v %h …`, `%v:%p %h …`, nginx with `$host` first) and fields
 * appended after the user agent (`%D`, `%T`, a forwarded-for list, the `Authorization` header). Every character is
 * visited a bounded number of times, so a hostile 16 MiB line costs linear time.
 */

/** The fields of one line, as logged (escapes not yet undone). */
export interface AccessLogLine {
  /** The virtual host (`%v`, nginx `$host`), with its port when logged as `%v:%p`. */
  readonly virtualHost?: string;
  readonly remoteAddr: string;
  readonly ident: string;
  readonly remoteUser: string;
  /** The text inside `[…]`. */
  readonly time: string;
  /** The text inside the request's quotes (may itself hold raw quotes). */
  readonly request: string;
  readonly status: string;
  readonly bytes: string;
  readonly referer?: string;
  readonly userAgent?: string;
  /** Whatever follows the user agent (or the byte count), trimmed; empty when nothing does. */
  readonly trailing: string;
}

/** Why a line could not be read, and its `[time]` when one was found (the unparsed event keeps it). */
export interface AccessLogLineFailure {
  readonly problem: string;
  readonly time?: string;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Whether `text` from `at` holds a status (`ddd` or `-`) that ends the field (a space or the line's end). */
function statusLengthAt(text: string, at: number): number {
  if (text[at] === '-') return text.length === at + 1 || text[at + 1] === ' ' ? 1 : 0;
  if (!isDigit(text.charCodeAt(at)) || !isDigit(text.charCodeAt(at + 1)) || !isDigit(text.charCodeAt(at + 2))) return 0;
  return text.length === at + 3 || text[at + 3] === ' ' ? 3 : 0;
}

/**
 * The quote closing a quoted field that starts at `from`: the first unescaped `"` for which `closes` holds. A raw
 * quote inside the value (`alert("x")`) does not close it, because what follows it does not look like the next field.
 */
function closingQuote(text: string, from: number, closes: (after: number) => boolean): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 92) at++;
    else if (code === 34 && closes(at + 1)) return at;
  }
  return -1;
}

/** After the user agent comes the line's end or another field: a quote, a dash, a digit or a bracket. */
function endsUserAgent(text: string, after: number): boolean {
  if (after >= text.length) return true;
  if (text[after] !== ' ') return false;
  const next = text.charCodeAt(after + 1);
  return (
    next === 34 ||
    next === 45 ||
    next === 91 ||
    isDigit(next) ||
    after + 1 >= text.length ||
    text.slice(after + 1, after + 8).toLowerCase() === 'bearer '
  );
}

/** The `[time]` of a line that is otherwise unreadable, when it has one. */
export function bracketTime(text: string): string | undefined {
  const open = text.indexOf('[');
  if (open < 0) return undefined;
  const close = text.indexOf(']', open + 1);
  return close > open + 1 && close - open < 64 ? text.slice(open + 1, close) : undefined;
}

/** Read one line; a failure says what was missing. */
export function readAccessLogLine(text: string): AccessLogLine | AccessLogLineFailure {
  const open = text.indexOf(' [');
  if (open < 0) return { problem: 'no [time] field after the client address' };
  const close = text.indexOf(']', open + 2);
  if (close < 0) return { problem: 'the [time] field is never closed' };
  const time = text.slice(open + 2, close);
  const prefix = text.slice(0, open).trim().split(/ +/);
  if (prefix.length !== 3 && prefix.length !== 4)
    return {
      problem: `expected 3 fields before [time] (client, ident, user) or 4 with a virtual host first, found ${prefix.length}`,
      time,
    };
  const [virtualHost, remoteAddr, ident, remoteUser] = prefix.length === 4 ? prefix : [undefined, ...prefix];
  if (!text.startsWith(' "', close + 1)) return { problem: 'no quoted request after [time]', time };
  const requestStart = close + 3;
  const requestEnd = closingQuote(
    text,
    requestStart,
    (after) => text[after] === ' ' && statusLengthAt(text, after + 1) > 0,
  );
  if (requestEnd < 0) return { problem: 'the request has no closing quote followed by a status', time };
  const statusStart = requestEnd + 2;
  const statusEnd = statusStart + statusLengthAt(text, statusStart);
  const bytesStart = statusEnd + 1;
  const spaceAfterBytes = text.indexOf(' ', bytesStart);
  const bytesEnd = spaceAfterBytes < 0 ? text.length : spaceAfterBytes;
  if (bytesStart > text.length || bytesEnd === bytesStart) return { problem: 'no byte count after the status', time };
  const base = {
    ...(virtualHost !== undefined ? { virtualHost } : {}),
    remoteAddr: remoteAddr!,
    ident: ident!,
    remoteUser: remoteUser!,
    time,
    request: text.slice(requestStart, requestEnd),
    status: text.slice(statusStart, statusEnd),
    bytes: text.slice(bytesStart, bytesEnd),
  };
  // Combined: "referer" "user agent"; the referer ends at the first quote followed by ` "`.
  if (!text.startsWith(' "', bytesEnd)) return { ...base, trailing: text.slice(bytesEnd).trim() };
  const refererEnd = closingQuote(text, bytesEnd + 2, (after) => text.startsWith(' "', after));
  if (refererEnd < 0) return { ...base, trailing: text.slice(bytesEnd).trim() };
  const agentStart = refererEnd + 3;
  const agentEnd = closingQuote(text, agentStart, (after) => endsUserAgent(text, after));
  const referer = text.slice(bytesEnd + 2, refererEnd);
  if (agentEnd < 0) return { ...base, referer, userAgent: text.slice(agentStart), trailing: '' };
  return { ...base, referer, userAgent: text.slice(agentStart, agentEnd), trailing: text.slice(agentEnd + 1).trim() };
}
