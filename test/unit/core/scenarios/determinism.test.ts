import { describe, expect, it } from 'vitest';
import { nodeRs256Signer } from '../../../../cli/node-crypto-signer';
import { generateScenario, SCENARIOS, type GeneratedScenario } from '../../../../core/scenarios';

// node:crypto signs the same bytes as core's pure signer (test/unit/cli/node-crypto-signer.test.ts), faster.
const signer = nodeRs256Signer;

const decoder = new TextDecoder();
const asText = (generated: GeneratedScenario) =>
  Object.fromEntries(generated.files.map((file) => [file.path, decoder.decode(file.bytes)]));

describe.each(SCENARIOS.map((scenario) => [scenario.id, scenario] as const))('scenario %s', (_id, scenario) => {
  it('gives byte-identical files and answer key for the same seed, and different ones for another seed', () => {
    const first = generateScenario(scenario, { seed: 42, events: 120, signer });
    const again = generateScenario(scenario, { seed: 42, events: 120, signer });
    const other = generateScenario(scenario, { seed: 43, events: 120, signer });
    expect(again.files.map((file) => file.path)).toEqual(first.files.map((file) => file.path));
    for (const [index, file] of first.files.entries())
      expect(Buffer.from(again.files[index]!.bytes).equals(Buffer.from(file.bytes)), file.path).toBe(true);
    expect(JSON.stringify(again.answerKey)).toBe(JSON.stringify(first.answerKey));
    const logs = (generated: GeneratedScenario) => asText(generated)['logs/token-service.jsonl'];
    expect(logs(other)).not.toBe(logs(first));
    expect(JSON.stringify(other.answerKey)).not.toBe(JSON.stringify(first.answerKey));
  });
});

describe('generation parameters', () => {
  const scenario = SCENARIOS.find((item) => item.id === 'impossible-travel')!;

  it('scales with the number of events asked for', () => {
    const small = generateScenario(scenario, { events: 100, signer });
    const large = generateScenario(scenario, { events: 1000, signer });
    expect(small.eventCount).toBeGreaterThanOrEqual(100);
    expect(small.eventCount).toBeLessThan(200);
    expect(large.eventCount).toBeGreaterThanOrEqual(1000);
    expect(large.eventCount).toBeLessThan(1100);
  });

  it('writes the formats asked for, the token service log always', () => {
    const paths = (formats: Parameters<typeof generateScenario>[1]) =>
      generateScenario(scenario, { ...formats, signer }).files.map((file) => file.path);
    expect(paths({ events: 50, formats: ['access-log'] })).toEqual([
      'manifest.json',
      'logs/token-service.jsonl',
      'logs/api-gateway-access.log',
      'keys/jwks.json',
      'keys/key-rotation.json',
      'case-config.json',
    ]);
    expect(paths({ events: 50, formats: ['jsonl', 'okta', 'entra', 'auth0', 'keycloak', 'har'] })).toEqual(
      expect.arrayContaining([
        'logs/okta-system-log.json',
        'logs/entra-sign-ins.json',
        'logs/auth0-tenant-logs.jsonl',
        'logs/keycloak-events.json',
        'har/captured-device.har',
      ]),
    );
  });
});
