import { describe, expect, it } from 'vitest';
import { compareFileHashes } from '../../../../core/evidence/reverify';

const original = 'a'.repeat(64);
const forged = 'b'.repeat(64);

describe('compareFileHashes', () => {
  it('is intact when bytes, stored hash, custody record and manifest agree', () => {
    expect(
      compareFileHashes({ bytes: original, stored: original, custody: original, manifest: original }),
    ).toMatchObject({ intact: true, disagreeing: [] });
    expect(
      compareFileHashes({ bytes: original, stored: original, custody: original, manifest: undefined }).intact,
    ).toBe(true);
  });
  it('refuses bytes and stored hash changed together: the custody record and the manifest still hold the original', () => {
    const result = compareFileHashes({ bytes: forged, stored: forged, custody: original, manifest: original });
    expect(result.intact).toBe(false);
    expect(result.disagreeing).toEqual(['bytes', 'stored']);
    expect(result.explanation).toBe(
      'stored bytes bbbbbbbbbbbb…, stored hash bbbbbbbbbbbb… differ from the custody record aaaaaaaaaaaa…',
    );
  });
  it('names each source that disagrees', () => {
    expect(
      compareFileHashes({ bytes: forged, stored: original, custody: original, manifest: original }).disagreeing,
    ).toEqual(['bytes']);
    expect(
      compareFileHashes({ bytes: original, stored: forged, custody: original, manifest: original }).disagreeing,
    ).toEqual(['stored']);
    expect(
      compareFileHashes({ bytes: original, stored: original, custody: original, manifest: forged }).disagreeing,
    ).toEqual(['manifest']);
  });
  it('fails a file whose bytes are gone or whose custody record is missing', () => {
    expect(
      compareFileHashes({ bytes: undefined, stored: original, custody: original, manifest: undefined }).disagreeing,
    ).toEqual(['bytes']);
    const unrecorded = compareFileHashes({
      bytes: original,
      stored: original,
      custody: undefined,
      manifest: undefined,
    });
    expect(unrecorded.intact).toBe(false);
    expect(unrecorded.disagreeing).toContain('custody');
    expect(unrecorded.explanation).toContain('no custody record');
  });
});
