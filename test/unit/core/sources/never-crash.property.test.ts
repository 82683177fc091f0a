import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, SOURCE_FORMAT_NAMES, type SourceFormatName } from '../../../../core';
import { JsonRecordSplitter } from '../../../../core/sources/json-record-splitter';
import { parse, T1 } from './helpers';

// Pieces that steer random input into the interesting paths of every format.
const fragments = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  '"',
  '\\',
  ',',
  ':',
  '\n',
  '\r\n',
  '\uFEFF',
  ' ',
  'null',
  '"ts":',
  '"kind":"use"',
  '"log":{"entries":[',
  '"Records":[',
  '"value":[',
  `Bearer ${T1}`,
  T1,
  '[18/Nov/2026:09:02:11 +0000]',
  '"GET / HTTP/1.1" 200 1',
  '2026-11-18T10:00:00+01:00',
  'type=LOGIN, realmId=x',
  '[org.keycloak.events] (t) ',
  ';',
  '\t',
  '"eventType":"user.session.start"',
  '"type":"s"',
  '\u00e9',
  '\uD83D\uDE00',
);
const text = fc
  .array(fc.oneof(fragments, fc.string({ maxLength: 8 })), { maxLength: 60 })
  .map((parts) => parts.join(''));
const bytes = fc.oneof(
  text.map((t) => new TextEncoder().encode(t)),
  fc.uint8Array({ maxLength: 400 }),
);

describe('no input crashes or hangs a parser (fast-check)', () => {
  it('a JSON document that ends inside a UTF-8 sequence is read with U+FFFD and says so (found by this property)', async () => {
    for (const chunk of [1, 2, 64]) {
      const { problems } = await parse('cut.har', Uint8Array.from([123, 194]), { format: 'har' }, chunk);
      expect(problems.map((problem) => problem.code)).toContain('invalid-utf8');
    }
  });

  it('every format, detected or forced, on arbitrary bytes in arbitrary chunk sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        bytes,
        fc.option(fc.constantFrom(...SOURCE_FORMAT_NAMES), { nil: undefined }),
        fc.integer({ min: 1, max: 64 }),
        async (input, format, chunk) => {
          const started = Date.now();
          const { events, problems, summary } = await parse(
            'fuzz.log',
            input,
            { format: format as SourceFormatName | undefined, batchSize: 7 },
            chunk,
          );
          expect(Date.now() - started).toBeLessThan(2000);
          expect(summary.events).toBe(events.length);
          expect(summary.problems).toBe(problems.length);
          for (const event of events) {
            expect(event.ts === null || Number.isFinite(event.ts)).toBe(true);
            expect(event.tokenHashes.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
            expect(event.source.sha256).toMatch(/^[0-9a-f]{64}$/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the line splitter gives the same lines whatever the chunking', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 1, max: 50 }), (input, size) => {
        const whole = new LineSplitter();
        const expected = [...whole.push(input), ...whole.finish()];
        const chunked = new LineSplitter();
        const actual = [];
        for (let at = 0; at < input.length; at += size) actual.push(...chunked.push(input.slice(at, at + size)));
        actual.push(...chunked.finish());
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('the JSON splitter cuts out exactly the records JSON.parse sees in a valid document, whatever the chunking', () => {
    const record = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 8 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (records, wrapped, size) => {
          const document = wrapped
            ? JSON.stringify({ meta: { x: 1 }, Records: records }, null, 1)
            : JSON.stringify(records, null, 2);
          const splitter = new JsonRecordSplitter([['Records']]);
          const pieces = [];
          for (let at = 0; at < document.length; at += size)
            pieces.push(...splitter.push(document.slice(at, at + size)));
          pieces.push(...splitter.finish());
          // Compared as JSON text: the generator makes -0, which JSON turns into 0.
          const found = pieces
            .filter((piece) => piece.type === 'record')
            .map((piece) => JSON.parse((piece as { text: string }).text));
          expect(JSON.stringify(found)).toBe(JSON.stringify(records));
          expect(pieces.filter((piece) => piece.type === 'problem')).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
