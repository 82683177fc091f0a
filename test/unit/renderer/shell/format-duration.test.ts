import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../../renderer/shell/format';

describe('formatDuration', () => {
  it('rounds a time left up, as a person would say it', () => {
    expect(formatDuration(0)).toBe('1 s');
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(40.1)).toBe('41 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(250)).toBe('5 min');
    expect(formatDuration(3_600)).toBe('1 h 0 min');
    expect(formatDuration(4_900)).toBe('1 h 22 min');
  });
});
