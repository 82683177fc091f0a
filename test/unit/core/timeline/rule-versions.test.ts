import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../../../core';
import { TIMELINE_DETECTORS, ruleVersions, rulesetFingerprint } from '../../../../core/timeline';
import { TOKEN_CHECKS } from '../../../../core/token';

describe('rule versions', () => {
  it('lists every check and detector once with the tool version and a definition digest', () => {
    const rules = ruleVersions();
    expect(rules).toHaveLength(TOKEN_CHECKS.length + TIMELINE_DETECTORS.length);
    expect(new Set(rules.map((rule) => `${rule.kind}:${rule.id}`)).size).toBe(rules.length);
    for (const rule of rules)
      expect(rule.version).toMatch(new RegExp(`^${TOOL_VERSION.replaceAll('.', '\\.')}\\+[0-9a-f]{12}$`));
  });

  it('changes the fingerprint when one rule definition changes', () => {
    const rules = ruleVersions();
    const changed = rules.map((rule, index) => (index === 3 ? { ...rule, version: `${rule.version}x` } : rule));
    expect(rulesetFingerprint(rules)).toMatch(/^[0-9a-f]{64}$/);
    expect(rulesetFingerprint(changed)).not.toBe(rulesetFingerprint(rules));
    expect(rulesetFingerprint()).toBe(rulesetFingerprint(rules));
  });
});
