/**
 * Turns an access-log format string into a line pattern: nginx `log_format` (`$remote_addr - $remote_user
 * [$time_local] "$request" …`) or Apache `LogFormat` (`%h %l %u %t \"%r\" %>s %b …`). Each variable becomes a named
 * field; each is matched by a character class chosen from what follows it (inside quotes: up to the closing quote,
 * honouring backslash escapes; before `]`: up to the bracket; otherwise: up to the next space), so the pattern is
 * linear and a hostile line cannot make it backtrack for long.
 */

/** A compiled format: a regular expression and the field name of each capture group. */
export interface AccessLogPattern {
  readonly regex: RegExp;
  readonly fields: readonly string[];
}

const APACHE_FIELDS: Record<string, string> = {
  h: 'remote_addr',
  a: 'remote_addr',
  l: 'ident',
  u: 'remote_user',
  t: 'time_local',
  r: 'request',
  s: 'status',
  '>s': 'status',
  b: 'body_bytes_sent',
  B: 'body_bytes_sent',
  m: 'request_method',
  U: 'uri',
  q: 'args',
  H: 'server_protocol',
  v: 'host',
  V: 'host',
  D: 'request_time_us',
  T: 'request_time',
  p: 'server_port',
  I: 'bytes_received',
  O: 'bytes_sent',
  X: 'connection_status',
  k: 'keepalive',
};

type Piece = { literal: string } | { field: string };

function tokenizeNginx(format: string): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /\$\{?([A-Za-z0-9_]+)\}?/g;
  let last = 0;
  for (const match of format.matchAll(pattern)) {
    if (match.index > last) pieces.push({ literal: format.slice(last, match.index) });
    pieces.push({ field: match[1]!.toLowerCase() });
    last = match.index + match[0].length;
  }
  if (last < format.length) pieces.push({ literal: format.slice(last) });
  return pieces;
}

function tokenizeApache(format: string): Piece[] {
  const pieces: Piece[] = [];
  const text = format.replace(/\\"/g, '"');
  const pattern = /%(?:[<>]?)(?:\{([^}]*)\})?([<>]?[a-zA-Z%])/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) pieces.push({ literal: text.slice(last, match.index) });
    last = match.index + match[0].length;
    const [, argument, directive] = match as unknown as [string, string | undefined, string];
    if (directive === '%') {
      pieces.push({ literal: '%' });
      continue;
    }
    const name = argument?.toLowerCase().replace(/-/g, '_');
    if (directive === 'i' && name) pieces.push({ field: `http_${name}` });
    else if (directive === 'o' && name) pieces.push({ field: `sent_http_${name}` });
    else if (directive === 'C' && name) pieces.push({ field: `cookie_${name}` });
    // Apache writes plain `%t` with its brackets and a space inside (`[10/Oct/2000:13:55:36 -0700]`): match the
    // brackets as literals so the value is read up to `]`, not up to the space.
    else if (directive === 't' && !argument) pieces.push({ literal: '[' }, { field: 'time_local' }, { literal: ']' });
    else if (directive === 't') pieces.push({ field: 'time_custom' });
    else
      pieces.push({
        field: APACHE_FIELDS[directive] ?? APACHE_FIELDS[directive.replace(/^[<>]/, '')] ?? `apache_${directive}`,
      });
  }
  if (last < text.length) pieces.push({ literal: text.slice(last) });
  return pieces;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compile a format string; throws with a readable message when it has no variables. */
export function compileAccessLogFormat(format: string): AccessLogPattern {
  const pieces = format.includes('$') ? tokenizeNginx(format) : tokenizeApache(format);
  const fields: string[] = [];
  let source = '^';
  pieces.forEach((piece, i) => {
    if ('literal' in piece) {
      source += escape(piece.literal).replace(/ +/g, ' +');
      return;
    }
    const next = pieces[i + 1];
    const following = next && 'literal' in next ? next.literal[0] : undefined;
    fields.push(piece.field);
    if (following === '"') source += '((?:[^"\\\\]|\\\\.)*)';
    else if (following === ']') source += '([^\\]]*)';
    else if (following === undefined && !next) source += '(.*)';
    else if (following === undefined) source += '(\\S*?)';
    else source += `([^${escape(following)}]*)`;
  });
  if (fields.length === 0) throw new Error(`the log format "${format}" has no $variables or %directives`);
  const last = pieces[pieces.length - 1];
  if (last && 'field' in last) return { regex: new RegExp(`${source}\\s*$`), fields };
  // Fields a server appends after the layout (a forwarded-for list, `%D` added later in the file's life) are kept
  // as `rest` rather than failing the line.
  return { regex: new RegExp(`${source}(?:\\s(.*))?$`), fields: [...fields, 'rest'] };
}

/** nginx's predefined `combined` format (Apache's is the same layout). */
export const COMBINED_FORMAT =
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';
