/**
 * Finds compact JWS/JWE strings in any text (token lists, HAR files, JSON or plain logs) with their exact line and
 * column, and a best reading of the context they appear in (an Authorization header, a cookie, a JSON field).
 * The location is exact; the context is read from the characters just before the token, on its line and the two
 * before it (pretty-printed HAR puts a header's "name" one line above its "value").
 */

/** Where a token string appeared. */
export interface TokenOccurrence {
  readonly compact: string;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
  readonly context: 'authorization-header' | 'cookie' | 'set-cookie' | 'json-field' | 'query-parameter' | 'text';
  /** Cookie name, JSON field name or URL query parameter name, when the context has one. */
  readonly field?: string;
}

/**
 * A compact JWS/JWE candidate in text: a header starts with '{' so its base64url starts "ey" or "ew"; then 2 or 4
 * more dot-separated parts. Global: reset `lastIndex` or use it with `replace`/`matchAll` only.
 */
export const COMPACT_TOKEN_CANDIDATE = /(?<![A-Za-z0-9_-])e[wy][A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){2,4}/g;

const LINE_BREAK = /[\n\r\u2028\u2029]/g;
const COOKIE_NAME_CHARACTER = /[^\s=;]/;

/**
 * `… cookie: … name=` or `… set-cookie: … name=` right before a token, on the same line: the cookie's name. A scan
 * instead of the pattern `(set-)?cookie:.*?([^\s=;]+)=$`, which backtracks quadratically on a long line.
 */
function cookieBefore(before: string): Pick<TokenOccurrence, 'context' | 'field'> | undefined {
  if (!before.endsWith('=')) return undefined;
  const lower = before.toLowerCase();
  let lineStart = 0;
  for (const lineBreak of lower.matchAll(LINE_BREAK)) lineStart = lineBreak.index + 1;
  const header = lower.indexOf('cookie:', lineStart);
  if (header < 0) return undefined;
  const nameEnd = before.length - 1;
  let nameStart = nameEnd;
  while (nameStart > header + 'cookie:'.length && COOKIE_NAME_CHARACTER.test(before[nameStart - 1]!)) nameStart--;
  if (nameStart === nameEnd) return undefined;
  const setCookie = header >= lineStart + 4 && lower.slice(header - 4, header) === 'set-';
  return { context: setCookie ? 'set-cookie' : 'cookie', field: before.slice(nameStart, nameEnd) };
}

function readContext(before: string): Pick<TokenOccurrence, 'context' | 'field'> {
  if (/bearer\s+$/i.test(before)) return { context: 'authorization-header' };
  const harPair = /"name"\s*:\s*"([^"]+)"\s*,\s*"value"\s*:\s*"(?:([^"=;\s]+)=)?$/i.exec(before);
  if (harPair) {
    const name = harPair[1]!.toLowerCase();
    if (name === 'set-cookie') return { context: 'set-cookie', field: harPair[2] };
    if (name === 'cookie') return { context: 'cookie', field: harPair[2] };
    if (name === 'authorization') return { context: 'authorization-header' };
    return { context: 'cookie', field: harPair[1] };
  }
  const cookie = cookieBefore(before);
  if (cookie) return cookie;
  const jsonField = /"([^"]+)"\s*:\s*"$/.exec(before);
  if (jsonField) return { context: 'json-field', field: jsonField[1] };
  const queryParameter = /[?&]([A-Za-z_]+)=$/.exec(before);
  if (queryParameter) return { context: 'query-parameter', field: queryParameter[1] };
  return { context: 'text' };
}

/** Every token-shaped string in `text`, in order. Strings with 4 parts are trimmed of a trailing sentence dot. */
export function findTokenStrings(text: string): TokenOccurrence[] {
  const found: TokenOccurrence[] = [];
  let line = 1;
  let lineStart = 0; // offset where the current line begins, for the column
  let scanned = 0;
  for (const match of text.matchAll(COMPACT_TOKEN_CANDIDATE)) {
    const at = match.index;
    for (let i = scanned; i < at; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    scanned = at;
    let compact = match[0];
    if (compact.endsWith('.') && compact.split('.').length === 4) compact = compact.slice(0, -1);
    const partCount = compact.split('.').length;
    if (partCount !== 3 && partCount !== 5) continue;
    const before = text
      .slice(Math.max(0, at - 300), at)
      .split('\n')
      .slice(-3)
      .join('\n');
    found.push({ compact, line, column: at - lineStart + 1, ...readContext(before) });
  }
  return found;
}
