import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '../../../../core/sources';
import { blockEventCount, decodeBlockEvent, encodeBlockEvents } from '../../../../core/timeline';

const event = (line: number, record: string): AuthEvent => ({
  ts: line === 2 ? null : Date.UTC(2026, 10, 18) + line,
  time: null,
  source: { file: 'a.log', sha256: '0'.repeat(64), format: 'tokentrail-jsonl', line },
  kind: 'use',
  tokenHashes: [],
  tokens: [],
  details: { ['__proto__']: 'x', 'a\nb': 'c\u2028d' },
  record,
});

describe('block events', () => {
  it('gives back every event exactly, whatever its text holds (newlines, separators, lone surrogates, quotes)', () => {
    const records = ['plain', 'two\nlines\r\n', '{"json":"\\n"}', 'lone \ud800 surrogate', '"quoted"\t', ''];
    const events = records.map((record, index) => event(index + 1, record));
    const block = encodeBlockEvents(events);
    expect(blockEventCount(block)).toBe(events.length);
    events.forEach((original, offset) => expect(decodeBlockEvent(block, offset)).toStrictEqual(original));
    expect(decodeBlockEvent(block, events.length)).toBeUndefined();
    expect(decodeBlockEvent(block, -1)).toBeUndefined();
  });

  it('holds an empty block', () => {
    const block = encodeBlockEvents([]);
    expect(blockEventCount(block)).toBe(0);
    expect(decodeBlockEvent(block, 0)).toBeUndefined();
  });
});
