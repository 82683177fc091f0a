import { describe, expect, it } from 'vitest';
import { checkBundle, verifyBundle } from '../../../../core/evidence/verify-bundle';
import { EvidenceError } from '../../../../core/evidence/errors';
import { sha256Hex } from '../../../../core/evidence/sha256';
import { DEFAULT_ZIP_LIMITS } from '../../../../core/evidence/types';
import { readZip } from '../../../../core/evidence/zip/read-zip';
import { craftZip, memoryInput } from '../../../support/craft-zip';

const encoder = new TextEncoder();

/** A random-access input that counts its reads: over IPC or a Blob each one is a round trip of milliseconds. */
function countingInput(name: string, bytes: Uint8Array) {
  const input = memoryInput(name, bytes);
  const counter = { reads: 0 };
  return {
    counter,
    input: { ...input, read: (offset: number, length: number) => (counter.reads++, input.read(offset, length)) },
  };
}

describe('zip entries are read in few reads and streamed', () => {
  it('9,999 one-byte entries take a handful of reads, not two per entry', async () => {
    const zip = craftZip(
      Array.from({ length: 9_999 }, (_, index) => ({ name: `f/${index}.txt`, data: 'x', method: 0 })),
    );
    const { counter, input } = countingInput('many.zip', zip);
    const contents = await readZip(input, DEFAULT_ZIP_LIMITS);
    expect(contents).toHaveLength(9_999);
    // One read for the end record, one for the directory, one per 1 MiB window (the archive is ~0.6 MB).
    expect(counter.reads).toBeLessThan(10);
  });

  it('checkBundle gives the verdict verifyBundle gives, and streams each file again on request', async () => {
    const log = 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln\n'.repeat(5000);
    const manifest = {
      format: 'tokentrail-bundle',
      formatVersion: 1,
      case: { title: 'Case' },
      files: [
        {
          path: 'logs/a.txt',
          kind: 'tokens',
          mediaType: 'text/plain',
          size: log.length,
          sha256: sha256Hex(encoder.encode(log)),
        },
      ],
    };
    const zip = craftZip([
      { name: 'case-1/manifest.json', data: JSON.stringify(manifest) },
      { name: 'case-1/logs/a.txt', data: log },
      { name: 'case-1/keys/jwks.json', data: '{"keys": [' },
    ]);
    const input = { type: 'zip' as const, zip: memoryInput('case.zip', zip) };
    const kept = await verifyBundle(input);
    const { present, ...checked } = await checkBundle(input);
    const { contents, ...verdict } = kept;
    expect(checked).toEqual(verdict);
    expect(checked.verdict).toBe('mismatch');
    expect(checked.problems.map((problem) => problem.code)).toEqual(['file-unlisted', 'jwks-invalid-json']);
    expect(present.map((file) => [file.path, file.kind])).toEqual([
      ['logs/a.txt', 'tokens'],
      ['keys/jwks.json', 'jwks'],
    ]);
    const parts: Uint8Array[] = [];
    for await (const chunk of present[0]!.open().chunks()) parts.push(chunk);
    expect(new TextDecoder().decode(Buffer.concat(parts))).toBe(log);
    expect(contents.map((content) => content.path)).toEqual(['logs/a.txt', 'keys/jwks.json']);
  });

  it('refuses an entry whose local header names another file than the central directory does', async () => {
    const zip = craftZip([
      { name: 'ok.txt', data: 'a' },
      { name: 'a.txt', data: 'b' },
    ]);
    // Rename the second entry in its local header only: "a.txt" becomes "b.exe" for tools that read local headers.
    const second = zip.indexOf(0x50, 30 + 'ok.txt'.length);
    const view = new DataView(zip.buffer);
    expect(view.getUint32(second, true)).toBe(0x04034b50);
    zip.set(encoder.encode('b.exe'), second + 30);
    for (const read of [
      () => readZip(memoryInput('evidence.zip', zip), DEFAULT_ZIP_LIMITS),
      () => checkBundle({ type: 'zip', zip: memoryInput('evidence.zip', zip) }),
    ]) {
      const error = await read().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(EvidenceError);
      expect((error as EvidenceError).code).toBe('zip-name-mismatch');
      expect((error as EvidenceError).message).toMatch(
        /evidence\.zip: entry "a\.txt" has another name in its local header/,
      );
    }
  });
});
