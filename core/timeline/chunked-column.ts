/**
 * A column of numbers, one per row, in typed-array chunks of 65,536 rows: the entry table (entry-table.ts) keeps an
 * event's fields in these instead of an object per event. Chunks, not one growing array, so a 10M-row column never
 * holds a doubled copy (a growing array would peak at 1.5–2× the rows while it copies); only the first chunk grows,
 * so a table of a few rows (a unit test's) stays small. Rows are appended in order.
 */
const CHUNK_BITS = 16;
const CHUNK_ROWS = 1 << CHUNK_BITS;
const ROW_IN_CHUNK = CHUNK_ROWS - 1;
const FIRST_CHUNK_ROWS = 64;

type NumberArray = Int32Array | Float64Array;

export class ChunkedColumn<A extends NumberArray> {
  private readonly chunks: A[];

  constructor(private readonly make: (rows: number) => A) {
    this.chunks = [make(FIRST_CHUNK_ROWS)];
  }

  get(row: number): number {
    return this.chunks[row >>> CHUNK_BITS]![row & ROW_IN_CHUNK]!;
  }

  set(row: number, value: number): void {
    const index = row >>> CHUNK_BITS;
    const offset = row & ROW_IN_CHUNK;
    let chunk = this.chunks[index];
    if (chunk === undefined) this.chunks[index] = chunk = this.make(CHUNK_ROWS);
    else if (offset >= chunk.length) {
      const grown = this.make(Math.min(CHUNK_ROWS, Math.max(chunk.length * 2, offset + 1)));
      grown.set(chunk);
      this.chunks[index] = chunk = grown;
    }
    chunk[offset] = value;
  }
}

/** A column of 32-bit integers (0 in rows not set). */
export const int32Column = () => new ChunkedColumn((rows) => new Int32Array(rows));
/** A column of doubles (0 in rows not set). */
export const float64Column = () => new ChunkedColumn((rows) => new Float64Array(rows));
