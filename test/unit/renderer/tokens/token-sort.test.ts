import { describe, expect, it } from 'vitest';
import type { TokenRecord } from '../../../../renderer/db/records';
import { offeredSort, sortTokenRows, tokenSorts, type TokenRow } from '../../../../renderer/tokens/token-filter';

const row = (
  name: string,
  firstSeen: TokenRecord['firstSeen'],
  sightingCount: number,
  highestSeverity?: 'critical' | 'high' | 'low',
  findingCount = highestSeverity ? 1 : 0,
): TokenRow =>
  ({
    token: { tokenHash: name, caseId: 'c', firstImportId: 'i', sightingCount, firstSeen } as unknown as TokenRecord,
    analysis: { highestSeverity, findingCount } as unknown as TokenRow['analysis'],
  }) as TokenRow;

// As caseTokens gives them: by iat.
const rows = [
  row('a', { path: 'logs/b.log', line: 3 }, 1, 'low'),
  row('b', { path: 'logs/a.log', line: 12 }, 4),
  row('c', undefined, 2, 'critical'),
  row('d', { path: 'logs/a.log', line: 2 }, 4, 'high', 3),
];
const order = (sorted: TokenRow[]) => sorted.map((item) => item.token.tokenHash).join('');

describe('sortTokenRows', () => {
  it('keeps the issued order, and sorts by file then line with unknown places last', () => {
    expect(order(sortTokenRows(rows, 'issued'))).toBe('abcd');
    expect(order(sortTokenRows(rows, 'file'))).toBe('dbac');
  });

  it('sorts by worst finding then count, and by sightings, ties in issued order', () => {
    expect(order(sortTokenRows(rows, 'severity'))).toBe('cdab');
    expect(order(sortTokenRows(rows, 'seen'))).toBe('bdca');
  });

  it('does not reorder its input', () => {
    sortTokenRows(rows, 'file');
    expect(order(rows)).toBe('abcd');
  });
});

describe('the orders offered', () => {
  it('offers no "worst finding" order while an exercise hides the checks, and falls back to iat from it', () => {
    expect(tokenSorts(false).map((option) => option.sort)).toEqual(['issued', 'file', 'severity', 'seen']);
    expect(tokenSorts(true).map((option) => option.sort)).toEqual(['issued', 'file', 'seen']);
    expect(offeredSort('severity', true)).toBe('issued');
    expect(offeredSort('severity', false)).toBe('severity');
    expect(offeredSort('seen', true)).toBe('seen');
  });
});
