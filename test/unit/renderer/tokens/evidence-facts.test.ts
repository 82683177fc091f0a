import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../core/token/findings';
import { charRangeText, evidenceFacts, recoveredSecret } from '../../../../renderer/tokens/evidence-facts';

describe('evidenceFacts', () => {
  it('shows a built-in list match without its internal line 0', () => {
    const facts = evidenceFacts({
      part: 'signature',
      start: 92,
      end: 135,
      detail: { secret: '"secret"', source: 'built-in list', line: 0 },
    });
    expect(facts).toContainEqual(['source', 'built-in list']);
    expect(facts.some(([name, value]) => name === 'line' || /line 0/.test(value))).toBe(false);
  });

  it('shows a wordlist match as the line of its file', () => {
    const facts = evidenceFacts({
      detail: { secret: '"orchid-lantern-7291"', source: 'small-wordlist.txt', line: 4322 },
    });
    expect(facts).toEqual([
      ['secret', '"orchid-lantern-7291"'],
      ['source', 'line 4322 of small-wordlist.txt'],
    ]);
  });

  it('shows character ranges inclusive, with their length, and an empty range as a position', () => {
    expect(evidenceFacts({ part: 'header', start: 0, end: 35 })).toContainEqual(['chars', '0–34 (35 chars)']);
    expect(charRangeText(7, 8)).toBe('7–7 (1 char)');
    expect(evidenceFacts({ part: 'signature', start: 178, end: 178 })).toContainEqual(['chars', 'empty, at 178']);
  });

  it('keeps other details as they are', () => {
    expect(evidenceFacts({ detail: { code: 'base64url-invalid', line: 3 } })).toEqual([
      ['code', 'base64url-invalid'],
      ['line', '3'],
    ]);
  });
});

describe('recoveredSecret', () => {
  const weak = (detail: Record<string, string | number>): Finding => ({
    id: 'weak-hmac-secret',
    severity: 'critical',
    message: 'm',
    evidence: { part: 'signature', detail },
  });
  it('names the guessed secret of a no-key token, and its source', () => {
    expect(recoveredSecret('no-key', [weak({ secret: '"secret"', source: 'built-in list' })])).toEqual({
      secret: '"secret"',
      source: 'built-in list',
    });
  });
  it('says nothing for a verdict with a key, or a finding without a secret (a short keyring secret)', () => {
    expect(recoveredSecret('valid', [weak({ secret: '"secret"' })])).toBeUndefined();
    expect(recoveredSecret('no-key', [weak({ bytes: 6, required: 32 })])).toBeUndefined();
  });
});
