import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { readZip } from '../../../../core/evidence/zip/read-zip';
import { EvidenceError, CancelledError } from '../../../../core/evidence/errors';
import { DEFAULT_ZIP_LIMITS } from '../../../../core/evidence/types';
import { sha256Hex } from '../../../../core/evidence/sha256';
import { craftZip, memoryInput, type CraftedEntry } from '../../../support/craft-zip';

const read = (bytes: Uint8Array, limits = DEFAULT_ZIP_LIMITS) => readZip(memoryInput('evidence.zip', bytes), limits);
const rejects = async (entries: readonly CraftedEntry[] | Uint8Array, code: string, limits = DEFAULT_ZIP_LIMITS) => {
  const bytes = entries instanceof Uint8Array ? entries : craftZip(entries);
  const error = await read(bytes, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvidenceError);
  expect((error as EvidenceError).code).toBe(code);
  expect((error as EvidenceError).message).toContain('evidence.zip');
  return error as EvidenceError;
};

describe('readZip: archives that are accepted', () => {
  it('unpacks stored and deflated entries byte for byte, with their SHA-256', async () => {
    const text = 'eyJhbGciOiJIUzI1NiJ9.e30.sig\n'.repeat(50);
    const contents = await read(
      craftZip([
        { name: 'tokens.txt', data: text },
        { name: 'keys/jwks.json', data: '{"keys":[]}', method: 0 },
        { name: 'keys/' },
      ]),
    );
    expect(contents.map((c) => c.path)).toEqual(['tokens.txt', 'keys/jwks.json']);
    expect(new TextDecoder().decode(contents[0]!.bytes)).toBe(text);
    expect(contents[0]!.sha256).toBe(sha256Hex(new TextEncoder().encode(text)));
  });

  it('reads archives written by another zip implementation (fflate), spanning several read chunks', async () => {
    let state = 2463534242;
    // xorshift noise: incompressible, so the archive stays far below the bomb ratio.
    const big = new Uint8Array(3 * 1024 * 1024 + 17).map(() => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return state & 0xff;
    });
    const contents = await read(zipSync({ 'a/big.bin': big, 'b.txt': new TextEncoder().encode('hello') }));
    // Compare digests: a deep equality over 3 MB of elements takes seconds.
    expect(sha256Hex(contents.find((c) => c.path === 'a/big.bin')!.bytes)).toBe(sha256Hex(big));
  });

  it('stops when cancelled and reports progress while unpacking', async () => {
    const zip = craftZip([{ name: 'a.txt', data: 'x'.repeat(1000) }]);
    const progress: number[] = [];
    await readZip(memoryInput('evidence.zip', zip), DEFAULT_ZIP_LIMITS, { onProgress: (p) => progress.push(p.done) });
    expect(progress.at(-1)).toBeGreaterThan(0);
    await expect(
      readZip(memoryInput('evidence.zip', zip), DEFAULT_ZIP_LIMITS, { signal: { aborted: true } }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('readZip: every hostile archive is refused whole', () => {
  it('path traversal with ..', () =>
    rejects(
      [
        { name: 'ok.txt', data: 'a' },
        { name: 'logs/../../etc/passwd', data: 'b' },
      ],
      'zip-path-traversal',
    ));
  it('backslash separators', () => rejects([{ name: 'logs\\..\\x.txt', data: 'b' }], 'zip-path-traversal'));
  it('absolute names', () => rejects([{ name: '/etc/cron.d/x', data: 'b' }], 'zip-absolute-path'));
  it('drive-letter names', () => rejects([{ name: 'C:/Windows/x', data: 'b' }], 'zip-absolute-path'));
  it('symbolic links', () => rejects([{ name: 'link', data: '/etc/shadow', unixMode: 0o120777 }], 'zip-symlink'));
  it('duplicate names', () =>
    rejects(
      [
        { name: 'tokens.txt', data: 'a' },
        { name: 'tokens.txt', data: 'b' },
      ],
      'zip-duplicate-name',
    ));
  it('names not marked UTF-8 (legacy code page)', () =>
    rejects([{ name: new Uint8Array([0x8e, 0x2e, 0x74]), utf8Flag: false, data: 'a' }], 'zip-non-utf8-name'));
  it('names marked UTF-8 that are not', () =>
    rejects([{ name: new Uint8Array([0xc3, 0x28]), data: 'a' }], 'zip-non-utf8-name'));
  it('more entries than the limit', () =>
    rejects(
      Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, data: 'x' })),
      'zip-too-many-entries',
      { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 },
    ));
  it('a compression ratio over 100:1 (zip bomb)', () =>
    rejects([{ name: 'bomb.txt', data: new Uint8Array(5 * 1024 * 1024) }], 'zip-ratio-exceeded'));
  it('an uncompressed total over the limit, naming how to raise it', async () => {
    const error = await rejects(
      [
        { name: 'a.txt', data: 'x'.repeat(600) },
        { name: 'b.txt', data: 'y'.repeat(600) },
      ],
      'zip-too-large',
      { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 1000 },
    );
    expect(error.message).toMatch(/raise the limit/);
  });
  it('an entry that inflates to more than it declares', () =>
    rejects([{ name: 'liar.txt', data: 'z'.repeat(5000), declaredSize: 10 }], 'zip-size-mismatch'));
  it('overlapping entries (non-recursive bomb)', () =>
    rejects(
      [
        { name: 'a.txt', data: 'aaaa' },
        { name: 'b.txt', data: 'aaaa', reuseLocalHeaderOf: 0 },
      ],
      'zip-overlapping-entries',
    ));
  it('encrypted entries', () => rejects([{ name: 'a.txt', data: 'a', encrypted: true }], 'zip-encrypted'));
  it('unknown compression methods', () =>
    rejects([{ name: 'a.txt', data: 'a', method: 14 }], 'zip-unsupported-method'));
  it('a CRC mismatch (corrupt bytes)', () => rejects([{ name: 'a.txt', data: 'abc', crc32: 1234 }], 'zip-corrupt'));
  it('a file that is not a zip', () =>
    rejects(new TextEncoder().encode('this is a HAR, not a zip, and long enough'), 'zip-corrupt'));
  it('a truncated archive (copy interrupted)', async () => {
    const whole = craftZip([
      { name: 'a.txt', data: 'a'.repeat(4000) },
      { name: 'b.txt', data: 'b' },
    ]);
    // Keep the end record but cut the middle: the directory now points past the end of the file.
    const cut = new Uint8Array([...whole.subarray(0, 20), ...whole.subarray(whole.length - 22)]);
    await rejects(cut, 'zip-truncated');
  });
  it('deflate data that is garbage', async () => {
    // Store 'hello' and then relabel it as deflate in both headers: the bytes are not a deflate stream.
    const zip = craftZip([{ name: 'a.txt', data: 'hello', method: 0 }]);
    const view = new DataView(zip.buffer);
    const centralAt = zip.length - 22 - (46 + 'a.txt'.length);
    view.setUint16(8, 8, true);
    view.setUint16(centralAt + 10, 8, true);
    await rejects(zip, 'zip-corrupt');
  });
});

describe('readZip: property', () => {
  it('never crashes or hangs on arbitrary bytes: it returns contents or an EvidenceError', async () => {
    const valid = craftZip([
      { name: 'a.txt', data: 'hello world' },
      { name: 'b.txt', data: 'x'.repeat(300) },
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (edits) => {
          const mutated = valid.slice();
          for (const [at, value] of edits) mutated[at] = value;
          await read(mutated).catch((error: unknown) => expect(error).toBeInstanceOf(EvidenceError));
        },
      ),
      { numRuns: 300 },
    );
  });
});
