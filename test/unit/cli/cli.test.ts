import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { TOOL_VERSION } from '../../../core/version';
import { craftZip } from '../../support/craft-zip';

const capture = () => {
  const lines = { stdout: [] as string[], stderr: [] as string[] };
  return {
    lines,
    out: { stdout: (l: string) => void lines.stdout.push(l), stderr: (l: string) => void lines.stderr.push(l) },
  };
};
const cli = async (...argv: string[]) => {
  const { lines, out } = capture();
  const code = await run(argv, out);
  return { code, stdout: lines.stdout.join('\n'), stderr: lines.stderr.join('\n') };
};

describe('tokentrail CLI', () => {
  it('keeps its version equal to package.json', () => {
    expect(TOOL_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('prints help and version', async () => {
    expect((await cli('--help')).stdout).toMatch(/bundle verify/);
    expect(await cli('--version')).toMatchObject({ code: 0, stdout: TOOL_VERSION });
  });

  it('exits 0 and lists every file for a bundle that verifies', async () => {
    const result = await cli('bundle', 'verify', 'test/fixtures/bundles/sample-case.zip');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Verdict: VERIFIED \(7 of 7/);
  });

  it('exits 1 on a tampered bundle and names each problem in JSON', async () => {
    const result = await cli('bundle', 'verify', 'test/fixtures/bundles/tampered-case.zip', '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.verdict).toBe('mismatch');
    expect(
      report.files
        .filter((f: { verdict: string }) => f.verdict !== 'match')
        .map((f: { path: string; verdict: string }) => `${f.path}:${f.verdict}`),
    ).toEqual([
      'tokens/captured-tokens.txt:size-mismatch',
      'har/support-laptop.har:missing',
      'notes/readme.txt:unlisted',
    ]);
  });

  describe('on files it must refuse', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'tt-cli-'));
    });
    it('exits 2 with the reason on a hostile zip', async () => {
      const zip = path.join(dir, 'evil.zip');
      writeFileSync(zip, craftZip([{ name: '../../etc/passwd', data: 'x' }]));
      const result = await cli('bundle', 'verify', zip);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/evil\.zip: entry "\.\.\/\.\.\/etc\/passwd" climbs out/);
      const json = await cli('bundle', 'verify', zip, '--json');
      expect(JSON.parse(json.stdout).error.code).toBe('zip-path-traversal');
    });
    it('verifies a bundle folder and refuses one containing a symlink', async () => {
      const folder = path.join(dir, 'case');
      mkdirSync(path.join(folder, 'tokens'), { recursive: true });
      writeFileSync(path.join(folder, 'tokens', 'a.txt'), 'abc');
      const sha = execFileSync('sha256sum', [path.join(folder, 'tokens', 'a.txt')])
        .toString()
        .split(' ')[0];
      writeFileSync(
        path.join(folder, 'manifest.json'),
        JSON.stringify({
          format: 'tokentrail-bundle',
          formatVersion: 1,
          case: { title: 'F' },
          files: [{ path: 'tokens/a.txt', kind: 'tokens', mediaType: 'text/plain', size: 3, sha256: sha }],
        }),
      );
      expect((await cli('bundle', 'verify', folder)).code).toBe(0);
      symlinkSync('/etc/hostname', path.join(folder, 'link'));
      const result = await cli('bundle', 'verify', folder);
      expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/link is a symbolic link/) });
    });
    it('exits 2 on a missing path and on usage errors', async () => {
      expect((await cli('bundle', 'verify', path.join(dir, 'nope.zip'))).code).toBe(2);
      expect((await cli('bundle', 'frobnicate')).stderr).toMatch(/unknown command/);
      expect((await cli('bundle', 'verify', 'x', '--max-uncompressed', 'lots')).code).toBe(2);
    });
    it('raises the uncompressed limit on request', async () => {
      const zip = path.join(dir, 'big.zip');
      writeFileSync(zip, craftZip([{ name: 'a.txt', data: 'x'.repeat(2000) }]));
      expect((await cli('bundle', 'verify', zip, '--max-uncompressed', '1000')).stderr).toMatch(/raise the limit/);
      expect((await cli('bundle', 'verify', zip, '--max-uncompressed', '5000')).code).toBe(1); // no manifest: generated
    });
  });

  it('works as the installed command (npx tokentrail), from the built bundle', () => {
    const result = spawnSync(
      'node',
      ['cli/bin/tokentrail.cjs', 'bundle', 'verify', 'test/fixtures/bundles/sample-case.zip', '--json'],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).verdict).toBe('verified');
  });
});
