// Where `tokentrail export` writes: a file (--out) or standard output. A file is written beside its final name and
// renamed into place when complete, so a failure never leaves a truncated export under the name asked for.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { terminalSafe } from './terminal-text';
import type { Output } from './output';

/** Text going somewhere, chunk by chunk. */
export interface TextSink {
  write(chunk: string): Promise<void>;
  /** Complete the output. */
  finish(): Promise<void>;
  /** Give up: nothing is left under the final name. */
  abort(): Promise<void>;
  /** True when every record must arrive as its own chunk (line-by-line terminal output). */
  readonly recordByRecord: boolean;
}

/** A sink writing `file` (UTF-8), through a temporary sibling renamed into place by finish(). */
export function fileSink(file: string): TextSink {
  const partial = `${file}.${process.pid}.partial`;
  const stream = createWriteStream(partial, { flags: 'wx', encoding: 'utf8' });
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  const closed = () => new Promise<void>((resolve) => stream.end(resolve));
  return {
    recordByRecord: false,
    async write(chunk) {
      if (failure) throw failure;
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
      if (failure) throw failure;
    },
    async finish() {
      await closed();
      if (failure) throw failure;
      await rename(partial, file);
    },
    async abort() {
      if (!stream.closed) await closed();
      await rm(partial, { force: true });
    },
  };
}

/**
 * A sink writing standard output: byte for byte when `out.data` exists (a pipe or a file), else each record's lines
 * through `out.stdout` made terminal-safe — `splitLines` false for CSV, whose records may hold a line break inside a
 * quoted field: the record then shows as one line, the break as \u000a, never as a forged line of its own.
 */
export function standardOutputSink(out: Output, splitLines: boolean): TextSink {
  const data = out.data;
  if (data)
    return { recordByRecord: false, write: (chunk) => data(chunk), finish: async () => {}, abort: async () => {} };
  return {
    recordByRecord: true,
    async write(record) {
      const body = record.endsWith('\r\n') ? record.slice(0, -2) : record.endsWith('\n') ? record.slice(0, -1) : record;
      for (const line of splitLines ? body.split('\n') : [body]) out.stdout(terminalSafe(line));
    },
    finish: async () => {},
    abort: async () => {},
  };
}
