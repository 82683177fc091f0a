import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeText } from '../../../../renderer/shell/format';

describe('safeText', () => {
  it('shows a right-to-left override in a file name as an escape, so the name reads as stored', () => {
    expect(safeText('a\u202Etxt.exe')).toBe('a\\u202Etxt.exe');
  });
  it('escapes C0 and C1 controls, DEL, line separators, isolates and marks', () => {
    expect(safeText('a\u0000b\u001Bc\u007Fd\u0085e\u009Bf')).toBe('a\\u0000b\\u001Bc\\u007Fd\\u0085e\\u009Bf');
    expect(safeText('l\u2028p\u2029n\nt\t')).toBe('l\\u2028p\\u2029n\\u000At\\u0009');
    expect(safeText('\u2066\u2067\u2068\u2069\u202A\u202B\u202C\u202D\u200E\u200F\u061C')).toBe(
      '\\u2066\\u2067\\u2068\\u2069\\u202A\\u202B\\u202C\\u202D\\u200E\\u200F\\u061C',
    );
  });
  it('keeps ordinary text, including right-to-left letters and emoji, unchanged', () => {
    for (const text of ['logs/app.log', 'שלום.txt', 'مرحبا', 'Ünïcode 🙂 name', '']) expect(safeText(text)).toBe(text);
  });
  it('never leaves a control or bidi character in its output', () => {
    const hostile = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => !hostile.test(safeText(text))));
  });
});
