import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRecord } from '../../../../core/export';
import { readCsv } from '../../../support/read-csv';

describe('csvCell', () => {
  it('makes =HYPERLINK(…) inert: a leading apostrophe, quoted because of its comma and quotes', () => {
    const cell = csvCell('=HYPERLINK("http://x","y")');
    expect(cell).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(readCsv(`${cell}\r\n`)).toEqual([[`'=HYPERLINK("http://x","y")`]]);
  });

  it('neutralises every formula trigger: = + - @ tab, CR, NUL', () => {
    for (const trigger of ['=', '+', '-', '@', '\t', '\r', '\u0000']) {
      const [[value]] = readCsv(`${csvCell(`${trigger}cmd|' /C calc'!A0`)}\r\n`) as [[string]];
      expect(value.startsWith("'")).toBe(true);
      expect(value.slice(1)).toBe(`${trigger}cmd|' /C calc'!A0`);
    }
  });

  it('leaves text that is no formula as it is, and numbers Tokentrail produces (negative ones too) unmangled', () => {
    expect(csvCell('alice@northwind.example')).toBe('alice@northwind.example');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(1794992398000000)).toBe('1794992398000000');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(undefined)).toBe('');
    // Text from evidence that reads like a negative number is still text that starts with "-".
    expect(csvCell('-1')).toBe("'-1");
  });

  it('quotes commas, quotes and line breaks (RFC 4180 2.6, 2.7)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvRecord(['a', 1, 'b,c'])).toBe('a,1,"b,c"\r\n');
  });

  it('keeps any text readable back exactly, a formula trigger aside', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (values) => {
        const [read] = readCsv(csvRecord(values));
        expect(read).toEqual(values.map((value) => (/^[=+\-@\t\r\u0000]/.test(value) ? `'${value}` : value)));
      }),
    );
  });
});
