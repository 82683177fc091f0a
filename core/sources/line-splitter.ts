/**
 * Splits a byte stream into text lines, chunk by chunk, without ever holding more than one line plus one chunk.
 * Handles a UTF-8 byte-order mark, CRLF and lone LF endings, lines split across chunks, invalid UTF-8 (the line is
 * kept with U+FFFD in place of the bad bytes and flagged), over-long lines (cut, flagged, the rest skipped to the
 * next newline) and a last line with no newline (flagged, since a truncated file ends that way).
 */

/** One line of text and where it was. */
export interface TextLine {
  readonly text: string;
  /** 1-based line number. */
  readonly line: number;
  /** Byte offset of the line's first byte in the file. */
  readonly offset: number;
  /** The line held bytes that are not UTF-8; `text` has U+FFFD in their place. */
  readonly invalidUtf8?: boolean;
  /** The line was longer than the limit; `text` is its beginning only. */
  readonly cut?: boolean;
  /** The file ended without a newline after this line. */
  readonly unterminated?: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

function decodeLine(bytes: Uint8Array): { text: string; invalid: boolean } {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 13) end--; // CRLF: drop the CR
  const body = bytes.subarray(0, end);
  try {
    return { text: strict.decode(body), invalid: false };
  } catch {
    return { text: lenient.decode(body), invalid: true };
  }
}

/** Incremental splitter: `push` each chunk, then `finish` once. */
export class LineSplitter {
  private carry: Uint8Array[] = [];
  private carryLength = 0;
  private lineNumber = 0;
  private base = 0; // absolute offset of the next byte pushed
  private lineStart = 0; // absolute offset of the current line's first byte
  private cut = false; // the current line overflowed: the rest is being skipped
  private head: Uint8Array | undefined; // the first bytes, held until a BOM can be recognised

  /** @param maxLineBytes lines longer than this are cut (and flagged), so one bad line cannot exhaust memory. */
  constructor(private readonly maxLineBytes = 16 * 1024 * 1024) {}

  /** Lines completed by this chunk. */
  push(chunk: Uint8Array): TextLine[] {
    const out: TextLine[] = [];
    let bytes = chunk;
    if (this.base === 0 && this.head === undefined && bytes.length < 3) {
      this.head = bytes.slice();
      return out;
    }
    if (this.head !== undefined) {
      const joined = new Uint8Array(this.head.length + bytes.length);
      joined.set(this.head);
      joined.set(bytes, this.head.length);
      this.head = undefined;
      if (joined.length < 3) {
        this.head = joined;
        return out;
      }
      bytes = joined;
    }
    if (this.base === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
      this.base = 3;
      this.lineStart = 3;
    }
    let start = 0;
    for (;;) {
      const newline = bytes.indexOf(10, start);
      if (newline < 0) break;
      this.emit(bytes.subarray(start, newline), out, false);
      this.lineStart = this.base + newline + 1;
      start = newline + 1;
    }
    if (start < bytes.length) this.append(bytes.subarray(start));
    this.base += bytes.length;
    return out;
  }

  /** The last line when the file did not end with a newline. */
  finish(): TextLine[] {
    const out: TextLine[] = [];
    if (this.head !== undefined) {
      const head = this.head;
      this.head = undefined;
      const bom = head.length >= 3 && head[0] === 0xef;
      if (head.length > 0) {
        this.lineStart = bom ? 3 : 0;
        this.emit(head, out, true);
      }
      return out;
    }
    if (this.carryLength > 0 || this.cut) this.emit(new Uint8Array(0), out, true);
    return out;
  }

  private emit(tail: Uint8Array, out: TextLine[], unterminated: boolean): void {
    if (!this.cut && this.carryLength + tail.length > this.maxLineBytes) {
      this.append(tail);
      tail = new Uint8Array(0);
    }
    const bytes = this.carryLength > 0 ? this.concat(this.cut ? new Uint8Array(0) : tail) : tail;
    this.lineNumber++;
    const { text, invalid } = decodeLine(bytes);
    const flags: { invalidUtf8?: true; cut?: true; unterminated?: true } = {};
    if (invalid) flags.invalidUtf8 = true;
    if (this.cut) flags.cut = true;
    if (unterminated) flags.unterminated = true;
    out.push({ text, line: this.lineNumber, offset: this.lineStart, ...flags });
    this.cut = false;
  }

  private append(bytes: Uint8Array): void {
    if (this.cut) return;
    const room = this.maxLineBytes - this.carryLength;
    if (bytes.length > room) {
      // Keep the beginning (the problem report shows it) and let the rest of the line stream by.
      this.carry.push(bytes.slice(0, room));
      this.carryLength += room;
      this.cut = true;
      return;
    }
    this.carry.push(bytes.slice()); // copy: the host may reuse its chunk buffer
    this.carryLength += bytes.length;
  }

  private concat(tail: Uint8Array): Uint8Array {
    const out = new Uint8Array(this.carryLength + tail.length);
    let at = 0;
    for (const part of this.carry) {
      out.set(part, at);
      at += part.length;
    }
    out.set(tail, at);
    this.carry = [];
    this.carryLength = 0;
    return out;
  }
}
