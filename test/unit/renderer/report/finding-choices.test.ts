import { describe, expect, it } from 'vitest';
import { chosenFindingKeys, type FindingChoice } from '../../../../renderer/report/finding-choices';

const choice = (key: string, byDefault: boolean): FindingChoice => ({
  key,
  id: `detector-${key}`,
  title: key,
  severity: byDefault ? 'high' : 'low',
  disposition: 'open',
  byDefault,
});

describe('chosenFindingKeys', () => {
  const choices = [choice('a', true), choice('b', false), choice('c', true)];

  it('stays with the default rule while the ticks are its own', () => {
    expect(chosenFindingKeys(choices, new Set(['c', 'a']))).toBeUndefined();
  });

  it("becomes the investigator's list, in the listed order, once a tick differs", () => {
    expect(chosenFindingKeys(choices, new Set(['c', 'b', 'a']))).toEqual(['a', 'b', 'c']);
    expect(chosenFindingKeys(choices, new Set(['c']))).toEqual(['c']);
  });

  it('an empty choice is a choice: a report of no findings, said to be chosen', () => {
    expect(chosenFindingKeys(choices, new Set())).toEqual([]);
  });
});
