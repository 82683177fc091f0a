import { describe, expect, it } from 'vitest';
import { jsonLine } from '../../../../core/export';

describe('jsonLine', () => {
  it('writes one line that parses back to the same value, hostile characters escaped', () => {
    const value = {
      text: 'a\nb\r\u0000\u001b[31mred\u007f\u0085\u009b\u2028\u2029\u202e\u2066 ünïcödé 🔑',
      lone: '\ud800',
    };
    const line = jsonLine(value);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(line).toContain('\\u202e');
    expect(JSON.parse(line)).toEqual(value);
    // Valid UTF-8 even with a lone surrogate in the input: JSON.stringify escapes it.
    expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
  });
});
