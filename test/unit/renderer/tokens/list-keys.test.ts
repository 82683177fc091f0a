import { describe, expect, it } from 'vitest';
import { listTarget } from '../../../../renderer/tokens/list-keys';

describe('Tokens list keys', () => {
  it('arrows step, page keys jump ten rows, Home and End go to the ends, all within the list', () => {
    expect([
      listTarget('ArrowDown', 3, 50),
      listTarget('ArrowUp', 3, 50),
      listTarget('PageDown', 3, 50),
      listTarget('PageUp', 3, 50),
      listTarget('Home', 30, 50),
      listTarget('End', 3, 50),
    ]).toEqual([4, 2, 13, 0, 0, 49]);
    expect([listTarget('ArrowDown', 49, 50), listTarget('PageDown', 45, 50), listTarget('ArrowUp', 0, 50)]).toEqual([
      49, 49, 0,
    ]);
    expect(listTarget('ArrowDown', -1, 5)).toBe(0); // nothing selected yet: the first row
  });

  it('ignores other keys and an empty list', () => {
    expect(listTarget('Enter', 3, 50)).toBeUndefined();
    expect(listTarget('a', 3, 50)).toBeUndefined();
    expect(listTarget('End', -1, 0)).toBeUndefined();
  });
});
