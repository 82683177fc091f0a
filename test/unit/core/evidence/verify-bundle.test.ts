import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../../core/evidence/verify-bundle';
import { sha256Hex } from '../../../../core/evidence/sha256';
import type { SequentialInput } from '../../../../core/evidence/types';
import { craftZip, memoryInput } from '../../../support/craft-zip';

const encoder = new TextEncoder();
const file = (path: string, text: string): SequentialInput => {
  const bytes = encoder.encode(text);
  return {
    path,
    size: bytes.length,
    chunks: async function* () {
      yield bytes.subarray(0, 3);
      yield bytes.subarray(3);
    },
  };
};
const entry = (path: string, text: string, kind = 'tokens') => ({
  path,
  kind,
  mediaType: 'text/plain',
  size: encoder.encode(text).length,
  sha256: sha256Hex(encoder.encode(text)),
});
const manifestOf = (files: object[], extra: object = {}) =>
  JSON.stringify(
    {
      format: 'tokentrail-bundle',
      formatVersion: 1,
      case: { title: 'Case 17', caseNumber: 'IR-17', collectedAt: '2026-11-02T14:03:00+01:00' },
      files,
      ...extra,
    },
    null,
    2,
  );

describe('verifyBundle', () => {
  it('verifies the shipped sample bundle: every file matches', async () => {
    const zip = new Uint8Array(readFileSync('test/fixtures/bundles/sample-case.zip'));
    const report = await verifyBundle({ type: 'zip', zip: memoryInput('sample-case.zip', zip) });
    expect(report.verdict).toBe('verified');
    expect(report.files.length).toBe(7);
    expect(report.files.every((f) => f.verdict === 'match')).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.origin.sha256).toBe(sha256Hex(zip));
    expect(report.manifest.case.caseNumber).toBe('NW-IR-2026-0142');
  });

  it('names every altered, missing and unlisted file of the tampered fixture', async () => {
    const zip = new Uint8Array(readFileSync('test/fixtures/bundles/tampered-case.zip'));
    const report = await verifyBundle({ type: 'zip', zip: memoryInput('tampered-case.zip', zip) });
    expect(report.verdict).toBe('mismatch');
    const verdicts = Object.fromEntries(report.files.map((f) => [f.path, f.verdict]));
    expect(verdicts['tokens/captured-tokens.txt']).toBe('size-mismatch');
    expect(verdicts['har/support-laptop.har']).toBe('missing');
    expect(verdicts['notes/readme.txt']).toBe('unlisted');
    expect(report.problems.map((p) => p.code).sort()).toEqual(['file-missing', 'file-size-mismatch', 'file-unlisted']);
  });

  it('tells a same-size alteration (hash mismatch) from a size change', async () => {
    const manifest = manifestOf([entry('a.txt', 'original')]);
    const report = await verifyBundle({
      type: 'folder',
      name: 'case',
      files: [file('manifest.json', manifest), file('a.txt', 'origimal')],
    });
    expect(report.files[0]!.verdict).toBe('hash-mismatch');
    expect(report.problems[0]!.message).toMatch(/altered after the manifest/);
  });

  it('finds the manifest under the single top folder a zipped folder has', async () => {
    const manifest = manifestOf([entry('tokens.txt', 'abc')]);
    const zip = craftZip([
      { name: 'case-17/manifest.json', data: manifest },
      { name: 'case-17/tokens.txt', data: 'abc' },
    ]);
    const report = await verifyBundle({ type: 'zip', zip: memoryInput('case-17.zip', zip) });
    expect(report.verdict).toBe('verified');
    expect(report.files[0]!.path).toBe('tokens.txt');
  });

  it('generates and marks a manifest for loose files, guessing each kind from content', async () => {
    const har = JSON.stringify({ log: { version: '1.2', entries: [] } });
    const report = await verifyBundle({
      type: 'loose-files',
      files: [
        file('export (3).txt', har),
        file('keys.json', '{"keys":[{"kty":"RSA"}]}'),
        file('t.txt', 'eyJhbGciOiJub25lIn0.e30.\n'),
      ],
    });
    expect(report.verdict).toBe('generated');
    expect(report.manifest.generated).toBe(true);
    expect(report.files.map((f) => [f.verdict, f.kind])).toEqual([
      ['generated', 'har'],
      ['generated', 'jwks'],
      ['generated', 'tokens'],
    ]);
    expect(report.contents[0]!.sha256).toBe(sha256Hex(encoder.encode(har)));
  });

  it('says of a loose file that is empty or not text what it is and that nothing was read from it', async () => {
    const bytesFile = (path: string, bytes: Uint8Array): SequentialInput => ({
      path,
      size: bytes.length,
      chunks: async function* () {
        if (bytes.length > 0) yield bytes;
      },
    });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const gzip = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    const report = await verifyBundle({
      type: 'loose-files',
      files: [
        bytesFile('empty.log', new Uint8Array(0)),
        bytesFile('screenshot.png', png),
        bytesFile('dump.bin', Uint8Array.from([1, 2, 0, 4])),
        bytesFile('access.log.gz', gzip),
        file('access.log', '127.0.0.1 - - [18/Nov/2026:09:00:00 +0000] "GET / HTTP/1.1" 200 1\n'),
      ],
    });
    expect(report.files.map((check) => [check.path, check.kind, check.mediaType, check.description])).toEqual([
      ['empty.log', 'other', 'application/octet-stream', 'Empty file (0 bytes): nothing was read from it.'],
      ['screenshot.png', 'other', 'image/png', 'Not text (a PNG image): nothing was read from it.'],
      ['dump.bin', 'other', 'application/octet-stream', 'Not text (binary data): nothing was read from it.'],
      ['access.log.gz', 'other', 'application/octet-stream', undefined],
      ['access.log', 'access-log', 'text/plain', undefined],
    ]);
    expect(report.manifest.files[0]!.description).toBe('Empty file (0 bytes): nothing was read from it.');
  });

  it('reports a broken manifest with its line, and still hashes and lists every file', async () => {
    const report = await verifyBundle({
      type: 'folder',
      name: 'case',
      files: [
        file('manifest.json', '{\n  "format": "tokentrail-bundle",\n  "files": [\n    oops\n  ]\n}'),
        file('a.txt', 'x'),
      ],
    });
    expect(report.verdict).toBe('mismatch');
    expect(report.problems[0]).toMatchObject({ code: 'manifest-invalid-json', file: 'manifest.json', line: 4 });
    expect(report.files[0]).toMatchObject({ path: 'a.txt', verdict: 'unlisted' });
  });

  it('checks case-config and key-rotation files and points at the offending line', async () => {
    const config =
      '{\n  "format": "tokentrail-case-config",\n  "formatVersion": 1,\n  "allowedAlgorithms": ["RS256", "RS265"]\n}';
    const rotation =
      '{\n  "format": "tokentrail-key-rotation",\n  "formatVersion": 1,\n  "keys": [\n    { "kid": "k1", "activated": "yesterday" }\n  ]\n}';
    const manifest = manifestOf([
      entry('case-config.json', config, 'case-config'),
      entry('keys/rotation.json', rotation, 'key-rotation'),
    ]);
    const report = await verifyBundle({
      type: 'folder',
      name: 'case',
      files: [file('manifest.json', manifest), file('case-config.json', config), file('keys/rotation.json', rotation)],
    });
    expect(report.problems).toEqual([
      expect.objectContaining({
        code: 'case-config-invalid',
        file: 'case-config.json',
        line: 4,
        message: expect.stringContaining('RS265'),
      }),
      expect.objectContaining({
        code: 'key-rotation-invalid',
        file: 'keys/rotation.json',
        line: 5,
        message: expect.stringContaining('activated'),
      }),
    ]);
  });
});
