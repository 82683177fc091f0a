// Rows in, text chunks out: an export is never held whole. Records are gathered into chunks of about `chunkChars`
// characters so a host writes a few large pieces (a file stream, Blob parts) instead of millions of small ones.
import type { ExportEvent } from './event-document';
import type { ExportFinding } from './finding-record';
import type { FindingWriter, TimelineWriter } from './formats';

/** Characters per chunk when none is asked for: large enough to write efficiently, small enough to stream. */
export const DEFAULT_CHUNK_CHARS = 256 * 1024;

/** Rows as a host produces them: one by one or from pages read asynchronously. */
export type Rows<T> = Iterable<T> | AsyncIterable<T>;

/** A running export: iterate `chunks` once; the counts are final when the iteration ends. */
export interface ExportStream {
  readonly chunks: AsyncIterable<string>;
  /** Rows written so far. */
  readonly written: number;
  /** Rows the format cannot hold (Timesketch needs a time: untimed events are left out). */
  readonly leftOut: number;
}

function streamRecords<T>(
  writer: { readonly header?: string; record(row: T): string | undefined },
  rows: Rows<T>,
  chunkChars: number,
): ExportStream {
  const counts = { written: 0, leftOut: 0 };
  async function* chunks(): AsyncGenerator<string> {
    let pending: string[] = [];
    let size = 0;
    // The header is a record like the others: with a chunk size of 1 every record, the header too, is its own chunk.
    const add = (record: string): string | undefined => {
      pending.push(record);
      size += record.length;
      if (size < chunkChars) return undefined;
      const chunk = pending.join('');
      pending = [];
      size = 0;
      return chunk;
    };
    const header = writer.header === undefined ? undefined : add(writer.header);
    if (header !== undefined) yield header;
    for await (const row of rows) {
      const record = writer.record(row);
      if (record === undefined) {
        counts.leftOut += 1;
        continue;
      }
      counts.written += 1;
      const chunk = add(record);
      if (chunk !== undefined) yield chunk;
    }
    if (pending.length > 0) yield pending.join('');
  }
  return {
    chunks: chunks(),
    get written() {
      return counts.written;
    },
    get leftOut() {
      return counts.leftOut;
    },
  };
}

/** Stream the timeline `rows` through a format's writer (timelineWriter). */
export function exportTimeline(
  writer: TimelineWriter,
  rows: Rows<ExportEvent>,
  chunkChars = DEFAULT_CHUNK_CHARS,
): ExportStream {
  return streamRecords(writer, rows, chunkChars);
}

/** Stream findings through a format's writer (findingWriter). */
export function exportFindings(
  writer: FindingWriter,
  rows: Rows<ExportFinding>,
  chunkChars = DEFAULT_CHUNK_CHARS,
): ExportStream {
  return streamRecords(writer, rows, chunkChars);
}
