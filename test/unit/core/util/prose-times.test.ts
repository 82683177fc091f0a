import { describe, expect, it } from 'vitest';
import { splitProseTimes } from '../../../../core/util/prose-times';
import { iso } from '../../../../core/timeline/util/describe';

describe('splitProseTimes', () => {
  it('finds every instant iso() writes, with its epoch ms, and keeps the text around it', () => {
    const first = Date.UTC(2026, 10, 18, 9, 55, 2);
    const second = Date.UTC(2026, 10, 18, 10, 2, 11, 120);
    const prose = `seen in Oslo at ${iso(first)} and in Lagos at ${iso(second)}.`;
    expect(splitProseTimes(prose)).toEqual([
      { kind: 'text', text: 'seen in Oslo at ' },
      { kind: 'time', text: '2026-11-18T09:55:02Z', ts: first },
      { kind: 'text', text: ' and in Lagos at ' },
      { kind: 'time', text: '2026-11-18T10:02:11.120Z', ts: second },
      { kind: 'text', text: '.' },
    ]);
    expect(
      splitProseTimes(prose)
        .map((part) => part.text)
        .join(''),
    ).toBe(prose);
  });

  it('leaves impossible dates, offsets other than Z and plain text as text', () => {
    for (const prose of ['at 2026-02-30T10:00:00Z', 'at 2026-11-18T10:00:00+01:00', 'no time here', ''])
      expect(splitProseTimes(prose).every((part) => part.kind === 'text')).toBe(true);
  });

  it('reads hostile prose (a million characters of near-instants) through to the end', () => {
    const prose = `${'2026-11-18T10:00:00 '.repeat(50_000)}2026-11-18T10:00:00Z`;
    const parts = splitProseTimes(prose);
    expect(parts.at(-1)).toMatchObject({ kind: 'time', text: '2026-11-18T10:00:00Z' });
  });
});
