// Fields of a stored row that exist only to be indexed and are computed from the row's own data: the time bins of a
// block and the time span of a posting row. They are computed again wherever rows come from elsewhere — the schema
// upgrade that added them, and a case archive (one made before they existed lacks them; what an archive says of
// them is not trusted, only recomputed), so a row's index entries always agree with its data.
import { blockBins, postingSpan, type StoredEventBlock, type StoredPostingRow } from './event-blocks';

type Row = Record<string, unknown>;

/** `row` of `table` with its derived index fields (re)computed; other tables' rows are returned as they are. */
export function withDerivedKeys(table: string, row: Row): Row {
  if (table === 'eventBlocks') return { ...row, bins: blockBins(row as unknown as StoredEventBlock) };
  if (table === 'eventPostings') return { ...row, ...postingSpan((row as unknown as StoredPostingRow).ts) };
  return row;
}
