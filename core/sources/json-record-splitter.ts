/**
 * Streams the records out of a JSON document without parsing it whole: the elements of a top-level array, the
 * elements of arrays at given key paths (HAR `log.entries`, CloudTrail `Records`, Graph `value`), and top-level
 * objects one after another (pretty-printed JSON Lines). Only structure is tracked (brackets, strings, keys on the
 * way to a record array); each record's text is cut out and handed on with its starting line, to be checked by
 * JSON.parse. Memory is bounded by the largest record, and records over a limit are skipped and reported.
 */

/** A piece of the document: a record, a value beside the records, or a problem. */
export type JsonPiece =
  | { readonly type: 'record'; readonly text: string; readonly line: number; readonly index: number }
  | { readonly type: 'side'; readonly path: string; readonly text: string; readonly line: number }
  | {
      readonly type: 'problem';
      readonly code: 'record-too-large' | 'truncated' | 'malformed-json';
      readonly line: number;
      readonly message: string;
    };

interface Frame {
  readonly array: boolean;
  /** Key path of this container when it lies on the way to a record array or side value; null otherwise. */
  readonly path: string[] | null;
  /** Objects: the key whose value comes next. */
  key: string | null;
  expectKey: boolean;
}

type Capture = {
  kind: 'record' | 'side' | 'top';
  depth: number;
  line: number;
  parts: string[];
  length: number;
  start: number;
  path: string;
  scalar: boolean;
  dropped: boolean;
};

/** Incremental splitter: `push` text chunks in order, then `finish`. */
export class JsonRecordSplitter {
  private readonly stack: Frame[] = [];
  private line = 1;
  private inString = false;
  private escaped = false;
  private keyStart = -1;
  private keyParts: string[] | null = null;
  private capture: Capture | null = null;
  private index = 0;
  private junkLine = 0;

  constructor(
    private readonly recordArrays: readonly (readonly string[])[],
    private readonly sidePaths: readonly (readonly string[])[] = [],
    private readonly maxRecordChars = 64 * 1024 * 1024,
  ) {}

  /** Pieces completed by this chunk of text. */
  push(text: string): JsonPiece[] {
    const out: JsonPiece[] = [];
    const n = text.length;
    if (this.capture) this.capture.start = 0;
    if (this.keyParts) this.keyStart = 0;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (this.inString) {
        // Tight scan to the next quote, backslash or newline.
        while (!this.escaped && c !== 34 && c !== 92 && c !== 10 && ++i < n) c = text.charCodeAt(i);
        if (i >= n) break;
        if (c === 10) this.line++;
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) {
          this.inString = false;
          if (this.keyStart >= 0) this.endKey(text, i);
          if (this.capture?.scalar && this.capture.depth === this.stack.length) this.endCapture(text, i + 1, out);
        }
        continue;
      }
      if (
        this.capture?.scalar &&
        this.capture.depth === this.stack.length &&
        (c === 44 || c === 93 || c === 125 || c <= 32)
      ) {
        this.endCapture(text, i, out);
      }
      switch (c) {
        case 10:
          this.line++;
          break;
        case 32:
        case 9:
        case 13:
          break;
        case 34: // "
          this.inString = true;
          {
            const top = this.stack[this.stack.length - 1];
            if (top && !top.array && top.expectKey) {
              if (top.path && !this.capturingInside() && !this.capture?.scalar) {
                this.keyStart = i + 1;
                this.keyParts = [];
              }
            } else this.beginValue(text, i, true, out);
          }
          break;
        case 123:
        case 91: {
          // { [
          this.beginValue(text, i, false, out);
          const parent = this.stack[this.stack.length - 1];
          const path = this.containerPath(parent, c === 91);
          this.stack.push({ array: c === 91, path, key: null, expectKey: c === 123 });
          break;
        }
        case 125:
        case 93: {
          // } ]
          const closed = this.stack.pop();
          if (!closed) {
            this.junk(out, 'a closing bracket with nothing open');
            break;
          }
          if (this.capture && !this.capture.scalar && this.capture.depth === this.stack.length)
            this.endCapture(text, i + 1, out);
          break;
        }
        case 58: {
          // :
          const top = this.stack[this.stack.length - 1];
          if (top && !top.array) top.expectKey = false;
          break;
        }
        case 44: {
          // ,
          const top = this.stack[this.stack.length - 1];
          if (top && !top.array) {
            top.expectKey = true;
            top.key = null;
          }
          break;
        }
        default:
          this.beginValue(text, i, false, out);
      }
    }
    if (this.capture && !this.capture.dropped) this.keep(text.slice(this.capture.start));
    if (this.keyParts && this.keyStart >= 0) this.keyParts.push(text.slice(this.keyStart));
    return out;
  }

  /** Problems left at the end: a record or the document cut short. */
  finish(): JsonPiece[] {
    const out: JsonPiece[] = [];
    if (this.capture?.scalar && !this.inString && this.capture.depth === this.stack.length) {
      this.endCapture('', 0, out);
    }
    if (this.capture) {
      out.push({
        type: 'problem',
        code: 'truncated',
        line: this.capture.line,
        message: `the file ends inside the ${this.capture.kind === 'side' ? 'value' : 'record'} that starts here (file truncated?); that record is lost`,
      });
      this.capture = null;
    } else if (this.stack.length > 0 || this.inString) {
      out.push({
        type: 'problem',
        code: 'truncated',
        line: this.line,
        message:
          'the file ends before the JSON document is closed (file truncated?); every complete record before this point was read',
      });
    }
    return out;
  }

  private capturingInside(): boolean {
    return this.capture !== null && this.capture.kind !== 'top';
  }

  private containerPath(parent: Frame | undefined, isArray: boolean): string[] | null {
    if (this.capturingInside()) return null;
    if (!parent) return [];
    if (!parent.path) return null;
    if (parent.array) return null; // arrays of arrays lead nowhere we look
    const path = [...parent.path, parent.key ?? ''];
    const leads = [...this.recordArrays, ...this.sidePaths].some(
      (target) => path.length <= target.length && path.every((key, i) => key === target[i]),
    );
    if (!leads) return null;
    // This container is on the way to the records: a top-level object holding it is a wrapper, not a record.
    if (this.capture?.kind === 'top' && (isArray || path.length < Math.max(...this.recordArrays.map((t) => t.length))))
      this.capture = null;
    return path;
  }

  private beginValue(text: string, i: number, isString: boolean, out: JsonPiece[]): void {
    const top = this.stack[this.stack.length - 1];
    if (top && !top.array) top.expectKey = false;
    if (this.capture) return;
    const c = text.charCodeAt(i);
    const scalar = c !== 123 && c !== 91;
    if (!top) {
      if (c === 123) this.startCapture('top', i, '', false);
      else if (c !== 91) this.junk(out, 'text outside any JSON value');
      return;
    }
    if (!top.path) return;
    if (top.array) {
      const isRecordArray = top.path.length === 0 || this.recordArrays.some((target) => same(target, top.path!));
      if (isRecordArray) this.startCapture('record', i, '', scalar || isString);
      return;
    }
    const valuePath = [...top.path, top.key ?? ''];
    if (this.sidePaths.some((target) => same(target, valuePath)))
      this.startCapture('side', i, valuePath.join('.'), scalar || isString);
  }

  private startCapture(kind: Capture['kind'], at: number, path: string, scalar: boolean): void {
    this.capture = {
      kind,
      depth: this.stack.length,
      line: this.line,
      parts: [],
      length: 0,
      start: at,
      path,
      scalar,
      dropped: false,
    };
  }

  private keep(part: string, capture: Capture = this.capture!): void {
    capture.length += part.length;
    if (capture.length > this.maxRecordChars) {
      capture.dropped = true;
      capture.parts = [];
    } else capture.parts.push(part);
  }

  private endCapture(text: string, end: number, out: JsonPiece[]): void {
    const capture = this.capture!;
    this.capture = null;
    if (!capture.dropped) this.keep(text.slice(capture.start, end), capture);
    if (capture.dropped) {
      out.push({
        type: 'problem',
        code: 'record-too-large',
        line: capture.line,
        message: `record larger than ${this.maxRecordChars} characters; skipped`,
      });
      if (capture.kind !== 'side') this.index++;
      return;
    }
    const joined = capture.parts.join('');
    if (capture.kind === 'side') out.push({ type: 'side', path: capture.path, text: joined, line: capture.line });
    else
      out.push({
        type: 'record',
        text: joined,
        line: capture.line,
        index: capture.kind === 'top' ? this.index++ : this.index++,
      });
  }

  private endKey(text: string, quoteAt: number): void {
    const top = this.stack[this.stack.length - 1];
    const key = (this.keyParts ?? []).join('') + text.slice(this.keyStart, quoteAt);
    if (top && !top.array) top.key = key;
    this.keyStart = -1;
    this.keyParts = null;
  }

  private junk(out: JsonPiece[], what: string): void {
    if (this.junkLine === this.line) return; // one problem per line is enough
    this.junkLine = this.line;
    out.push({ type: 'problem', code: 'malformed-json', line: this.line, message: `${what}; skipped` });
  }
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}
