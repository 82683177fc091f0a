import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';

const cli = async (...argv: string[]) => {
  const lines = { stdout: [] as string[], stderr: [] as string[] };
  const code = await run(argv, { stdout: (l) => void lines.stdout.push(l), stderr: (l) => void lines.stderr.push(l) });
  return { code, ...lines };
};

describe('tokentrail ingest', () => {
  it('prints one normalized JSON event per line for a whole bundle, skipping keys and config', async () => {
    const result = await cli('ingest', 'test/fixtures/bundles/sample-case.zip', '--json', '--no-geo');
    expect(result.code).toBe(0);
    const events = result.stdout.map((line) => JSON.parse(line));
    expect(events).toHaveLength(13);
    for (const event of events) {
      expect(event).toHaveProperty('ts');
      expect(event.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(Array.isArray(event.tokenHashes)).toBe(true);
    }
    const refresh = events.find((event) => event.kind === 'refresh');
    expect(refresh).toMatchObject({
      subject: 'alice@northwind.example',
      sessionId: 'S-7741',
      ip: '175.45.176.3',
      userAgent: 'NorthwindMobile/4.9.1 (Android 11)',
      source: { line: 3 },
    });
    expect(result.stderr.join('\n')).toMatch(/keys\/jwks\.json: skipped/);
    expect(result.stderr.at(-1)).toBe('Ingested 13 events from 4 files; 0 problems.');
  });

  it('geolocates offline with the shipped DB-IP database and names it', async () => {
    const result = await cli('ingest', 'test/fixtures/bundles/sample-case.zip', '--json');
    expect(result.stderr[0]).toMatch(/^geolocation: DB-IP City Lite \(IPv4\), version \d{4}-.*SHA-256 [0-9a-f]{64}/);
    const event = JSON.parse(result.stdout.find((line) => line.includes('"refresh"'))!);
    expect(event.geo).toMatchObject({ country: 'KP', source: 'database' });
  });

  it('reports malformed lines as file:line: reason and still exits 0; --format overrides detection', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tt-ingest-'));
    const file = path.join(dir, 'export (3).txt');
    writeFileSync(
      file,
      '{"ts":"2026-11-18T10:00:00Z","kind":"use","sub":"a"}\nnot json\n{"ts":"2026-11-18T10:00:01Z","kind":"logout","sub":"a"}\n',
    );
    const result = await cli('ingest', file, '--json', '--no-geo');
    expect(result.code).toBe(0);
    expect(result.stdout).toHaveLength(2);
    expect(result.stderr).toContain(`${file}:2: not a JSON value [malformed-json]`);
    expect(result.stderr.at(-1)).toBe('Ingested 2 events from 1 files; 1 problems.');
    const forced = await cli('ingest', file, '--format', 'token-list', '--no-geo');
    expect(forced.stderr.join('\n')).toMatch(/token-list \(--format\)/);
  });

  it("reads gzip-compressed logs (rotated logs) as they stream, loose or in a folder; the hash is the .gz file's", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tt-ingest-gz-'));
    const plain = readFileSync('test/fixtures/sources/okta-system-log.json');
    const gz = gzipSync(plain);
    mkdirSync(path.join(dir, 'logs'));
    writeFileSync(path.join(dir, 'logs', 'okta.json.1.gz'), gz);
    const expected = await cli('ingest', 'test/fixtures/sources/okta-system-log.json', '--json', '--no-geo');
    const loose = await cli('ingest', path.join(dir, 'logs', 'okta.json.1.gz'), '--json', '--no-geo');
    const folder = await cli('ingest', path.join(dir, 'logs'), '--json', '--no-geo');
    expect(loose.code).toBe(0);
    expect(loose.stdout.length).toBeGreaterThan(0);
    const sha = createHash('sha256').update(gz).digest('hex');
    const events = (lines: string[]) => lines.map((line) => JSON.parse(line));
    const withoutFile = (event: { source: object }) => ({
      ...event,
      source: { ...event.source, file: undefined, sha256: undefined },
    });
    for (const run of [loose, folder]) {
      expect(events(run.stdout).every((event) => event.source.sha256 === sha)).toBe(true);
      expect(events(run.stdout).map(withoutFile)).toEqual(events(expected.stdout).map(withoutFile));
    }
  });

  it('names a corrupt gzip file and exits 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tt-ingest-gz-bad-'));
    const file = path.join(dir, 'access.log.gz');
    writeFileSync(file, gzipSync(readFileSync('test/fixtures/sources/custom-nginx.log')).subarray(0, 60));
    const result = await cli('ingest', file, '--json', '--no-geo');
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toContain(`${file}: cannot be read (`);
  });

  it('exits 2 when a file cannot be read at all, 1 when no format fits, 2 on a bad option', async () => {
    expect((await cli('ingest', 'test/fixtures/does-not-exist.log', '--no-geo')).code).toBe(2);
    const dir = mkdtempSync(path.join(tmpdir(), 'tt-ingest-'));
    writeFileSync(path.join(dir, 'diary.txt'), 'Dear diary\n');
    const unknown = await cli('ingest', path.join(dir, 'diary.txt'), '--no-geo');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.join('\n')).toMatch(/no format recognises this content/);
    expect((await cli('ingest', '--format', 'nope', 'x')).code).toBe(2);
    expect((await cli('ingest')).code).toBe(2);
  });
});
