import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '../../../../core/sources/types';
import { buildEventRows, stampSeq } from '../../../../renderer/db/event-rows';
import {
  FILTER_PACK_ROWS,
  TEXT_ROW_ENTRIES,
  TEXT_ROW_SPAN_MS,
  buildTextRows,
  matchingEntries,
  filteredRows,
  searchText,
  textFilterPackRange,
  textFilterPacks,
  textFilterRow,
  textNeedle,
} from '../../../../renderer/db/event-text';
import { mayContainText } from '../../../../core/timeline/trigram-filter';
import { seededRandom } from '../../../support/seeded-random';

function event(ts: number | null, record: string, fields: Partial<AuthEvent> = {}): AuthEvent {
  return {
    ts,
    time: null,
    source: { file: 'logs/a.jsonl', sha256: '0'.repeat(64), format: 'tokentrail-jsonl', line: 1 },
    kind: 'use',
    tokenHashes: [],
    tokens: [],
    record,
    ...fields,
  };
}

function rowsOf(events: AuthEvent[], firstSeq = 0) {
  const rows = buildEventRows('c', 'i', 'f', events);
  stampSeq(rows, firstSeq);
  return buildTextRows('c', 'i', rows, events.map(searchText));
}

describe('searchText', () => {
  it('is the lower-cased record plus the normalized fields the record does not spell out', () => {
    const text = searchText(
      event(1, '{"Sub":"Alice@Example.com","ip":"81.2.69.160"}', {
        subject: 'alice@example.com',
        ip: '81.2.69.160',
        sessionId: 'S-77',
      }),
    );
    expect(text).toBe('{"sub":"alice@example.com","ip":"81.2.69.160"}\ns-77\nlogs/a.jsonl');
  });

  it('strips NUL from needles, so a needle never spans two packed entries', () => {
    expect(textNeedle(' A\u0000b ')).toBe('ab');
    expect(textNeedle(undefined)).toBe('');
  });
});

describe('buildTextRows', () => {
  it('sorts a batch by time and seq and cuts rows by entry count and by span', () => {
    const times = [5, 1, 1, 3, TEXT_ROW_SPAN_MS + 1, TEXT_ROW_SPAN_MS + 2];
    const rows = rowsOf(
      times.map((ts, index) => event(ts, `r${index}`)),
      10,
    );
    expect(rows.map((row) => [...row.seq])).toEqual([
      [11, 12, 13, 10],
      [14, 15],
    ]);
    expect(rows.map((row) => [row.start, row.lastTs, row.firstSeq])).toEqual([
      [1, 5, 11],
      [TEXT_ROW_SPAN_MS + 1, TEXT_ROW_SPAN_MS + 2, 14],
    ]);
    expect(rows[0]!.text.split('\u0000').map((text) => text.split('\n')[0])).toEqual(['r1', 'r2', 'r3', 'r0']);

    const many = rowsOf(Array.from({ length: TEXT_ROW_ENTRIES * 2 + 1 }, (_, index) => event(index, `r${index}`)));
    expect(many.map((row) => row.ts.length)).toEqual([TEXT_ROW_ENTRIES, TEXT_ROW_ENTRIES, 1]);
    // Every row spans less than TEXT_ROW_SPAN_MS: what the query's straddling range relies on.
    for (const row of [...rows, ...many]) expect(row.lastTs - row.start).toBeLessThan(TEXT_ROW_SPAN_MS);
  });

  it('keeps untimed events (the lowest ts) in rows of their own time', () => {
    const rows = rowsOf([event(null, 'a'), event(100, 'b')]);
    expect(rows.map((row) => [...row.ts])).toEqual([[Number.MIN_SAFE_INTEGER], [100]]);
  });
});

describe('matchingEntries', () => {
  const [row] = rowsOf(['alpha beta', 'beta beta', 'gamma', 'alphabeta'].map((record, index) => event(index, record)));

  it('names each matching entry once, in row order', () => {
    expect(matchingEntries(row!, 'beta')).toEqual([0, 1, 3]);
    expect(matchingEntries(row!, 'gamma')).toEqual([2]);
    expect(matchingEntries(row!, 'delta')).toEqual([]);
  });

  it('finds matches at the very start and end of the packed text', () => {
    expect(matchingEntries(row!, 'alpha b')).toEqual([0]);
    expect(matchingEntries(row!, 'logs/a.jsonl')).toEqual([0, 1, 2, 3]);
  });
});

describe('textFilterRow', () => {
  it("keys a row's trigram filter as the row (start, first seq), with its ingest and entry count", () => {
    const events = Array.from({ length: 100 }, (_, index) =>
      event(index + 1, `{"kind":"use","sub":"user${index % 9}@example.com","ip":"81.2.69.160"}`),
    );
    const [row] = rowsOf([event(1, 'Alice signed in'), ...events], 40);
    const record = textFilterRow(row!);
    expect(record).toMatchObject({ caseId: 'c', start: 1, firstSeq: 40, ingestId: 'i', entries: 101 });
    const filter = record.filter!;
    expect(filter.length).toBeLessThanOrEqual(row!.text.length / 4);
    expect(mayContainText(filter, 'alice signed')).toBe(true);
    expect(mayContainText(filter, 'user8@example.com')).toBe(true);
    expect(mayContainText(filter, 'mallory')).toBe(false);
  });

  it('records no filter for a row whose filter would not be a quarter of its text (it is read instead)', () => {
    const small = textFilterRow(rowsOf([event(1, 'Alice signed in')])[0]!);
    expect(small).toMatchObject({ entries: 1 });
    expect(small.filter).toBeUndefined();
    const pick = seededRandom(3);
    const random = Array.from({ length: 64 }, (_, index) =>
      event(index, Array.from({ length: 200 }, () => String.fromCharCode(97 + Math.floor(pick() * 26))).join('')),
    );
    const varied = textFilterRow(rowsOf(random)[0]!);
    expect(varied).toMatchObject({ entries: 64 });
    expect(varied.filter).toBeUndefined();
  });
});

describe('textFilterPacks', () => {
  const line = (index: number) =>
    event(index * 1_000, `{"kind":"use","sub":"user${index % 13}@example.com","jti":"j-${index % 50}"}`);

  it('packs up to FILTER_PACK_ROWS rows of a batch into one record keyed as its first row, each row its own filter', () => {
    const rows = rowsOf(
      Array.from({ length: TEXT_ROW_ENTRIES * (FILTER_PACK_ROWS + 3) }, (_, index) => line(index)),
      7,
    );
    const records = textFilterPacks(rows);
    const packs = records.map(({ pack }) => pack);
    expect(packs.map((pack) => pack.rows?.firstSeq.length)).toEqual([FILTER_PACK_ROWS, 3]);
    const key = { caseId: 'c', ingestId: 'i', start: rows[FILTER_PACK_ROWS]!.start };
    expect(packs[1]).toMatchObject(key);
    expect(records[1]!.rowFilters).toMatchObject(key);
    expect(packs[1]!.firstSeq).toBe(rows[FILTER_PACK_ROWS]!.firstSeq);
    expect(records[1]!.rowFilters.firstSeq).toBe(rows[FILTER_PACK_ROWS]!.firstSeq);
    const filters = records.flatMap(({ pack, rowFilters }) => [...filteredRows(pack, rowFilters)]);
    // Every row once, in order, with its key, last time, and the filter and entries its own one-row record has.
    expect(filters.map(({ start, lastTs, firstSeq }) => [start, lastTs, firstSeq])).toEqual(
      rows.map((row) => [row.start, row.lastTs, row.firstSeq]),
    );
    filters.forEach((filter, index) => {
      const alone = textFilterRow(rows[index]!);
      expect(filter.entries).toBe(alone.entries);
      expect([...filter.filter!]).toEqual([...alone.filter!]);
    });
    // A pack's own lastTs (indexed) is its rows' latest.
    expect(packs[0]!.lastTs).toBe(rows[FILTER_PACK_ROWS - 1]!.lastTs);
  });

  it("gives a pack one filter of all its rows' text, far smaller than its rows' filters, that stands for each row", () => {
    const rows = rowsOf(Array.from({ length: TEXT_ROW_ENTRIES * FILTER_PACK_ROWS }, (_, index) => line(index)));
    const [{ pack, rowFilters }] = textFilterPacks(rows) as [ReturnType<typeof textFilterPacks>[number]];
    expect(pack.filter!.length * 4).toBeLessThanOrEqual(rowFilters.filters.length);
    // Without the rows' own filters every row carries the pack's, which never hides a row's text.
    const coarse = [...filteredRows(pack)];
    expect(coarse.every((row) => row.filter === pack.filter)).toBe(true);
    for (const row of rows)
      for (let at = 0; at + 12 <= row.text.length; at += 97) {
        const piece = row.text.slice(at, at + 12);
        if (!piece.includes('\u0000')) expect(mayContainText(pack.filter!, piece)).toBe(true);
      }
    expect(mayContainText(pack.filter!, 'mallory@evil')).toBe(false);
  });

  it('starts a new pack where a row begins TEXT_ROW_SPAN_MS after the pack, so packs are found by a bounded range', () => {
    const times = [0, 1, TEXT_ROW_SPAN_MS - 1, TEXT_ROW_SPAN_MS + 5, 3 * TEXT_ROW_SPAN_MS];
    const rows = rowsOf(
      times.flatMap((ts) => Array.from({ length: TEXT_ROW_ENTRIES }, (_, index) => ({ ...line(index), ts }))),
    );
    const packs = textFilterPacks(rows).map(({ pack }) => pack);
    expect(packs.map((pack) => [pack.start, pack.rows!.firstSeq.length])).toEqual([
      [0, 3],
      [TEXT_ROW_SPAN_MS + 5, 1],
      [3 * TEXT_ROW_SPAN_MS, 1],
    ]);
    // The range for rows begun in [a, b] holds every pack that holds one of them.
    for (const row of rows) {
      const [lower, upper] = textFilterPackRange('c', row.start, row.start);
      const holder = packs.find((pack) => [...filteredRows(pack)].some(({ firstSeq }) => firstSeq === row.firstSeq))!;
      expect(holder.start).toBeGreaterThanOrEqual(lower[1]);
      expect(holder.start).toBeLessThanOrEqual(upper[1]);
    }
  });

  it('keeps a row without a filter in a pack as a row without one (it is read)', () => {
    const pick = seededRandom(5);
    const random = Array.from({ length: TEXT_ROW_ENTRIES }, (_, index) =>
      event(5, Array.from({ length: 200 }, () => String.fromCharCode(97 + Math.floor(pick() * 26))).join(''), {
        source: { file: 'r', sha256: '0'.repeat(64), format: 'tokentrail-jsonl', line: index },
      }),
    );
    const rows = rowsOf([
      ...Array.from({ length: TEXT_ROW_ENTRIES }, (_, index) => line(index)).map((e) => ({ ...e, ts: 1 })),
      ...random,
    ]);
    const [{ pack, rowFilters }] = textFilterPacks(rows) as [ReturnType<typeof textFilterPacks>[number]];
    const filters = [...filteredRows(pack, rowFilters)];
    expect(filters.map((filter) => [filter.entries, !!filter.filter])).toEqual([
      [TEXT_ROW_ENTRIES, true],
      [TEXT_ROW_ENTRIES, false],
    ]);
  });

  it('reads a one-row record of schema v8 as that row, reaching at most TEXT_ROW_SPAN_MS past its start', () => {
    const [row] = rowsOf([line(1), line(2)], 40);
    const record = textFilterRow(row!);
    const lastTs = 1_000 + TEXT_ROW_SPAN_MS;
    expect([...filteredRows(record)]).toEqual([
      { start: 1_000, lastTs, firstSeq: 40, entries: 2, filter: record.filter },
    ]);
    const small = textFilterRow(rowsOf([event(1, 'Alice')], 9)[0]!);
    expect([...filteredRows(small)]).toEqual([{ start: 1, lastTs: 1 + TEXT_ROW_SPAN_MS, firstSeq: 9, entries: 1 }]);
  });
});
