import { valueAt } from './fields';
import type { RawRecord, SourceFormat } from './format';
import { JsonRecordSplitter } from './json-record-splitter';
import { LineSplitter, type TextLine } from './line-splitter';
import type { ParseProblemCode } from './types';

/**
 * Framing: bytes in, records out. `lines` formats get one record per line; JSON formats get one record per array
 * element or per line, whichever way the file is laid out. Problems of the framing itself (bad UTF-8, a cut line,
 * broken JSON) come out beside the records, in file order.
 */

/** What a framer emits. */
export type FramedItem =
  | { readonly type: 'record'; readonly record: RawRecord }
  | { readonly type: 'side'; readonly path: string; readonly value: unknown }
  | {
      readonly type: 'problem';
      readonly code: ParseProblemCode;
      readonly line?: number;
      readonly index?: number;
      readonly message: string;
    };

/** Turns a stream of byte chunks into records. */
export interface Framer {
  push(chunk: Uint8Array): FramedItem[];
  finish(): FramedItem[];
  /** Lines (or JSON lines) seen so far. */
  readonly lines: number;
}

/** Limits that keep one hostile record from exhausting memory. */
export interface FramingLimits {
  readonly maxLineBytes: number;
  readonly maxRecordChars: number;
}

function lineProblems(line: TextLine): FramedItem[] {
  const out: FramedItem[] = [];
  if (line.invalidUtf8)
    out.push({
      type: 'problem',
      code: 'invalid-utf8',
      line: line.line,
      message: 'bytes that are not UTF-8; read with U+FFFD in their place',
    });
  if (line.cut)
    out.push({
      type: 'problem',
      code: 'line-too-long',
      line: line.line,
      message: 'line longer than the limit; only its beginning was read',
    });
  return out;
}

class TextLineFramer implements Framer {
  private readonly splitter: LineSplitter;
  lines = 0;
  constructor(
    limits: FramingLimits,
    private readonly toItems: (line: TextLine) => FramedItem[],
  ) {
    this.splitter = new LineSplitter(limits.maxLineBytes);
  }
  push(chunk: Uint8Array): FramedItem[] {
    return this.take(this.splitter.push(chunk));
  }
  finish(): FramedItem[] {
    return this.take(this.splitter.finish());
  }
  private take(lines: TextLine[]): FramedItem[] {
    const out: FramedItem[] = [];
    for (const line of lines) {
      this.lines = line.line;
      for (const item of lineProblems(line)) out.push(item);
      for (const item of this.toItems(line)) out.push(item);
    }
    return out;
  }
}

/** One record per line (access logs, CSV, token lists). */
export function linesFramer(limits: FramingLimits): Framer {
  return new TextLineFramer(limits, (line) => [
    {
      type: 'record',
      record: { text: line.text, line: line.line, ...(line.unterminated ? { unterminated: true } : {}) },
    },
  ]);
}

/** JSON Lines: each line one JSON value; a line holding a wrapper object (`{"Records":[…]}`) yields its elements. */
export function jsonLinesFramer(format: SourceFormat, limits: FramingLimits): Framer {
  return new TextLineFramer(limits, (line) => {
    const text = line.text.trim();
    if (text === '') return [];
    if (!text.startsWith('{') && !text.startsWith('[')) {
      if (format.textLines) return [{ type: 'record', record: { text: line.text, line: line.line } }];
      return [{ type: 'problem', code: 'malformed-json', line: line.line, message: 'not a JSON value' }];
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const truncated = line.unterminated || line.cut;
      return [
        {
          type: 'problem',
          code: truncated ? 'truncated' : 'malformed-json',
          line: line.line,
          message: truncated
            ? `incomplete JSON at the end of the file (truncated?): ${(error as Error).message}`
            : `not valid JSON: ${(error as Error).message}`,
        },
      ];
    }
    return unwrap(value, line.text, line.line, format);
  });
}

function unwrap(value: unknown, text: string, line: number, format: SourceFormat): FramedItem[] {
  if (Array.isArray(value))
    return value.map((element, index) => ({
      type: 'record',
      record: { text: JSON.stringify(element), line, index, value: element },
    }));
  const out: FramedItem[] = [];
  for (const path of format.sidePaths ?? []) {
    const side = valueAt(value, path.join('.'));
    if (side !== undefined) out.push({ type: 'side', path: path.join('.'), value: side });
  }
  for (const path of format.recordArrays ?? []) {
    const records = valueAt(value, path.join('.'));
    if (Array.isArray(records)) {
      records.forEach((element, index) =>
        out.push({ type: 'record', record: { text: JSON.stringify(element), line, index, value: element } }),
      );
      return out;
    }
  }
  return [{ type: 'record', record: { text, line, value } }];
}

/** A JSON document (array, or an object wrapping arrays of records), streamed. */
export function jsonDocumentFramer(format: SourceFormat, limits: FramingLimits): Framer {
  const splitter = new JsonRecordSplitter(format.recordArrays ?? [], format.sidePaths ?? [], limits.maxRecordChars);
  let decoder = new TextDecoder('utf-8', { fatal: true });
  let lenient = false;
  let lines = 0;
  const convert = (pieces: ReturnType<JsonRecordSplitter['push']>): FramedItem[] =>
    pieces.map((piece): FramedItem => {
      lines = Math.max(lines, piece.line);
      if (piece.type === 'problem')
        return { type: 'problem', code: piece.code, line: piece.line, message: piece.message };
      let value: unknown;
      try {
        value = JSON.parse(piece.text);
      } catch (error) {
        return {
          type: 'problem',
          code: 'malformed-json',
          line: piece.line,
          ...(piece.type === 'record' ? { index: piece.index } : {}),
          message: `not valid JSON: ${(error as Error).message}`,
        };
      }
      if (piece.type === 'side') return { type: 'side', path: piece.path, value };
      return { type: 'record', record: { text: piece.text, line: piece.line, index: piece.index, value } };
    });
  return {
    get lines() {
      return lines;
    },
    push(chunk) {
      let text: string;
      const extra: FramedItem[] = [];
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        // Fall back to replacement characters for the rest of the file, and say so once.
        decoder = new TextDecoder('utf-8');
        text = decoder.decode(chunk, { stream: true });
        if (!lenient)
          extra.push({
            type: 'problem',
            code: 'invalid-utf8',
            message: 'bytes that are not UTF-8 in this chunk of the document; read with U+FFFD in their place',
          });
        lenient = true;
      }
      return [...extra, ...convert(splitter.push(text))];
    },
    finish() {
      let tail: string;
      const extra: FramedItem[] = [];
      try {
        tail = decoder.decode();
      } catch {
        // The document ends inside a multi-byte sequence: its bytes become one U+FFFD, said once.
        tail = '\uFFFD';
        if (!lenient)
          extra.push({
            type: 'problem',
            code: 'invalid-utf8',
            message: 'the document ends inside a UTF-8 sequence; read with U+FFFD in its place',
          });
      }
      return [...extra, ...convert(splitter.push(tail)), ...convert(splitter.finish())];
    },
  };
}

/** Choose JSON Lines or document framing from how the file starts. */
export function jsonFramer(format: SourceFormat, sample: string, limits: FramingLimits): Framer {
  const trimmed = sample.replace(/^\uFEFF/, '').trimStart();
  const firstLine = (trimmed.split('\n', 1)[0] ?? '').trim();
  const isDocument = trimmed.startsWith('[') || (trimmed.startsWith('{') && !firstLine.endsWith('}'));
  return isDocument ? jsonDocumentFramer(format, limits) : jsonLinesFramer(format, limits);
}
