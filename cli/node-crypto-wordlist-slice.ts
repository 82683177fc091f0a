import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_WORD_BYTES } from '../core/token';
import type { SearchFileRequest, SliceMatch, SliceResult } from './node-crypto-messages';
import { candidateBatch } from './node-crypto-candidate-batch';

/**
 * One byte range of a wordlist, searched by a crypto worker that reads it itself through a small fixed buffer (no
 * allocation per word, memory does not grow with the list). A line belongs to the range holding its first byte;
 * `newlines` counts '\n' in [start, end) so the pool can number lines. Workers share progress through `shared` (see
 * {@link SearchFileRequest}): a range stops as soon as every target is found in a range at or before its own.
 */

const READ_BYTES = 1 << 16;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
/** Candidates tried between two looks at the shared cancel flag and the other workers' finds. */
const CHECK_EVERY = 1024;

/** Kept between requests: a worker searches one range at a time. */
let readBuffer: Buffer | undefined;

/** Search the range of `request`; see {@link SearchFileRequest}. */
export function searchWordlistSlice(request: SearchFileRequest): SliceResult {
  const { file, slice, start, end, shared } = request;
  const count = request.targets.length;
  const active = new Uint8Array(count).fill(1);
  const matches: SliceMatch[] = [];
  let remaining = count;
  const candidates = candidateBatch(request.targets, active, (t, before, word) => {
    matches.push([t, before, word]);
    active[t] = 0;
    remaining--;
    // Lower the shared "found in range" mark to this range unless another worker found it earlier.
    for (;;) {
      const current = Atomics.load(shared, 2 + t);
      if (current <= slice || Atomics.compareExchange(shared, 2 + t, current, slice) === current) break;
    }
  });
  const buffer = (readBuffer ??= Buffer.allocUnsafe(READ_BYTES));
  const fd = openSync(file, 'r');
  let newlines = 0; // '\n' in [start, end) seen so far
  let complete = true;
  let tried = 0;
  // Targets another worker found in an earlier range need no more tries here.
  const settled = (): boolean => {
    for (let t = 0; t < count; t++) {
      if (active[t] && Atomics.load(shared, 2 + t) < slice) {
        active[t] = 0;
        remaining--;
      }
    }
    return remaining === 0;
  };
  try {
    let filled = 0; // bytes in buffer
    let bufferStart = start; // file position of buffer[0]
    let eof = false;
    const fill = (): void => {
      if (eof) return;
      const got = readSync(fd, buffer, filled, READ_BYTES - filled, bufferStart + filled);
      if (got === 0) eof = true;
      filled += got;
    };
    let at = 0; // position in buffer of the next unread byte
    let skipping = false; // inside a line that started before this range, or an over-long one
    if (start > 0) {
      const one = Buffer.alloc(1);
      readSync(fd, one, 0, 1, start - 1);
      skipping = one[0] !== NEWLINE;
    }
    fill();
    if (settled()) return { newlines, complete: false, matches };
    for (;;) {
      if (at >= filled) {
        if (eof) break;
        bufferStart += filled;
        filled = 0;
        at = 0;
        fill();
        if (filled === 0) break;
      }
      const lineStart = bufferStart + at;
      if (!skipping && lineStart >= end) break;
      let newline = buffer.indexOf(NEWLINE, at);
      if (newline < 0 || newline >= filled) {
        // The line continues past the buffer: move it to the front and read more (or skip it when over-long).
        if (!eof && filled - at <= MAX_WORD_BYTES && !skipping) {
          buffer.copy(buffer, 0, at, filled);
          bufferStart += at;
          filled -= at;
          at = 0;
          fill();
          continue;
        }
        if (!eof) {
          // Over-long or skipped: count nothing (no '\n' here), drop the bytes and keep skipping.
          skipping = true;
          bufferStart += filled;
          filled = 0;
          at = 0;
          fill();
          continue;
        }
        newline = filled; // last line without a newline
      }
      const lineEnd = bufferStart + newline;
      const counted = newline < filled && lineEnd < end;
      if (counted) newlines++;
      if (skipping) {
        skipping = false;
        at = newline + 1;
        continue;
      }
      if (lineEnd - lineStart > MAX_WORD_BYTES) {
        at = newline + 1;
        continue;
      }
      const wordEnd = newline > at && buffer[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
      const before = newlines - (counted ? 1 : 0);
      candidates.offer(buffer, at, wordEnd, before);
      at = newline + 1;
      if (remaining === 0) {
        complete = false;
        break;
      }
      if (++tried === CHECK_EVERY) {
        Atomics.add(shared, 1, tried);
        tried = 0;
        if (Atomics.load(shared, 0) !== 0 || settled()) {
          complete = false;
          break;
        }
      }
    }
    // The range's last candidates may still wait for a full batch (a stopped search does not need them).
    if (complete) candidates.flush();
  } finally {
    closeSync(fd);
    Atomics.add(shared, 1, tried);
  }
  return { newlines, complete, matches };
}
