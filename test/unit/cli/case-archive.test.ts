import { spawnSync } from 'node:child_process';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../electron/temp-dir';

// The built CLI (node build/build.mjs cli), spawned as a user runs it: exit codes and output are what is tested.
const SAMPLE = 'test/fixtures/bundles/sample-case.zip';
const CLI = 'cli/bin/tokentrail.cjs';

function tokentrail(...argv: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tokentrail case export / verify / import', () => {
  const tempDir = useTempDirs();
  let archive: string;
  let dir: string;
  beforeAll(() => {
    expect(spawnSync(process.execPath, ['build/build.mjs', 'cli']).status).toBe(0);
  }, 120_000);

  async function exported(): Promise<string> {
    dir = await tempDir();
    archive = path.join(dir, 'case.zip');
    const result = tokentrail(
      'case',
      'export',
      SAMPLE,
      '--out',
      archive,
      '--no-geo',
      '--investigator',
      'Dana',
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { tables: { name: string; rows: number }[]; evidence: number };
    expect(summary.tables.map((table) => table.name)).toEqual([
      'cases',
      'custody',
      'imports',
      'evidenceFiles',
      'cliEvents',
      'cliTokenAnalyses',
      'cliFindings',
      'cliIdentities',
    ]);
    expect(summary.tables.find((table) => table.name === 'cliFindings')!.rows).toBeGreaterThan(5);
    expect(summary.evidence).toBe(7);
    return archive;
  }

  it('exports the sample case, which verifies intact with its custody chain of creation and import', async () => {
    await exported();
    const verify = tokentrail('case', 'verify', archive, '--json');
    expect(verify.code).toBe(0);
    const verdict = JSON.parse(verify.stdout) as { verdict: string; custody: { length: number }; createdBy: string };
    expect(verdict).toMatchObject({ verdict: 'intact', custody: { length: 2 }, createdBy: 'Dana' });
    const human = tokentrail('case', 'verify', archive);
    expect(human.stdout).toContain('Verdict: INTACT');
  }, 60_000);

  it('imports it into a bundle folder that bundle verify accepts and analyze reads', async () => {
    await exported();
    const folder = path.join(dir, 'bundle');
    const imported = tokentrail('case', 'import', archive, '--out', folder);
    expect(imported.code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual([
      'case-config.json',
      'har',
      'keys',
      'logs',
      'manifest.json',
      'tokens',
    ]);
    expect(tokentrail('bundle', 'verify', folder).stdout).toContain('VERIFIED (7 of 7');
    const analyzed = tokentrail('analyze', folder, '--json', '--no-geo');
    expect(analyzed.code).toBe(0);
    expect(analyzed.stdout.trim().split('\n').length).toBeGreaterThan(5);
  }, 60_000);

  it('refuses a tampered archive with exit 1 and the entry named, and writes nothing', async () => {
    await exported();
    const bytes = await readFile(archive);
    bytes[200]! ^= 0x20;
    const tampered = path.join(dir, 'tampered.zip');
    await writeFile(tampered, bytes);
    const verify = tokentrail('case', 'verify', tampered, '--json');
    expect(verify.code).toBe(1);
    expect(JSON.parse(verify.stdout)).toMatchObject({
      verdict: 'refused',
      error: { code: expect.stringMatching(/^archive-/) },
    });
    const folder = path.join(dir, 'never');
    const imported = tokentrail('case', 'import', tampered, '--out', folder);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('refused whole');
    await expect(stat(folder)).rejects.toThrow();
    await expect(stat(`${folder}.partial`)).rejects.toThrow();
  }, 60_000);

  it('refuses a truncated archive (exit 1), an unreadable one (exit 2) and a missing --out (exit 2)', async () => {
    await exported();
    const bytes = await readFile(archive);
    const truncated = path.join(dir, 'truncated.zip');
    await writeFile(truncated, bytes.subarray(0, bytes.length - 10));
    const verify = tokentrail('case', 'verify', truncated);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('refused whole');
    expect(tokentrail('case', 'verify', path.join(dir, 'absent.zip')).code).toBe(2);
    const usage = tokentrail('case', 'import', archive);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--out');
  }, 60_000);
});
