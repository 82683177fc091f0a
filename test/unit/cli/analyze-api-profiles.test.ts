import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { FLAW_CLASSES } from '../../../core/timeline';
import {
  accessLog,
  CASE_CONFIG_JSON,
  CLEAN,
  FLAWED,
  har,
  JWKS,
  KEY_ROTATION_JSON,
} from '../core/timeline/acceptance/acceptance-case';
import { useTempDirs, writeTree } from '../electron/temp-dir';

async function cli(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, { stdout: (line) => void stdout.push(line), stderr: (line) => void stderr.push(line) });
  return { code, stdout, stderr };
}

interface JsonRecord {
  record?: string;
  id?: string;
  key?: string;
  detail?: Record<string, unknown>;
  flaws?: {
    flaw: string;
    verdict: string;
    accepted: { count: number };
    refused: { count: number; statuses: number[] };
  }[];
}

describe('tokentrail analyze: bad-token-accepted and api-profile records', () => {
  const tempDir = useTempDirs();
  let records: JsonRecord[];
  let human: string;
  beforeAll(async () => {
    const folder = path.join(await tempDir(), 'case');
    // The HAR holds the accepted forgeries; the gateway's access log the refusals of the same tokens, and a
    // billing API outside the configuration that accepted an unsigned token.
    await writeTree(folder, {
      'case-config.json': CASE_CONFIG_JSON,
      'keys/jwks.json': JWKS,
      'keys/key-rotation.json': KEY_ROTATION_JSON,
      'har/capture.har': har([
        ...FLAW_CLASSES.map((flaw, index) => ({ token: FLAWED[flaw], status: 200, minute: 1 + index })),
        { token: CLEAN, status: 200, minute: 20 },
      ]),
      'logs/gateway-access.log': accessLog([
        ...FLAW_CLASSES.map((flaw, index) => ({ token: FLAWED[flaw], status: 401, minute: 30 + index })),
        { token: FLAWED.unsigned, status: 200, minute: 45, carrier: 'query' as const, path: '/billing/v1/cards' },
      ]),
    });
    const json = await cli('analyze', folder, '--json', '--no-geo');
    expect(json.code, json.stderr.join('\n')).toBe(0);
    records = json.stdout.map((line) => JSON.parse(line) as JsonRecord);
    human = (await cli('analyze', folder, '--no-geo')).stdout.join('\n');
  }, 120_000);

  it('reports every flaw class accepted by the orders API, and the unsigned token at the unconfigured billing API', () => {
    const accepted = records.filter((record) => record.id === 'bad-token-accepted');
    const orders = accepted.filter((record) => record.detail!.api === 'api:orders');
    expect(orders.map((record) => record.detail!.flaw).sort()).toEqual([...FLAW_CLASSES].sort());
    for (const record of orders) expect(record.detail).toMatchObject({ accepted: 1, refused: 1 });
    expect(accepted.filter((record) => record.detail!.api !== 'api:orders').map((record) => record.detail)).toEqual([
      expect.objectContaining({ api: 'host:/billing/v1', flaw: 'unsigned', accepted: 1, refused: 0 }),
    ]);
  });

  it('prints one api-profile record per API after every finding, then the hash-linking record', () => {
    const first = records.findIndex((record) => record.record === 'api-profile');
    expect(records.at(-1)).toMatchObject({ record: 'hash-linking' });
    const profiles = records.slice(first, -1);
    expect(profiles.every((record) => record.record === 'api-profile')).toBe(true);
    expect(profiles.map((profile) => profile.key)).toEqual(['api:orders', 'host:/billing/v1']);
    for (const row of profiles[0]!.flaws!)
      expect(row, row.flaw).toMatchObject({
        verdict: 'accepts',
        accepted: { count: 1 },
        refused: { count: 1, statuses: [401] },
      });
    expect(profiles[1]!.flaws!.find((row) => row.flaw === 'wrong-audience')!.verdict).toBe('not-judged');
  });

  it('says what each API accepts in the text report', () => {
    expect(human).toContain(
      'API:      orders — 21 answered request(s) with a token, 11 accepted, 10 refused: ACCEPTS unsigned tokens',
    );
    expect(human).toMatch(
      /API: {6}\/billing\/v1 \(not configured\) — 1 answered request\(s\).*never tested: key-confusion/,
    );
  });
});
