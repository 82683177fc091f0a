import type { RandomAccessInput } from '../types';

/**
 * A random-access input that serves small reads from one larger window read ahead. Reading a zip takes two small
 * reads per entry (local header, then data); over Electron's IPC or a browser Blob each read is a round trip of
 * a few milliseconds, so 9,999 one-byte entries cost a minute. Entries sit one after another, so one window read
 * covers hundreds of them. Memory: one window, whatever the archive.
 */
export function readAhead(input: RandomAccessInput, windowBytes = 1024 * 1024): RandomAccessInput {
  let windowStart = 0;
  let window: Uint8Array = new Uint8Array(0);
  return {
    name: input.name,
    size: input.size,
    async read(offset, length) {
      if (offset >= windowStart && offset + length <= windowStart + window.length) {
        return window.subarray(offset - windowStart, offset - windowStart + length);
      }
      if (length >= windowBytes) return input.read(offset, length);
      windowStart = offset;
      window = await input.read(offset, Math.min(windowBytes, input.size - offset));
      return window.subarray(0, Math.min(length, window.length));
    },
  };
}
