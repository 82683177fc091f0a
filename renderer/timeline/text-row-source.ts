// What a free-text page (text-pages.ts) reads its text rows from, and the two ways rows are found: by the rows' keys
// with their filters read beside them (text-key-source.ts), or from the filter packs alone, which name their rows'
// keys (text-pack-source.ts). Both hand over rows judged by their trigram filters, in reading order.
import type { Table } from 'dexie';
import { mayContainText } from '../../core/timeline';
import type { RowFilter } from '../db/event-text';

export type Key = [string, number, number];

/**
 * A text row known by its keys: `key` in the direction's index ([caseId, edge, firstSeq]) and its primary key. The
 * straddling rows, picked from a range rather than read as a run, carry their primary key as `key` (firstSeq is the
 * third element either way).
 */
export interface RowKeys {
  readonly key: Key;
  readonly primaryKey: Key;
}

/** A row after its filter was asked: `read` when it may hold the needle (or has no filter). */
export interface JudgedRow extends RowKeys {
  readonly read: boolean;
  /** Entries of a row ruled out (counted as searched). */
  readonly entries: number;
  /** The row has no filter record yet (stored before schema v8): the search writes it once the text is read. */
  readonly unrecorded: boolean;
}

export interface Direction {
  readonly index: string;
  readonly forward: boolean;
  /** True when `ts` comes before `edge` in reading order. */
  before(ts: number, edge: number): boolean;
  /** The rows begun on the far side of `at` that reach it, from their primary keys. */
  straddles(primaryKey: Key, at: number): boolean;
  /** firstSeq that opens the straddling range at `at`: backward, rows ending at `at` are the main read's. */
  readonly straddleFloor: number;
  /** A position past every row in reading order: the horizon once nothing is left to read. */
  readonly beyond: number;
}

export const FORWARD: Direction = {
  index: '[caseId+start+firstSeq]',
  forward: true,
  before: (ts, edge) => ts < edge,
  straddles: ([, start], at) => start < at,
  straddleFloor: -Infinity,
  beyond: Infinity,
};

export const BACKWARD: Direction = {
  index: '[caseId+lastTs+firstSeq]',
  forward: false,
  before: (ts, edge) => ts > edge,
  straddles: ([, start], at) => start <= at,
  straddleFloor: Infinity,
  beyond: -Infinity,
};

/** Where a page reads: the case, the needle, and the range in the direction's own order (origin first). */
export interface RowRange {
  readonly caseId: string;
  readonly needle: string;
  /** Where reading starts: ±Infinity when at the case's (or the filter's) edge. */
  readonly origin: number;
  /** Where reading ends, the filter's far bound. */
  readonly end: number;
}

/**
 * The rows of a page in reading order. `rows` holds rows read and not yet taken; every row whose edge lies before
 * `horizon` in reading order is among them (or was taken), so the matches before it are final once those are searched.
 */
export interface RowSource {
  /** The rows begun before the origin that reach it, judged: searched first, not a run of the index. */
  straddling(): Promise<JudgedRow[]>;
  readonly rows: JudgedRow[];
  readonly horizon: number;
  /** No row is left to read: `horizon` is ±Infinity. */
  readonly exhausted: boolean;
  /** Reads the next rows (more at a time with every call). */
  more(): Promise<void>;
}

/**
 * The bounds of the next read of the direction's index ([caseId+edge+firstSeq]), in the index's own order: from the
 * origin, or after the key last read (exclusive), to the range's end.
 */
export function readBounds(
  side: Direction,
  { caseId, origin, end }: RowRange,
  after: Key | undefined,
): { lower: Key; upper: Key; includeLower: boolean; includeUpper: boolean } {
  return side.forward
    ? {
        lower: after ?? [caseId, origin, -Infinity],
        upper: [caseId, end, Infinity],
        includeLower: !after,
        includeUpper: true,
      }
    : {
        lower: [caseId, end, -Infinity],
        upper: after ?? [caseId, origin, Infinity],
        includeLower: true,
        includeUpper: !after,
      };
}

/**
 * The primary keys of the records of `table` (text rows, or packs of them) on the origin's near side whose latest
 * time reaches within `span` past the origin: where the rows that straddle it are, found by the table's
 * [caseId+lastTs+firstSeq] index. None when reading starts at the case's edge.
 */
export async function straddlingKeys(
  table: Table,
  side: Direction,
  { caseId, origin }: RowRange,
  span: number,
): Promise<Key[]> {
  if (!Number.isFinite(origin)) return [];
  const keys = (await table
    .where('[caseId+lastTs+firstSeq]')
    .between([caseId, origin, side.straddleFloor], [caseId, origin + span, Infinity], true, true)
    .primaryKeys()) as Key[];
  return keys.filter((key) => side.straddles(key, origin));
}

/** A needle under three characters cannot be ruled out: every row is read without asking the filters. */
export const filterable = (needle: string) => needle.length >= 3;

/** A row judged by what its filter says (undefined: it has no record yet). */
export function judge(row: RowKeys, known: RowFilter | undefined, needle: string): JudgedRow {
  if (!filterable(needle)) return { ...row, read: true, entries: 0, unrecorded: false };
  const read = !known?.filter || mayContainText(known.filter, needle);
  return { ...row, read, entries: read ? 0 : known!.entries, unrecorded: !known };
}
