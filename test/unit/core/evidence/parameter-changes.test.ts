import { describe, expect, it } from 'vitest';
import { createCustodyEntry, verifyCustodyChain, type CustodyFields } from '../../../../core/evidence/custody';
import { describeParameterChange, parameterChanges } from '../../../../core/evidence/parameter-changes';

describe('detector parameter changes', () => {
  it('lists each changed parameter with its old and new setting, in a stable order', () => {
    const before = {
      'impossible-travel': { maxSpeedKmh: 900, excludedRanges: ['203.0.113.0/24'] },
      common: { clockSkewSeconds: 120 },
    };
    const after = {
      'impossible-travel': { maxSpeedKmh: 20_000, excludedRanges: ['203.0.113.0/24'] },
      'refresh-token-reuse': { graceSeconds: 10 },
    };
    const changes = parameterChanges(before, after);
    expect(changes).toEqual([
      { detector: 'common', parameter: 'clockSkewSeconds', from: 120 },
      { detector: 'impossible-travel', parameter: 'maxSpeedKmh', from: 900, to: 20_000 },
      { detector: 'refresh-token-reuse', parameter: 'graceSeconds', to: 10 },
    ]);
    expect(changes.map(describeParameterChange)).toEqual([
      'common.clockSkewSeconds: 120 → default',
      'impossible-travel.maxSpeedKmh: 900 → 20000',
      'refresh-token-reuse.graceSeconds: default → 10',
    ]);
  });

  it('sees no change in the same settings written in another order', () => {
    expect(
      parameterChanges({ a: { x: { p: '1', q: '2' }, y: ['1'] } }, { a: { y: ['1'], x: { q: '2', p: '1' } } }),
    ).toEqual([]);
    expect(parameterChanges({ a: { y: ['1', '2'] } }, { a: { y: ['2', '1'] } })).toHaveLength(1);
  });

  it('is part of the hash-chained custody record: altering a recorded change breaks the chain there', () => {
    const base: Omit<CustodyFields, 'action'> = {
      caseId: 'c1',
      at: 1_700_000_000_000,
      investigator: 'Dana',
      source: 'b.zip',
      files: [],
      toolVersion: '0.1.0',
    };
    const created = createCustodyEntry(undefined, { ...base, action: 'case-created' });
    const changes = parameterChanges({}, { 'impossible-travel': { maxSpeedKmh: 20_000 } });
    const changed = createCustodyEntry(created, {
      ...base,
      action: 'parameters-changed',
      source: 'detector parameters',
      detail: changes.map(describeParameterChange).join('; '),
      parameterChanges: changes,
    });
    const later = createCustodyEntry(changed, { ...base, action: 'reverify' });
    expect(verifyCustodyChain([created, changed, later])).toEqual({ intact: true });
    const forged = { ...changed, parameterChanges: [{ ...changes[0]!, to: 805 }] };
    expect(verifyCustodyChain([created, forged, later])).toEqual({ intact: false, brokenAt: 1 });
    // Structured-clone (IndexedDB) and JSON round trips keep the hash.
    expect(verifyCustodyChain(JSON.parse(JSON.stringify([created, changed, later])))).toEqual({ intact: true });
  });
});
