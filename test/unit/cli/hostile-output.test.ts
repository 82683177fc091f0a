import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { sha256Hex } from '../../../core/evidence/sha256';
import { craftZip } from '../../support/craft-zip';

/**
 * Evidence text reaches the terminal through bundle verify, ingest and analyze: a manifest title, a file name or a
 * log line written by an attacker must not forge a line, clear the screen, set the window title or reorder text.
 */
const cli = async (...argv: string[]) => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, { stdout: (line) => void stdout.push(line), stderr: (line) => void stderr.push(line) });
  return { code, stdout, stderr };
};

/** ANSI clear-screen and window-title sequences, a carriage return, line breaks (\n, U+2028) and a bidi override. */
const HOSTILE =
  'x\u001b[2J\u001b]0;owned\u0007\rVerdict: VERIFIED (9 of 9 file(s) match the manifest)\n\u2028\u202eexe.txt';
/** What must never reach a terminal raw. */
const RAW_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectSafe(lines: readonly string[]): void {
  for (const line of lines) expect(line).not.toMatch(RAW_CONTROL);
}

const encoder = new TextEncoder();
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
const logLine = JSON.stringify({
  ts: '2026-11-02T14:03:00Z',
  kind: 'use',
  sub: HOSTILE,
  ip: '203.0.113.9',
  reason: HOSTILE,
  token: TOKEN,
});

let dir: string;
let bundle: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tt-hostile-'));
  const log = `${logLine}\n${logLine}\n{"ts":"2026-11-02T14:04:00Z","kind":"${HOSTILE.replace(/[\u0000-\u001f"\\]/g, '')}"}\n`;
  const fileName = `logs/a${HOSTILE.replace(/[\\/]/g, '')}.jsonl`;
  const manifest = {
    format: 'tokentrail-bundle',
    formatVersion: 1,
    case: { title: HOSTILE, collectedBy: HOSTILE },
    files: [
      {
        path: fileName,
        kind: 'auth-log',
        mediaType: 'application/x-ndjson',
        size: 1,
        sha256: sha256Hex(encoder.encode('other')),
      },
    ],
  };
  bundle = path.join(dir, 'hostile.zip');
  writeFileSync(
    bundle,
    craftZip([
      { name: 'manifest.json', data: JSON.stringify(manifest) },
      { name: fileName, data: log },
    ]),
  );
});

describe('CLI output of hostile evidence is terminal-safe', () => {
  it('bundle verify: the manifest title and a file name cannot forge the verdict line', async () => {
    const result = await cli('bundle', 'verify', bundle);
    expect(result.code).toBe(1);
    expectSafe([...result.stdout, ...result.stderr]);
    expect(result.stdout.filter((line) => line.startsWith('Verdict:'))).toEqual([
      'Verdict: MISMATCH (0 of 1 file(s) match the manifest)',
    ]);
    expect(result.stdout.join('\n')).toContain('\\u001b[2J');
    const json = await cli('bundle', 'verify', bundle, '--json');
    expectSafe(json.stdout);
    expect(JSON.parse(json.stdout.join('\n')).case.title).toBe(HOSTILE);
  });

  it('ingest: events, problems and file names are escaped, text and JSON', async () => {
    for (const mode of [[], ['--json']]) {
      const result = await cli('ingest', bundle, '--no-geo', ...mode);
      expectSafe([...result.stdout, ...result.stderr]);
      expect(result.stdout.length).toBeGreaterThan(0);
    }
    const json = await cli('ingest', bundle, '--no-geo', '--json');
    expect(JSON.parse(json.stdout[0]!).subject).toBe(HOSTILE);
    expect(json.stderr.join('\n')).toMatch(/unknown-kind/);
  });

  it("analyze: the evidence line, the bundle's problems and the record problems are escaped", async () => {
    for (const mode of [[], ['--json']]) {
      const result = await cli('analyze', bundle, '--no-geo', ...mode);
      expectSafe([...result.stdout, ...result.stderr]);
      expect(result.stderr.join('\n')).toMatch(/does not match its manifest/);
    }
  });
});

describe('bundle verify: a file named .zip is a zip', () => {
  it('refuses an empty or random file named .zip (exit 2) instead of hashing it as a loose file', async () => {
    const empty = path.join(dir, 'empty.zip');
    writeFileSync(empty, new Uint8Array(0));
    const random = path.join(dir, 'random.zip');
    writeFileSync(
      random,
      new Uint8Array(4096).map((_, index) => (index * 7919) % 251),
    );
    for (const file of [empty, random]) {
      const result = await cli('bundle', 'verify', file, '--json');
      expect(result.code).toBe(2);
      expect(JSON.parse(result.stdout.join('\n')).error.code).toBe('zip-corrupt');
    }
  });
});
