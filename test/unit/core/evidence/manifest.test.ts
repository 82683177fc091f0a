import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../../core/evidence/manifest';

const parse = (value: unknown) =>
  parseManifest(new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value, null, 2)));
const valid = {
  format: 'tokentrail-bundle',
  formatVersion: 1,
  case: { title: 'T' },
  files: [{ path: 'a.txt', kind: 'tokens', mediaType: 'text/plain', size: 1, sha256: 'a'.repeat(64) }],
};

describe('parseManifest', () => {
  it('accepts a valid manifest, with or without a BOM', () => {
    expect(parse(valid)).toEqual({
      manifest: expect.objectContaining({ files: [expect.objectContaining({ path: 'a.txt' })] }),
      problems: [],
    });
    expect(parse(`\uFEFF${JSON.stringify(valid)}`).problems).toEqual([]);
  });
  it('refuses an unknown format version outright', () => {
    const result = parse({ ...valid, formatVersion: 2 });
    expect(result.manifest).toBeUndefined();
    expect(result.problems[0]!.code).toBe('manifest-unsupported-version');
  });
  it('drops and reports invalid entries, pointing at their line', () => {
    const result = parse({
      ...valid,
      files: [
        ...valid.files,
        { path: '../x', kind: 'tokens', size: 1, sha256: 'a'.repeat(64) },
        { path: 'b.txt', kind: 'nonsense', size: -1, sha256: 'XYZ' },
      ],
    });
    expect(result.manifest!.files.map((f) => f.path)).toEqual(['a.txt']);
    expect(result.problems.map((p) => p.code)).toEqual([
      'manifest-invalid-entry',
      'manifest-invalid-entry',
      'manifest-invalid-entry',
      'manifest-invalid-entry',
    ]);
    expect(result.problems.find((p) => p.message.includes('b.txt'))!.line).toBeGreaterThan(10);
  });
  it('requires collectedAt with an offset, so times are never ambiguous', () => {
    expect(parse({ ...valid, case: { title: 'T', collectedAt: '2026-11-02 14:03' } }).problems[0]!.message).toMatch(
      /time-zone offset/,
    );
  });
  it('reports duplicate paths', () => {
    expect(parse({ ...valid, files: [valid.files[0], valid.files[0]] }).problems[0]!.code).toBe(
      'manifest-duplicate-path',
    );
  });
});
