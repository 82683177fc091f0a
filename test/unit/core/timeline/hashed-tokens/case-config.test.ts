import { describe, expect, it } from 'vitest';
import { parseCaseConfig } from '../../../../../core/evidence/case-config';

const parsed = (extra: Record<string, unknown>) => {
  const text = JSON.stringify({ format: 'tokentrail-case-config', formatVersion: 1, ...extra }, null, 2);
  return parseCaseConfig(JSON.parse(text), text, 'case-config.json');
};

describe('case-config: hashed-token fields', () => {
  it('reads tokenHashFields, tokenIdFields and tokenHashForms', () => {
    const { config, problems } = parsed({
      tokenHashFields: ['x_token_fp'],
      tokenIdFields: ['request_jti'],
      tokenHashForms: ['signature'],
    });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      tokenHashFields: ['x_token_fp'],
      tokenIdFields: ['request_jti'],
      tokenHashForms: ['signature'],
    });
  });

  it('refuses a form it does not know and a field list that is not strings, naming the line', () => {
    const { config, problems } = parsed({ tokenHashFields: 'token_hash', tokenHashForms: ['token', 'at_hash'] });
    expect(config).toBeUndefined();
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [4, 'case-config.json: "tokenHashFields" must be an array of record field names.'],
      [5, 'case-config.json: "tokenHashForms" must be an array of "token" and/or "signature".'],
    ]);
  });
});
