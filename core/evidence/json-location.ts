import { jsonErrorOffset } from '../util/json-error-offset';

/**
 * JSON.parse reports a syntax error by character position (or not at all, depending on the engine); investigators
 * need a line. These helpers turn a parse failure into "line N: what went wrong".
 */

/** 1-based line of a character offset in `text`. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Parse JSON; on failure return the engine's message and the line and column it points at (when it says where).
 * V8 ends its message with "in JSON at position N" or a quote of the text: the line and column say it better.
 */
export function parseJsonWithLine(
  text: string,
): { ok: true; value: unknown } | { ok: false; line?: number; column?: number; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const message = withoutExcerpt((error as Error).message);
    if (offset === undefined) return { ok: false, message };
    return {
      ok: false,
      line: lineOfOffset(text, offset),
      column: offset - text.slice(0, offset).lastIndexOf('\n'),
      message,
    };
  }
}

/**
 * V8's message without the excerpt of the text and the position it appends (`…, "text" is not valid JSON`,
 * `… in JSON at position 12 (line 1 column 13)`): the caller states line and column itself.
 */
function withoutExcerpt(message: string): string {
  const cuts = [message.indexOf(', "'), message.indexOf(', ..."'), message.search(/ in JSON at position \d/)].filter(
    (at) => at >= 0,
  );
  return cuts.length === 0 ? message : message.slice(0, Math.min(...cuts));
}

/** 1-based line of the first occurrence of `needle` in `text`, if any: used to point at a manifest field. */
export function lineOfText(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : lineOfOffset(text, at);
}

/** Strip a UTF-8 byte-order mark, which some Windows tools write and JSON.parse rejects. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
