// The index fields computed from a row's own data (renderer/db/derived-keys.ts): given to rows that lack them (an
// archive from before schema v11), recomputed over what a row claims (an archive is not trusted for them), and
// nothing added to other tables' rows.
import { describe, expect, it } from 'vitest';
import { withDerivedKeys } from '../../../../renderer/db/derived-keys';

describe('withDerivedKeys', () => {
  it('gives a block the bins of its own times, whatever it said', () => {
    const block = { caseId: 'c', block: 3, start: 60_000, end: 61_000, texts: ['{}'] };
    expect(withDerivedKeys('eventBlocks', block)).toEqual({ ...block, bins: [['c', 0, 1, 60_000, 61_000, 3]] });
    expect(withDerivedKeys('eventBlocks', { ...block, bins: [['c', 0, 99, 0, 0, 3]] })).toEqual({
      ...block,
      bins: [['c', 0, 1, 60_000, 61_000, 3]],
    });
  });

  it("gives a posting row the span of its entries' times", () => {
    const row = { caseId: 'c', facet: 'ip', ts: Float64Array.from([5, -2, 9, 9]), start: 0, end: 0 };
    expect(withDerivedKeys('eventPostings', row)).toMatchObject({ start: -2, end: 9 });
  });

  it('leaves the rows of other tables as they are', () => {
    const row = { caseId: 'c', start: 1 };
    expect(withDerivedKeys('eventText', row)).toBe(row);
  });
});
