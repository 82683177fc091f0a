import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { sha256HexOfText } from '../../../core';
import { buildCliInto } from '../../support/build-cli';
import { readCsv } from '../../support/read-csv';

const SAMPLE = 'test/fixtures/bundles/sample-case.zip';

async function cli(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, { stdout: (line) => void stdout.push(line), stderr: (line) => void stderr.push(line) });
  return { code, stdout, stderr };
}

interface TimesketchLine {
  message: string;
  datetime: string;
  timestamp: number;
  timestamp_desc: string;
  event_kind: string;
  subject?: string;
  token_subject?: string;
  ip?: string;
  token_hashes: string[];
  source_sha256: string;
  source_line?: number;
  event_id: string;
}

const parse = (lines: string[]) => lines.map((line) => JSON.parse(line) as TimesketchLine);

describe('tokentrail export on the shipped sample bundle', () => {
  let all: TimesketchLine[];
  beforeAll(async () => {
    const result = await cli('export', SAMPLE, '--format', 'timesketch', '--no-geo');
    expect(result.code).toBe(0);
    all = parse(result.stdout);
  }, 60_000);

  it('writes Timesketch JSONL: every line with message, ISO datetime, µs timestamp, timestamp_desc, in time order', () => {
    expect(all.length).toBeGreaterThan(5);
    for (const line of all) {
      expect(line.message).toBeTypeOf('string');
      expect(line.datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(line.timestamp).toBe(Date.parse(line.datetime) * 1000);
      expect(line.timestamp_desc).toBeTypeOf('string');
      expect(line.event_id).toBe(`${line.source_sha256}:${line.source_line}`);
    }
    const times = all.map((line) => line.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('filters as the app does: --subject, --kind, --from/--to inclusive, --token by hash or compact token, --text', async () => {
    const alice = parse(
      (await cli('export', SAMPLE, '--format', 'timesketch', '--no-geo', '--subject', 'alice@northwind.example'))
        .stdout,
    );
    expect(alice.length).toBeGreaterThan(0);
    expect(alice.length).toBeLessThan(all.length);
    // The record's subject, or — for a record that names none — its token's sub claim, as the app's filter reads it.
    expect(alice.every((line) => (line.subject ?? line.token_subject) === 'alice@northwind.example')).toBe(true);
    expect(alice.some((line) => line.subject === undefined && line.token_subject !== undefined)).toBe(true);

    const refreshes = parse(
      (await cli('export', SAMPLE, '--format', 'timesketch', '--no-geo', '--kind', 'refresh')).stdout,
    );
    expect(refreshes.map((line) => line.event_kind)).toEqual(
      all.filter((line) => line.event_kind === 'refresh').map(() => 'refresh'),
    );

    const [first, second] = all;
    const window = parse(
      (
        await cli(
          'export',
          SAMPLE,
          '--format',
          'timesketch',
          '--no-geo',
          '--from',
          first!.datetime,
          '--to',
          second!.datetime,
        )
      ).stdout,
    );
    expect(window.map((line) => line.event_id)).toEqual(
      all
        .filter((line) => line.timestamp >= first!.timestamp && line.timestamp <= second!.timestamp)
        .map((line) => line.event_id),
    );

    const hash = all.find((line) => line.token_hashes.length > 0)!.token_hashes[0]!;
    const byHash = parse((await cli('export', SAMPLE, '--format', 'timesketch', '--no-geo', '--token', hash)).stdout);
    expect(byHash.length).toBeGreaterThan(0);
    expect(byHash.every((line) => line.token_hashes.includes(hash))).toBe(true);
    // The compact token itself is hashed: the same events.
    const ingested = (await cli('ingest', SAMPLE, '--json', '--no-geo')).stdout.map(
      (line) => JSON.parse(line) as { tokens: { hash: string; compact: string }[] },
    );
    const compact = ingested.flatMap((event) => event.tokens).find((token) => token.hash === hash)!.compact;
    const byCompact = parse(
      (await cli('export', SAMPLE, '--format', 'timesketch', '--no-geo', '--token', compact)).stdout,
    );
    expect(byCompact).toEqual(byHash);

    const byText = parse(
      (await cli('export', SAMPLE, '--format', 'timesketch', '--no-geo', '--text', 'PYTHON-REQUESTS')).stdout,
    );
    expect(byText.length).toBeGreaterThan(0);
    expect(byText.length).toBeLessThan(all.length);
  }, 120_000);

  it('writes findings-jsonl exactly as analyze --json prints them, and keeps only findings the filter reaches', async () => {
    const analyze = await cli('analyze', SAMPLE, '--json', '--no-geo');
    const exported = await cli('export', SAMPLE, '--format', 'findings-jsonl', '--no-geo');
    expect(exported.code).toBe(0);
    // analyze --json prints the api-profile records and the hash-linking record after the findings; the findings
    // export holds the findings.
    const findingLines = analyze.stdout.filter((line) => !line.startsWith('{"record":'));
    expect(exported.stdout).toEqual(findingLines);
    expect(analyze.stdout.at(-2)).toMatch(/^\{"record":"api-profile"/);
    expect(JSON.parse(analyze.stdout.at(-1)!)).toEqual({ record: 'hash-linking', linked: 0, ambiguous: 0 });

    type Finding = { key: string; events: { source: { sha256: string; line?: number; index?: number } }[] };
    const idOf = ({ source }: Finding['events'][number]) =>
      source.line !== undefined ? `${source.sha256}:${source.line}` : `${source.sha256}#${source.index}`;
    const bob = ['--subject', 'bob@northwind.example'];
    const filtered = await cli('export', SAMPLE, '--format', 'findings-jsonl', '--no-geo', ...bob);
    const kept = filtered.stdout.map((line) => JSON.parse(line) as Finding);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(findingLines.length);
    const [header, ...records] = readCsv(
      (await cli('export', SAMPLE, '--format', 'csv', '--no-geo', ...bob)).stdout.map((line) => `${line}\r\n`).join(''),
    );
    const bobEvents = new Set(records.map((record) => record[header!.indexOf('event_id')]));
    const keptKeys = new Set(kept.map((finding) => finding.key));
    for (const finding of findingLines.map((line) => JSON.parse(line) as Finding))
      expect(
        finding.events.some((event) => bobEvents.has(idOf(event))),
        finding.key,
      ).toBe(keptKeys.has(finding.key));
  }, 120_000);

  it('exits 1 when the filter keeps nothing, and writes only the header', async () => {
    const result = await cli('export', SAMPLE, '--format', 'csv', '--no-geo', '--subject', 'nobody');
    expect(result.code).toBe(1);
    expect(result.stdout).toHaveLength(1);
    expect(result.stdout[0]).toMatch(/^message,datetime,timestamp,timestamp_desc,/);
  }, 60_000);

  it('refuses a bad command line with exit 2 and the reason', async () => {
    for (const [argv, reason] of [
      [['--format', 'xml'], /--format needs a format: timesketch, opensearch, csv/],
      [[], /--format needs/],
      [['--format', 'csv', '--index', 'x'], /--index applies to --format opensearch only/],
      [['--format', 'opensearch', '--index', 'Bad Name'], /--index: an index name must be lower case/],
      [['--format', 'csv', '--from', 'yesterday'], /--from needs an ISO 8601 time/],
      [['--format', 'csv', '--kind', 'teleport'], /--kind needs an event kind/],
      [['--format', 'csv', '--out', SAMPLE], /evidence is never overwritten/],
    ] as const) {
      const result = await cli('export', SAMPLE, ...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.join('\n')).toMatch(reason);
    }
    const missing = await cli('export', 'no/such/bundle.zip', '--format', 'csv');
    expect(missing.code).toBe(2);
    expect(missing.stderr.join('\n')).toMatch(/no\/such\/bundle\.zip/);
  });
});

describe('tokentrail export of hostile evidence', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tt-export-'));
  const hostile = '=HYPERLINK("http://x","y")';
  const log = path.join(dir, 'auth.jsonl');
  writeFileSync(
    log,
    [
      {
        ts: '2026-05-01T10:00:00Z',
        kind: 'login',
        sub: hostile,
        ip: '81.2.69.160',
        userAgent: 'Agent, "quoted"\nsecond line',
      },
      { ts: '2026-05-01T10:05:00Z', kind: 'logout', sub: '-2+3', ip: '81.2.69.161', userAgent: '\u202eevil\u001b[2J' },
    ]
      .map((record) => JSON.stringify(record))
      .join('\n'),
  );

  it('--out writes an RFC 4180 CSV file where =HYPERLINK(…) is inert, and no partial file is left', async () => {
    const out = path.join(dir, 'timeline.csv');
    const result = await cli('export', log, '--format', 'csv', '--no-geo', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr.join('\n')).toMatch(/Exported 2 event\(s\) to/);
    const [header, first, second] = readCsv(readFileSync(out, 'utf8'));
    const cell = (record: string[] | undefined, name: string) => record![header!.indexOf(name)];
    expect(cell(first, 'subject')).toBe(`'${hostile}`);
    expect(cell(first, 'user_agent')).toBe('Agent, "quoted"\nsecond line');
    expect(cell(second, 'subject')).toBe("'-2+3");
    expect(cell(second, 'user_agent')).toBe('\u202eevil\u001b[2J');
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  }, 60_000);

  it('on a terminal (no data stream) shows each CSV record as one terminal-safe line', async () => {
    const result = await cli('export', log, '--format', 'csv', '--no-geo');
    expect(result.stdout).toHaveLength(3);
    expect(result.stdout.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e]/);
    expect(result.stdout[1]).toContain('\\u000a');
  }, 60_000);

  it('writes an OpenSearch bulk body with --index, action and document in pairs', async () => {
    const out = path.join(dir, 'bulk.ndjson');
    expect(
      (await cli('export', log, '--format', 'opensearch', '--index', 'case-7', '--no-geo', '--out', out)).code,
    ).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    const id = `${sha256HexOfText(readFileSync(log, 'utf8'))}:1`;
    expect(lines[0]).toEqual({ index: { _index: 'case-7', _id: id } });
    expect(lines[1]).toMatchObject({ '@timestamp': '2026-05-01T10:00:00.000Z', subject: hostile, event_id: id });
  }, 60_000);

  it('through the built CLI, standard output that is a pipe gets the bytes exactly (CRLF records)', async () => {
    const bundle = await buildCliInto(path.join(dir, 'bin'));
    const result = spawnSync(process.execPath, [bundle, 'export', log, '--format', 'csv', '--no-geo'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(path.join(dir, 'timeline.csv'), 'utf8'));
    expect(existsSync(path.join(dir, 'timeline.csv'))).toBe(true);
  }, 120_000);
});
