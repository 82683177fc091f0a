import { describe, expect, it } from 'vitest';
import {
  CHAIN_START,
  checkCustodyChain,
  createCustodyEntry,
  custodyAnchorOf,
  headMatchesAnchor,
  verifyCustodyChain,
  type CustodyFields,
} from '../../../../core/evidence/custody';
import type { CustodyEntry } from '../../../../core/evidence/types';

const fields = (detail: string): CustodyFields => ({
  caseId: 'c1',
  at: 1_700_000_000_000,
  investigator: 'Dana',
  action: 'import',
  source: 'b.zip',
  files: [{ path: 'a', size: 1, sha256: 'f'.repeat(64), verdict: 'match' }],
  toolVersion: '0.1.0',
  detail,
});

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
    expect(verifyCustodyChain([first, { ...second, investigator: 'Mallory' }, third])).toEqual({
      intact: false,
      brokenAt: 1,
    });
    expect(verifyCustodyChain([first, third])).toEqual({ intact: false, brokenAt: 2 });
    expect(verifyCustodyChain([second, first])).toEqual({ intact: false, brokenAt: 1 });
  });
});

describe('custody chain against its anchor', () => {
  const chain = [fields('one'), fields('two'), fields('three'), fields('four'), fields('five')].reduce<CustodyEntry[]>(
    (entries, next) => [...entries, createCustodyEntry(entries.at(-1), next)],
    [],
  );
  const anchor = custodyAnchorOf(chain.at(-1));
  const [, , , fourth, fifth] = chain as [CustodyEntry, CustodyEntry, CustodyEntry, CustodyEntry, CustodyEntry];
  it('anchors the length and the hash of the last entry', () => {
    expect(anchor).toEqual({ length: 5, headHash: fifth.hash, anchoredBy: 'append' });
    expect(custodyAnchorOf(undefined)).toEqual({ length: 0, headHash: CHAIN_START, anchoredBy: 'append' });
    expect(checkCustodyChain(chain, anchor)).toEqual({ intact: true, present: 5, anchor });
  });
  it('detects the last entries deleted, though what is left still links up', () => {
    const truncated = chain.slice(0, 2);
    expect(verifyCustodyChain(truncated)).toEqual({ intact: true });
    expect(checkCustodyChain(truncated, anchor)).toEqual({ intact: false, present: 2, anchor, problem: 'length' });
    expect(checkCustodyChain([], anchor)).toMatchObject({ intact: false, present: 0, problem: 'length' });
  });
  it('detects a last entry rewritten and re-hashed so that it still links', () => {
    const { hash: _hash, seq: _seq, prevHash: _prevHash, ...original } = fifth;
    const forged = createCustodyEntry(fourth, { ...original, verdict: 'intact', detail: 'nothing to see' });
    expect(verifyCustodyChain([...chain.slice(0, 4), forged])).toEqual({ intact: true });
    expect(checkCustodyChain([...chain.slice(0, 4), forged], anchor)).toEqual({
      intact: false,
      present: 5,
      anchor,
      problem: 'head',
      brokenAt: 4,
    });
  });
  it('detects an entry removed from the middle, and an edited one, where they are', () => {
    expect(checkCustodyChain([...chain.slice(0, 2), ...chain.slice(3)], anchor)).toEqual({
      intact: false,
      present: 4,
      anchor,
      problem: 'altered',
      brokenAt: 3,
    });
    const edited = chain.map((entry, index) => (index === 1 ? { ...entry, investigator: 'Mallory' } : entry));
    expect(checkCustodyChain(edited, anchor)).toMatchObject({ intact: false, problem: 'altered', brokenAt: 1 });
  });
  it('detects entries appended behind the anchor, and a chain whose anchor was removed', () => {
    const extra = createCustodyEntry(fifth, fields('six'));
    expect(checkCustodyChain([...chain, extra], anchor)).toMatchObject({
      intact: false,
      present: 6,
      problem: 'length',
    });
    expect(checkCustodyChain(chain, undefined)).toEqual({ intact: false, present: 5, problem: 'unanchored' });
    expect(checkCustodyChain([], undefined)).toEqual({ intact: true, present: 0 });
  });
  it('tells whether the current head is the anchored one, before an append could move the anchor', () => {
    expect(headMatchesAnchor(fifth, anchor)).toBe(true);
    expect(headMatchesAnchor(fourth, anchor)).toBe(false);
    expect(headMatchesAnchor(undefined, undefined)).toBe(true);
    expect(headMatchesAnchor(fifth, undefined)).toBe(false);
    expect(headMatchesAnchor(undefined, anchor)).toBe(false);
  });
  it('accepts a chain anchored as found when the store was upgraded', () => {
    const upgraded = custodyAnchorOf(chain.at(-1), 'upgrade');
    expect(checkCustodyChain(chain, upgraded)).toEqual({ intact: true, present: 5, anchor: upgraded });
  });
});
