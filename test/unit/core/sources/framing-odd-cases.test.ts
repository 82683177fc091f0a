import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../../core';
import { parse, T1, T2 } from './helpers';

const jsonl = (objects: object[]) => objects.map((o) => JSON.stringify(o)).join('\n');
const event = (ts: string, extra: object = {}) => ({
  ts,
  kind: 'use',
  sub: 'alice',
  ip: '81.2.69.160',
  token: T1,
  ...extra,
});

describe('line splitting over chunks', () => {
  it('handles BOM, CRLF, a line split across chunks, invalid UTF-8 and an unterminated last line', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('one\r\ntw'),
      ...new TextEncoder().encode('o\n'),
      0x61,
      0xff,
      0x62,
      0x0a,
      ...new TextEncoder().encode('last'),
    ]);
    for (const size of [1, 2, 3, 5, 100]) {
      const splitter = new LineSplitter();
      const lines = [];
      for (let at = 0; at < bytes.length; at += size) lines.push(...splitter.push(bytes.slice(at, at + size)));
      lines.push(...splitter.finish());
      expect(lines).toEqual([
        { text: 'one', line: 1, offset: 3 },
        { text: 'two', line: 2, offset: 8 },
        { text: 'a\uFFFDb', line: 3, offset: 12, invalidUtf8: true },
        { text: 'last', line: 4, offset: 16, unterminated: true },
      ]);
    }
  });

  it('cuts an over-long line, flags it and keeps counting lines after it', () => {
    const splitter = new LineSplitter(8);
    const lines = [
      ...splitter.push(new TextEncoder().encode('short\n0123456789abcdef')),
      ...splitter.push(new TextEncoder().encode('xyz\nnext\n')),
      ...splitter.finish(),
    ];
    expect(lines).toEqual([
      { text: 'short', line: 1, offset: 0 },
      { text: '01234567', line: 2, offset: 6, cut: true },
      { text: 'next', line: 3, offset: 26 },
    ]);
  });
});

describe('odd inputs never stop a parse', () => {
  it('JSON Lines: malformed lines, a missing time, an unknown kind and a truncated last line are reported with their line', async () => {
    const text = `\uFEFF${JSON.stringify(event('2026-11-18T10:00:00+02:00'))}\r\n{"ts": broken\r\n\r\n${JSON.stringify({ kind: 'refresh', sub: 'bob' })}\r\n${JSON.stringify(event('2026-11-18T08:00:00Z', { kind: 'teleport' }))}\r\n{"ts":"2026-11-18T09:00:00Z","kind":"iss`;
    const { events, problems, summary } = await parse('auth.jsonl', text, {}, 7);
    expect(summary.format).toBe('tokentrail-jsonl');
    expect(events.map((e) => [e.kind, e.ts, e.source.line])).toEqual([
      ['use', Date.UTC(2026, 10, 18, 8), 1],
      ['refresh', null, 4],
      ['other', Date.UTC(2026, 10, 18, 8), 5],
    ]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['malformed-json', 2],
      ['missing-time', 4],
      ['unknown-kind', 5],
      ['truncated', 6],
    ]);
    expect(problems[3]!.message).toMatch(/truncated/);
    expect(summary).toMatchObject({ events: 3, records: 3, problems: 4, lines: 6, cancelled: false });
  });

  it('invalid UTF-8 inside a record is reported and the record still read', async () => {
    const good = new TextEncoder().encode(`${JSON.stringify(event('2026-11-18T10:00:00Z', { sub: 'al' }))}\n`);
    const bad = new TextEncoder().encode(JSON.stringify(event('2026-11-18T10:00:01Z', { sub: 'XX' })));
    const at = bad.indexOf(0x58); // the first X
    bad[at] = 0xc3;
    bad[at + 1] = 0x28; // 0xC3 0x28 is not UTF-8
    const { events, problems } = await parse('bad.jsonl', new Uint8Array([...good, ...bad]));
    expect(events).toHaveLength(2);
    expect(events[1]!.subject).toBe('\uFFFD(');
    expect(problems).toEqual([
      { code: 'invalid-utf8', file: 'bad.jsonl', line: 2, message: expect.stringMatching(/not UTF-8/) },
    ]);
  });

  it('a truncated JSON document keeps every complete record and says where it was cut', async () => {
    const entries = [1, 2, 3].map((n) => ({
      startedDateTime: `2026-11-18T10:0${n}:00.000-05:00`,
      request: {
        method: 'GET',
        url: `https://api.example/x${n}`,
        headers: [{ name: 'Authorization', value: `Bearer ${T1}` }],
      },
      response: { status: 200, headers: [] },
    }));
    const full = JSON.stringify(
      { log: { version: '1.2', creator: { name: 'Firefox', version: '146' }, entries } },
      null,
      2,
    );
    const cut = full.slice(0, full.lastIndexOf('"GET"'));
    const { events, problems, summary } = await parse('cut.har', `\uFEFF${cut}`, {}, 33);
    expect(events.map((e) => e.ts)).toEqual([Date.UTC(2026, 10, 18, 15, 1), Date.UTC(2026, 10, 18, 15, 2)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'truncated' });
    expect(summary.facts).toEqual({ harVersion: '1.2', creator: 'Firefox 146' });
  });

  it('a broken element inside a JSON array is reported by index and line; the next is read', async () => {
    const text =
      '[\n  {"eventType":"user.session.start","published":"2026-11-18T10:00:00Z","displayMessage":"x"},\n  {"eventType": oops},\n  {"eventType":"user.session.end","published":"2026-11-18T11:00:00Z"}\n]';
    const { events, problems } = await parse('okta.json', text);
    expect(events.map((e) => e.kind)).toEqual(['login', 'logout']);
    expect(events[1]!.source).toMatchObject({ index: 2, line: 4 });
    expect(problems).toMatchObject([{ code: 'malformed-json', line: 3, index: 1 }]);
  });

  it('UTF-16 exports (Windows) are converted and read', async () => {
    const text = `\uFEFF${jsonl([event('2026-11-18T10:00:00Z'), event('2026-11-18T10:00:01Z')])}\n`;
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      utf16[i * 2] = text.charCodeAt(i) & 0xff;
      utf16[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const { events, problems } = await parse('export.jsonl', utf16, {}, 101);
    expect(events).toHaveLength(2);
    expect(events[1]!.tokenHashes).toHaveLength(1);
    expect(problems.map((p) => p.code)).toEqual(['unsupported-encoding']);
  });

  it('unknown content is one problem, not a crash; --format overrides detection', async () => {
    const unknown = await parse('notes.txt', 'Dear diary,\ntoday nothing happened.\n');
    expect(unknown.summary).toMatchObject({ format: null, formatChosenBy: 'none', events: 0 });
    expect(unknown.problems.map((p) => p.code)).toEqual(['format-unknown']);
    const forced = await parse('notes.txt', `x ${T2}\n`, { format: 'token-list' });
    expect(forced.summary.formatChosenBy).toBe('override');
    expect(forced.events).toHaveLength(1);
  });

  it('CSV with a quote left open reports where it opened', async () => {
    const { events, problems } = await parse(
      'x.csv',
      'time,user,ip\n2026-11-18T10:00:00Z,alice,1.2.3.4\n2026-11-18T10:00:01Z,"bob,1.2.3.5\n',
      { format: 'csv' },
    );
    expect(events).toHaveLength(1);
    expect(problems).toMatchObject([{ code: 'truncated', message: expect.stringMatching(/line 3/) }]);
  });
});

describe('batches, progress and cancel', () => {
  const many = jsonl(
    Array.from({ length: 5000 }, (_, i) =>
      event(new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), { jti: `j${i}` }),
    ),
  );

  it('yields batches of the requested size with progress in bytes and events', async () => {
    const { parseSource } = await import('../../../../core');
    const { memoryInput } = await import('./helpers');
    const progress: number[] = [];
    const sizes: number[] = [];
    const run = parseSource(memoryInput('many.jsonl', many, 16 * 1024), 'f'.repeat(64), {
      batchSize: 700,
      onProgress: (p) => progress.push(p.bytesRead),
    });
    let summary;
    for (;;) {
      const next = await run.next();
      if (next.done) {
        summary = next.value;
        break;
      }
      sizes.push(next.value.events.length);
      expect(next.value.progress.totalBytes).toBe(new TextEncoder().encode(many).length);
    }
    expect(sizes.every((size) => size <= 700)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(progress.at(-1)).toBe(new TextEncoder().encode(many).length);
    expect(summary.events).toBe(5000);
  });

  it('stops on cancel and reports exactly what was handed out', async () => {
    const { parseSource } = await import('../../../../core');
    const { memoryInput } = await import('./helpers');
    const signal = { aborted: false };
    const run = parseSource(memoryInput('many.jsonl', many, 8 * 1024), 'f'.repeat(64), { batchSize: 100, signal });
    let handedOut = 0;
    let summary;
    for (;;) {
      const next = await run.next();
      if (next.done) {
        summary = next.value;
        break;
      }
      handedOut += next.value.events.length;
      if (handedOut >= 1000) signal.aborted = true;
    }
    expect(summary.cancelled).toBe(true);
    expect(summary.events).toBe(handedOut);
    expect(handedOut).toBeLessThan(5000);
  });

  it('verifySha256 reports a file that changed after it was hashed', async () => {
    const { collectSource } = await import('../../../../core');
    const { memoryInput } = await import('./helpers');
    const result = await collectSource(memoryInput('t.txt', `${T1}\n`), '0'.repeat(64), { verifySha256: true });
    expect(result.problems.map((p) => p.code)).toEqual(['source-changed']);
  });
});
