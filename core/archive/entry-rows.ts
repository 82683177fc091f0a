import { LineSplitter, type TextLine } from '../sources/line-splitter';
import { ArchiveError } from './errors';
import { decodeRow } from './row-codec';
import type { ArchiveRow } from './types';

/** A row longer than this is not one this format wrote (the largest, a token analysis' detail, is far smaller). */
const MAX_ROW_BYTES = 256 * 1024 * 1024;

function rowOf(line: TextLine, entry: string, caseId: string): ArchiveRow {
  const refuse = (why: string): never => {
    throw new ArchiveError('archive-row', `row ${line.line} of "${entry}" ${why}`, entry, line.line);
  };
  if (line.invalidUtf8) refuse('is not valid UTF-8');
  if (line.cut) refuse(`is longer than ${MAX_ROW_BYTES} bytes`);
  if (line.unterminated) refuse('does not end with a newline: the entry is cut short');
  let row: ArchiveRow;
  try {
    row = decodeRow(line.text);
  } catch (error) {
    return refuse(`is not a row of this format (${(error as Error).message})`);
  }
  if ('caseId' in row && row.caseId !== caseId) refuse(`belongs to another case ("${String(row.caseId)}")`);
  return row;
}

/** The row of a line, or the refusal of it (held back until the entry's hash is known). */
function rowOrRefusal(line: TextLine, entry: string, caseId: string): ArchiveRow | ArchiveError {
  try {
    return rowOf(line, entry, caseId);
  } catch (error) {
    if (error instanceof ArchiveError) return error;
    throw error;
  }
}

/**
 * The rows of a table entry, decoded line by line as its chunks arrive: each must be a whole line of valid UTF-8, a
 * row this format writes, and — when it has a `caseId` — a row of the archive's case. A line that is none of these is
 * not refused at once: the rest of the entry is read (not parsed, so memory stays flat) to its end, where `chunks`
 * (verifiedEntryChunks) compares the entry's size and SHA-256 with the manifest — a changed byte is refused as the
 * entry's hash mismatch it is, and only an entry whose hash is the manifest's is refused for the row (`archive-row`,
 * naming the entry and the row). A row count different from `expected` is refused at the end.
 */
export async function* entryRows(
  chunks: AsyncIterable<Uint8Array>,
  entry: string,
  caseId: string,
  expected: number,
): AsyncGenerator<ArchiveRow> {
  const splitter = new LineSplitter(MAX_ROW_BYTES);
  let rows = 0;
  let refusal: ArchiveError | undefined;
  for await (const chunk of chunks) {
    if (refusal) continue;
    for (const line of splitter.push(chunk)) {
      rows++;
      const row = rowOrRefusal(line, entry, caseId);
      if (row instanceof ArchiveError) {
        refusal = row;
        break;
      }
      yield row;
    }
  }
  if (refusal) throw refusal;
  for (const line of splitter.finish()) {
    rows++;
    const row = rowOrRefusal(line, entry, caseId);
    if (row instanceof ArchiveError) throw row;
    yield row;
  }
  if (rows !== expected)
    throw new ArchiveError(
      'archive-row',
      `"${entry}" holds ${rows} rows, not the ${expected} the manifest records`,
      entry,
    );
}
