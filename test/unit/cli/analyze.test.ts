import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { useTempDirs, writeTree } from '../electron/temp-dir';

const SAMPLE = 'test/fixtures/bundles/sample-case.zip';

async function cli(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, { stdout: (line) => void stdout.push(line), stderr: (line) => void stderr.push(line) });
  return { code, stdout, stderr };
}

interface JsonFinding {
  id: string;
  severity: string;
  message: string;
  tokenHashes: string[];
  events: {
    source: { sha256: string; line?: number; index?: number; file: string };
    ts: number | null;
    role: string;
  }[];
  detail: Record<string, unknown>;
}

interface JsonProfile {
  key: string;
  name: string;
  flaws: { flaw: string; verdict: string; accepted: { count: number; statuses: number[] } }[];
}

describe('tokentrail analyze on the shipped sample bundle', () => {
  let findings: JsonFinding[];
  let profiles: JsonProfile[];
  let exit: number;
  beforeAll(async () => {
    const result = await cli('analyze', SAMPLE, '--json');
    exit = result.code;
    const records = result.stdout.map((line) => JSON.parse(line) as JsonFinding & { record?: string });
    findings = records.filter((record) => record.record === undefined);
    profiles = records.filter((record) => record.record === 'api-profile') as unknown as JsonProfile[];
  }, 60_000);

  const only = (id: string) => findings.filter((finding) => finding.id === id);

  it('prints one JSON object per finding, each with the events that prove it', () => {
    expect(exit).toBe(0);
    expect(findings.length).toBeGreaterThan(5);
    for (const finding of findings) {
      expect(finding).toMatchObject({
        id: expect.any(String),
        severity: expect.any(String),
        message: expect.any(String),
        tokenHashes: expect.any(Array),
      });
      for (const item of finding.events) {
        expect(item.source.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(item.source.line ?? item.source.index).toBeTypeOf('number');
      }
    }
  });

  it('finds the unsigned token the Orders API answered 200, and prints the API profile after the findings', () => {
    const accepted = only('bad-token-accepted');
    expect(accepted.map((finding) => [finding.detail.api, finding.detail.flaw, finding.detail.firstStatus])).toEqual([
      ['api:Orders API', 'unsigned', 200],
      ['api:Orders API', 'unknown-key', 200],
    ]);
    expect(accepted[0]!.events).toMatchObject([{ role: 'accepted', source: { file: 'har/support-laptop.har' } }]);
    expect(profiles.map((profile) => profile.key)).toEqual(['api:Orders API']);
    const verdicts = Object.fromEntries(profiles[0]!.flaws.map((row) => [row.flaw, row.verdict]));
    expect(verdicts).toMatchObject({ unsigned: 'accepts', 'unknown-key': 'accepts', expired: 'never-tested' });
  });

  it('finds the refresh from app 4.9.1, below the minimum 5.0.0', () => {
    const [finding] = only('outdated-client');
    expect(finding).toMatchObject({
      detail: { appVersion: '4.9.1', minimumVersion: '5.0.0' },
      events: [{ source: { file: 'logs/auth-server.jsonl', line: 3 } }],
    });
  });

  it('finds the hop from 81.2.69.160 (GB) to 175.45.176.3 (KP) within an hour', () => {
    const [finding] = only('impossible-travel');
    expect(finding).toMatchObject({
      detail: { fromIp: '81.2.69.160', toIp: '175.45.176.3', fromCountry: 'GB', toCountry: 'KP' },
    });
    expect(finding!.events.map((item) => item.source.file)).toEqual([
      'logs/orders-api-access.log',
      'logs/auth-server.jsonl',
    ]);
  });

  it('finds the token signed by the retired key nw-2026-05, next to its key-rotation record', async () => {
    const [finding] = only('retired-key-signature');
    expect(finding).toMatchObject({
      severity: 'high',
      detail: { kid: 'nw-2026-05', keyState: 'retired' },
      events: [{ role: 'issue', source: { file: 'logs/auth-server.jsonl', line: 2 } }],
    });
    expect(only('key-outside-validity')).toHaveLength(1);
  });

  it('finds the alg-none token used against /orders/v2/refunds: unsigned, never issued', () => {
    const [neverIssued] = only('token-never-issued').filter((finding) =>
      finding.message.includes('/orders/v2/refunds'),
    );
    expect(neverIssued).toMatchObject({
      severity: 'critical',
      events: [{ source: { file: 'har/support-laptop.har' } }],
    });
    const [algNone] = only('alg-none');
    expect(algNone!.tokenHashes).toEqual(neverIssued!.tokenHashes);
  });

  it('finds the HS256 token signed with "secret"', () => {
    const [weak] = only('weak-hmac-secret');
    expect(weak!.message).toMatch(/"secret"/);
    expect(only('token-never-issued').some((finding) => finding.tokenHashes[0] === weak!.tokenHashes[0])).toBe(true);
  });

  it('exits 1 with --fail-on when a finding at or above that severity exists', async () => {
    expect((await cli('analyze', SAMPLE, '--json', '--fail-on', 'high', '--no-geo')).code).toBe(1);
    expect(findings.some((finding) => finding.severity === 'critical')).toBe(true);
    expect((await cli('analyze', SAMPLE, '--json', '--fail-on', 'critical', '--no-geo')).code).toBe(1);
  }, 60_000);

  it('prints a readable report, and refuses bad arguments and unreadable evidence', async () => {
    const human = await cli('analyze', SAMPLE, '--no-geo');
    expect(human.code).toBe(0);
    expect(human.stdout.join('\n')).toMatch(
      /\[CRITICAL\] token-never-issued[\s\S]*har\/support-laptop\.har:\d+  sha256:/,
    );
    expect(human.stdout.join('\n')).toMatch(/Findings: \d+ \(\d+ critical/);
    expect((await cli('analyze', SAMPLE, '--fail-on', 'severe')).code).toBe(2);
    expect((await cli('analyze')).code).toBe(2);
    const missing = await cli('analyze', 'test/fixtures/bundles/no-such.zip');
    expect(missing.code).toBe(2);
    expect(missing.stderr.join('\n')).toMatch(/no-such\.zip/);
    expect((await cli('--help')).stdout.join('\n')).toMatch(/tokentrail analyze/);
  }, 60_000);
});

describe('tokentrail analyze: the case material of several bundles', () => {
  const tempDir = useTempDirs();
  const config = (fields: Record<string, unknown>) =>
    JSON.stringify({ format: 'tokentrail-case-config', formatVersion: 1, ...fields }, null, 2);

  it("uses the last bundle's case configuration, reports the other, and names the line and column of invalid JSON", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      'older.json': config({ detectors: { replay: { nope: 1 } } }),
      'newer.json': config({ minimumAppVersion: '5.0.0', detectors: { 'no-such': {} } }),
      'broken.json': '{\n  "format": "tokentrail-case-config",\n  oops\n}\n',
    });
    const result = await cli(
      'analyze',
      ...['older.json', 'newer.json', 'broken.json'].map((name) => path.join(dir, name)),
      '--no-geo',
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'older.json:1: this case configuration is not used: newer.json, imported later, is. Only the most recently imported case configuration applies; copy into it what still holds. [case-config-ignored]',
    );
    expect(
      result.stderr.some((line) =>
        /^broken\.json:3: not valid JSON \(.+\); it was not used\. \[json-invalid\]$/.test(line),
      ),
    ).toBe(true);
    // Only the winner's detectors are checked, each problem at its line.
    expect(result.stderr.some((line) => line.startsWith('newer.json:6: "no-such" is not a detector id'))).toBe(true);
    expect(result.stderr.join('\n')).not.toMatch(/"replay" has no parameter/);
    // The winner's minimum app version is in force: the outdated-client detector ran.
    expect(result.stdout.join('\n')).not.toMatch(/outdated-client \(no minimum app version/);
  }, 60_000);

  it('says each problem of a case configuration once per file that has it', async () => {
    const dir = await tempDir();
    const invalid = config({ minimumAppVersion: 3 });
    await writeTree(dir, { 'one/case-config.json': invalid, 'two/case-config.json': invalid });
    const single = await cli('analyze', path.join(dir, 'one/case-config.json'), '--no-geo');
    const versionProblem = (lines: string[]) => lines.filter((line) => line.includes('"minimumAppVersion" must be'));
    expect(versionProblem(single.stderr)).toHaveLength(1);
    // The same flaw in two imports is two problems, one for each file.
    const both = await cli(
      'analyze',
      path.join(dir, 'one/case-config.json'),
      path.join(dir, 'two/case-config.json'),
      '--no-geo',
    );
    expect(versionProblem(both.stderr)).toHaveLength(2);
  }, 60_000);
});

describe('tokentrail analyze: a log file of more events than a call can take as arguments', () => {
  const tempDir = useTempDirs();

  it('reads all 150,000 events of one file (a spread push threw "Maximum call stack size exceeded" here)', async () => {
    const dir = await tempDir();
    const start = Date.UTC(2026, 10, 10);
    const lines: string[] = [];
    for (let i = 0; i < 150_000; i++)
      lines.push(
        JSON.stringify({
          ts: new Date(start + i * 1000).toISOString(),
          kind: 'use',
          sub: `user${i % 997}@example.com`,
          ip: `203.0.113.${i % 250}`,
        }),
      );
    await writeTree(dir, { 'logs/api.jsonl': `${lines.join('\n')}\n` });
    const result = await cli('analyze', dir, '--no-geo');
    expect(result.stderr.join('\n')).not.toMatch(/stack/);
    expect(result.code).toBe(0);
    expect(result.stdout.join('\n')).toMatch(/Events: +150000 from 1 file\(s\)/);
  }, 120_000);
});
