import { describe, expect, it } from 'vitest';
import { createCustodyEntry, verifyCustodyChain, type CustodyFields } from '../../../../core/evidence/custody';

const fields = (detail: string): CustodyFields => ({ caseId: 'c1', at: 1_700_000_000_000, investigator: 'Dana', action: 'import', source: 'b.zip', files: [{ path: 'a', size: 1, sha256: 'f'.repeat(64), verdict: 'match' }], toolVersion: '0.1.0', detail });

describe('custody chain', () => {
  const first = createCustodyEntry(undefined, fields('one'));
  const second = createCustodyEntry(first, fields('two'));
  const third = createCustodyEntry(second, fields('three'));
  it('links each entry to the one before', () => {
    expect([first.seq, second.seq, third.seq]).toEqual([0, 1, 2]);
    expect(second.prevHash).toBe(first.hash);
    expect(verifyCustodyChain([first, second, third])).toEqual({ intact: true });
  });
  it('detects an edited, removed or reordered entry and says where', () => {
    expect(verifyCustodyChain([first, { ...second, investigator: 'Mallory' }, third])).toEqual({ intact: false, brokenAt: 1 });
    expect(verifyCustodyChain([first, third])).toEqual({ intact: false, brokenAt: 2 });
    expect(verifyCustodyChain([second, first])).toEqual({ intact: false, brokenAt: 1 });
  });
});
