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

/**
 * The rows of a table entry, decoded line by line as its chunks arrive: each must be a whole line of valid UTF-8, a
 * row this format writes, and — when it has a `caseId` — a row of the archive's case. Throws `archive-row` naming the
 * entry and the row; a row count different from `expected` is refused at the end.
 */
export async function* entryRows(
  chunks: AsyncIterable<Uint8Array>,
  entry: string,
  caseId: string,
  expected: number,
): AsyncGenerator<ArchiveRow> {
  const splitter = new LineSplitter(MAX_ROW_BYTES);
  let rows = 0;
  for await (const chunk of chunks) {
    for (const line of splitter.push(chunk)) {
      rows++;
      yield rowOf(line, entry, caseId);
    }
  }
  for (const line of splitter.finish()) {
    rows++;
    yield rowOf(line, entry, caseId);
  }
  if (rows !== expected)
    throw new ArchiveError(
      'archive-row',
      `"${entry}" holds ${rows} rows, not the ${expected} the manifest records`,
      entry,
    );
}
