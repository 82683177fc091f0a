import { describe, expect, it } from 'vitest';
import { parseCaseConfig } from '../../../../core/evidence/case-config';

const parsed = (extra: Record<string, unknown>) => {
  const text = JSON.stringify({ format: 'tokentrail-case-config', formatVersion: 1, ...extra }, null, 2);
  return parseCaseConfig(JSON.parse(text), text, 'case-config.json');
};

describe('case-config: requireLowS', () => {
  it('reads true and false, and leaves it out when absent', () => {
    expect(parsed({ requireLowS: true }).config?.requireLowS).toBe(true);
    expect(parsed({ requireLowS: false }).config?.requireLowS).toBe(false);
    expect(parsed({}).config).not.toHaveProperty('requireLowS');
  });

  it('refuses anything but a boolean, naming the line', () => {
    const { config, problems } = parsed({ requireLowS: 'yes' });
    expect(config).toBeUndefined();
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [4, 'case-config.json: "requireLowS" must be true or false.'],
    ]);
  });
});
