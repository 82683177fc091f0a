/**
 * A small strict JSON reader (RFC 8259) that, unlike JSON.parse, reports duplicate member names — the classic
 * parser-differential trick where one verifier reads the first "alg" and another the last. Values are built like
 * JSON.parse builds them (the last duplicate wins); `__proto__` members become plain own properties.
 * Nesting is bounded so hostile input cannot exhaust the stack.
 */

/** A duplicate member name and the character offset (in the JSON text) of its second occurrence. */
export interface DuplicateKey {
  readonly name: string;
  readonly offset: number;
  /** JSON pointer of the object holding the duplicate ("" for the top level). */
  readonly path: string;
}

/** Outcome of a strict parse: a value, or an error with the offset it was found at; duplicates either way. */
export type StrictJsonResult =
  | { readonly ok: true; readonly value: unknown; readonly duplicates: readonly DuplicateKey[] }
  | {
      readonly ok: false;
      readonly error: string;
      readonly offset: number;
      readonly duplicates: readonly DuplicateKey[];
    };

/** Deepest nesting accepted; JOSE headers and claim sets are shallow. */
export const MAX_JSON_DEPTH = 64;

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** True when the quote at `at` is escaped (an odd run of backslashes before it). */
function escapedQuote(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
  return backslashes % 2 === 1;
}

/** Members of every object in a JSON.parse result. */
function memberCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += memberCount(item);
    return count;
  }
  for (const key in value) {
    count++;
    count += memberCount((value as Record<string, unknown>)[key]);
  }
  return count;
}

/**
 * The common case, cheaply: JSON.parse, accepted only when the text holds as many member separators (':' outside
 * strings) as the parsed objects hold members — which rules duplicates out — and stays shallow. Anything else
 * (invalid JSON, deep nesting, duplicates) goes to the careful tokenizer, which is the reference behaviour.
 */
function parseJsonFast(text: string): StrictJsonResult | undefined {
  let members = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) {
      let end = text.indexOf('"', i + 1);
      while (end > 0 && escapedQuote(text, end)) end = text.indexOf('"', end + 1);
      if (end < 0) return undefined;
      i = end;
    } else if (code === 58) members++;
    else if (code === 123 || code === 91) {
      if (++depth >= MAX_JSON_DEPTH - 1) return undefined;
    } else if (code === 125 || code === 93) depth--;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // for..in also sees inherited enumerable keys; JSON.parse objects have none unless Object.prototype was polluted,
  // and then the counts differ and the careful path decides.
  return memberCount(value) === members ? { ok: true, value, duplicates: [] } : undefined;
}

/** Parse JSON text strictly. Never throws. */
export function parseJsonStrict(text: string): StrictJsonResult {
  const fast = parseJsonFast(text);
  if (fast) return fast;
  const duplicates: DuplicateKey[] = [];
  let at = 0;
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, at);
  };
  const skipSpace = (): void => {
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === 32 || code === 9 || code === 10 || code === 13) at++;
      else return;
    }
  };
  const readString = (): string => {
    at++; // opening quote
    let out = '';
    let runStart = at;
    for (;;) {
      if (at >= text.length) fail('unterminated string');
      const code = text.charCodeAt(at);
      if (code === 34) {
        out += text.slice(runStart, at);
        at++;
        return out;
      }
      if (code < 0x20) fail('control character in string');
      if (code === 92) {
        out += text.slice(runStart, at);
        const escape = text[at + 1];
        if (escape === 'u') {
          const hex = text.slice(at + 2, at + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          at += 6;
        } else if (escape !== undefined && escape in ESCAPES) {
          out += ESCAPES[escape];
          at += 2;
        } else fail('bad escape');
        runStart = at;
        continue;
      }
      at++;
    }
  };
  const readValue = (depth: number, path: string): unknown => {
    if (depth > MAX_JSON_DEPTH) fail(`nesting deeper than ${MAX_JSON_DEPTH}`);
    skipSpace();
    const char = text[at];
    if (char === '{') {
      at++;
      const object: Record<string, unknown> = {};
      const seen = new Set<string>();
      skipSpace();
      if (text[at] === '}') {
        at++;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[at] !== '"') fail('expected a member name');
        const nameAt = at;
        const name = readString();
        if (seen.has(name)) duplicates.push({ name, offset: nameAt, path });
        seen.add(name);
        skipSpace();
        if (text[at] !== ':') fail("expected ':'");
        at++;
        const value = readValue(depth + 1, `${path}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        // Plain assignment is fast; only "__proto__" needs defineProperty to stay an own, inert member.
        if (name === '__proto__')
          Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
        else object[name] = value;
        skipSpace();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === '}') {
          at++;
          return object;
        }
        fail("expected ',' or '}'");
      }
    }
    if (char === '[') {
      at++;
      const array: unknown[] = [];
      skipSpace();
      if (text[at] === ']') {
        at++;
        return array;
      }
      for (;;) {
        array.push(readValue(depth + 1, `${path}/${array.length}`));
        skipSpace();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === ']') {
          at++;
          return array;
        }
        fail("expected ',' or ']'");
      }
    }
    if (char === '"') return readString();
    if (text.startsWith('true', at)) return ((at += 4), true);
    if (text.startsWith('false', at)) return ((at += 5), false);
    if (text.startsWith('null', at)) return ((at += 4), null);
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (!match) return fail(at >= text.length ? 'unexpected end of text' : `unexpected ${JSON.stringify(char)}`);
    at += match[0].length;
    return Number(match[0]);
  };
  try {
    const value = readValue(0, '');
    skipSpace();
    if (at < text.length) fail('text after the JSON value');
    return { ok: true, value, duplicates };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, error: error.message, offset: error.offset, duplicates };
    return { ok: false, error: String(error), offset: at, duplicates };
  }
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
